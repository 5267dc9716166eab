/**
 * Name resolution of written types: a single-segment type name nothing declares is E0425 (rustc
 * 1.95 gives types the code of values; older releases said E0412), a path
 * whose first segment names nothing is E0433 (both rustc's resolve phase).
 */
import type { Program } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import type { Cx } from './cx.ts';
import { knownPathRoot, knownTypeName } from './names.ts';

export function checkTypePaths(cx: Cx, program: Program): void {
  if (cx.openNames) return;
  // Generic parameter names anywhere in the program: scoping them precisely buys nothing here.
  const generics = new Set<string>();
  walk(program, (node) => {
    if (node.kind === 'TypeParam') generics.add(node.name);
    if (node.kind === 'TypeAlias') generics.add(node.name);
    return true;
  });
  walk(program, (node) => {
    if (node.kind !== 'PathType' || node.path.qself || node.path.global) return true;
    const segs = node.path.segments;
    const first = segs[0];
    if (first === undefined) return true;
    if (segs.length === 1 && !knownTypeName(first.name, cx.items, generics)) {
      cx.findings.error(
        'resolve',
        first.span,
        'E0425',
        `cannot find type \`${first.name}\` in this scope`,
        'not found in this scope',
      );
    } else if (segs.length > 1 && !knownPathRoot(first.name, cx.items, generics)) {
      cx.findings.error('resolve', first.span, 'E0433', `failed to resolve: use of undeclared type \`${first.name}\``);
    }
    return true;
  });
}
