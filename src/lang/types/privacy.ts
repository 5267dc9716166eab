/**
 * Field privacy across `mod` blocks (E0616): a field without `pub` is visible in the module that
 * declares its struct and in that module's descendants only. Runs after inference, on the recorded
 * type of each field access's object.
 */
import type { Program, StructItem } from '../syntax/ast.ts';
import { forEachChild, type SyntaxNode } from '../syntax/visit.ts';
import { derefStep } from './coerce.ts';
import type { Cx } from './cx.ts';

function isPrefix(outer: readonly string[], inner: readonly string[]): boolean {
  return outer.length <= inner.length && outer.every((m, i) => inner[i] === m);
}

export function checkFieldPrivacy(cx: Cx, program: Program): void {
  const home = new Map<StructItem, readonly string[]>();
  const fieldSites: { node: Extract<SyntaxNode, { kind: 'Field' }>; module: readonly string[] }[] = [];
  const visit = (node: SyntaxNode, module: readonly string[]): void => {
    if (node.kind === 'Struct') home.set(node, module);
    if (node.kind === 'Field') fieldSites.push({ node, module });
    const inner = node.kind === 'Mod' ? [...module, node.name] : module;
    forEachChild(node, (c) => visit(c, inner));
  };
  visit(program, []);
  if (![...home.values()].some((m) => m.length > 0)) return;
  for (const { node, module } of fieldSites) {
    let cur = cx.exprTy.get(node.object) ?? null;
    for (let i = 0; cur !== null && i < 8; i++) {
      const s = cx.resolved(cur);
      if (s.k === 'adt' && cx.items.adts.has(s.name)) {
        const def = cx.items.adts.get(s.name);
        const item = def?.item;
        if (item?.kind !== 'Struct' || item.fields.kind !== 'NamedFields' || cx.items.ambiguous.has(s.name)) break;
        const field = item.fields.fields.find((f) => f.name === node.name);
        const where = home.get(item);
        if (field !== undefined && field.vis === null && where !== undefined && !isPrefix(where, module)) {
          cx.findings.error(
            'typeck',
            node.nameSpan,
            'E0616',
            `field \`${node.name}\` of struct \`${s.name}\` is private`,
            'private field',
          );
        }
        break;
      }
      cur = derefStep(cx, s);
    }
  }
}
