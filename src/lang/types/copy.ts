/** Is a type certainly not `Copy` (so using a value of it moves it)? Unknown types are never said to move. */
import type { Items } from './items.ts';
import type { InferTable } from './table.ts';
import type { Ty } from './ty.ts';

const COPY_STD = new Set(['Duration', 'Instant']);

export function certainlyMoves(t: Ty, table: InferTable, items: Items): boolean {
  const s = table.shallow(t);
  switch (s.k) {
    case 'adt': {
      if (COPY_STD.has(s.name)) return false;
      if (s.name === 'Option') return s.args[0] !== undefined && certainlyMoves(s.args[0], table, items);
      if (s.name === 'Result') return s.args.some((a) => certainlyMoves(a, table, items));
      const def = items.adts.get(s.name);
      if (def === undefined) return true;
      if (items.ambiguous.has(s.name) || def.derives.has('Copy')) return false;
      return !items.impls.some((i) => i.trait === 'Copy' && (i.selfName === s.name || i.blanket));
    }
    case 'tuple':
      return s.elems.some((e) => certainlyMoves(e, table, items));
    case 'array':
      return certainlyMoves(s.elem, table, items);
    case 'future':
      return true;
    default:
      return false;
  }
}
