/**
 * `break value` is only for `loop` (E0571): a `for` or `while` loop has no value to give. The
 * target is the labelled loop or the innermost one; closures, async blocks and nested items start
 * afresh, since a `break` cannot leave them.
 */
import type { Program } from '../syntax/ast.ts';
import { forEachChild, type SyntaxNode } from '../syntax/visit.ts';
import type { Cx } from './cx.ts';

interface Loop {
  readonly kind: 'loop' | 'for' | 'while';
  readonly label: string | null;
}

export function checkBreakValues(cx: Cx, program: Program): void {
  const visit = (node: SyntaxNode, loops: readonly Loop[]): void => {
    switch (node.kind) {
      case 'Closure':
      case 'AsyncBlock':
      case 'Fn':
        forEachChild(node, (c) => visit(c, []));
        return;
      case 'Loop':
      case 'For':
      case 'While': {
        const kind = node.kind === 'Loop' ? 'loop' : node.kind === 'For' ? 'for' : 'while';
        const inner = [...loops, { kind, label: node.label } as const];
        // Only the body is inside the loop; the iterator or condition belongs to the outer one.
        forEachChild(node, (c) => visit(c, c === node.body ? inner : loops));
        return;
      }
      case 'Break': {
        const target =
          node.label === null ? loops[loops.length - 1] : [...loops].reverse().find((l) => l.label === node.label);
        if (node.value !== null && target !== undefined && target.kind !== 'loop') {
          cx.findings.error(
            'typeck',
            node.span,
            'E0571',
            `\`break\` with value from a \`${target.kind}\` loop`,
            `can only break with a value inside \`loop\` or breakable block`,
          );
        }
        forEachChild(node, (c) => visit(c, loops));
        return;
      }
      default:
        forEachChild(node, (c) => visit(c, loops));
    }
  };
  visit(program, []);
}
