/**
 * Match exhaustiveness (E0004) and refutable `let`/`for` patterns (E0005), for the families the checker can enumerate from the patterns
 * themselves: `Option`, `Result`, user enums, `bool` and integer literals. A family it cannot
 * enumerate (tuples, slices, multi-field variants with refutable fields) counts as covered, so a
 * finding is always a real gap.
 */
import type { Expr, Pattern, Program } from '../syntax/ast.ts';
import { walk } from '../syntax/visit.ts';
import type { Cx } from './cx.ts';
import { lastName } from './items.ts';
import { enumVariantInScope } from './names.ts';

interface Ctor {
  readonly name: string;
  /** How rustc writes it in a witness, with `_` for its fields. */
  readonly show: (inner: string | null) => string;
  readonly arity: number;
}

type Family = { readonly kind: 'ctors'; readonly ctors: readonly Ctor[] } | { readonly kind: 'ints' } | null;

const opt: Ctor[] = [
  { name: 'Some', arity: 1, show: (i) => `Some(${i ?? '_'})` },
  { name: 'None', arity: 0, show: () => 'None' },
];
const res: Ctor[] = [
  { name: 'Ok', arity: 1, show: (i) => `Ok(${i ?? '_'})` },
  { name: 'Err', arity: 1, show: (i) => `Err(${i ?? '_'})` },
];
const bools: Ctor[] = [
  { name: 'true', arity: 0, show: () => 'true' },
  { name: 'false', arity: 0, show: () => 'false' },
];

function strip(p: Pattern): Pattern {
  let cur = p;
  while (cur.kind === 'ParenPat' || cur.kind === 'RefPat') cur = cur.pat;
  return cur;
}

function flatten(pats: readonly Pattern[]): Pattern[] {
  const out: Pattern[] = [];
  for (const p of pats) {
    const s = strip(p);
    if (s.kind === 'OrPat') out.push(...flatten(s.alts));
    else out.push(s);
  }
  return out;
}

export class Exhaustiveness {
  constructor(private readonly cx: Cx) {}

  /** The constructor a pattern names (`Some`, `E::V`, `true`), with the enum it belongs to. */
  private ctorOf(p: Pattern): { family: string; name: string } | null {
    switch (p.kind) {
      case 'LitPat':
        if (p.lit.kind === 'BoolLit') return { family: 'bool', name: String(p.lit.value) };
        if (p.lit.kind === 'IntLit') return { family: 'int', name: String(p.lit.value) };
        return null;
      case 'IdentPat': {
        if (p.sub !== null) return null;
        if (p.name === 'None') return { family: 'Option', name: 'None' };
        const owner = enumVariantInScope(p.name, this.cx.items);
        return owner !== null ? { family: owner, name: p.name } : null;
      }
      case 'PathPat':
      case 'TupleStructPat':
      case 'StructPat': {
        const segs = p.path.segments.map((s) => s.name);
        const name = lastName(p.path);
        if (segs.length === 1) {
          if (name === 'Some' || name === 'None') return { family: 'Option', name };
          if (name === 'Ok' || name === 'Err') return { family: 'Result', name };
          const owner = enumVariantInScope(name, this.cx.items);
          return owner !== null ? { family: owner, name } : null;
        }
        // `Self::V` needs the impl's type; such matches are left unchecked.
        const owner = segs[segs.length - 2] ?? '';
        if (this.cx.items.adts.get(owner)?.kind === 'enum') return { family: owner, name };
        if (owner === 'Option' || owner === 'Result') return { family: owner, name };
        return null;
      }
      default:
        return null;
    }
  }

  private irrefutable(p: Pattern): boolean {
    const s = strip(p);
    switch (s.kind) {
      case 'WildPat':
      case 'RestPat':
        return true;
      case 'IdentPat':
        return this.ctorOf(s) === null && (s.sub === null || this.irrefutable(s.sub));
      case 'TuplePat':
        return s.elems.every((e) => this.irrefutable(e));
      case 'OrPat':
        return s.alts.some((a) => this.irrefutable(a));
      default:
        return false;
    }
  }

  private family(name: string): Family {
    if (name === 'Option') return { kind: 'ctors', ctors: opt };
    if (name === 'Result') return { kind: 'ctors', ctors: res };
    if (name === 'bool') return { kind: 'ctors', ctors: bools };
    if (name === 'int') return { kind: 'ints' };
    const def = this.cx.items.adts.get(name);
    if (def === undefined || def.item.kind !== 'Enum' || this.cx.items.ambiguous.has(name)) return null;
    return {
      kind: 'ctors',
      ctors: def.item.variants.map((v) => ({
        name: v.name,
        arity: v.fields.kind === 'TupleFields' ? v.fields.fields.length : v.fields.kind === 'NamedFields' ? -1 : 0,
        show: (i: string | null) =>
          `${name}::${v.name}${v.fields.kind === 'TupleFields' ? `(${i ?? v.fields.fields.map(() => '_').join(', ')})` : v.fields.kind === 'NamedFields' ? ' { .. }' : ''}`,
      })),
    };
  }

  /** A value no pattern matches, as rustc writes it; null when covered or when the checker cannot tell. */
  missing(pats: readonly Pattern[]): string | null {
    const ps = flatten(pats);
    if (ps.length === 0 || ps.some((p) => this.irrefutable(p))) return null;
    const heads = ps.map((p) => this.ctorOf(p));
    const first = heads[0];
    if (first === null || first === undefined || heads.some((h) => h === null || h.family !== first.family))
      return null;
    const fam = this.family(first.family);
    if (fam === null) return null;
    if (fam.kind === 'ints') return ps.every((p) => p.kind === 'LitPat') ? '_' : null;
    for (const c of fam.ctors) {
      const arms = ps.filter((_, i) => heads[i]?.name === c.name);
      if (arms.length === 0) return c.show(null);
      if (c.arity !== 1) continue;
      const subs: Pattern[] = [];
      for (const a of arms) {
        if (a.kind !== 'TupleStructPat' || a.elems.length !== 1) {
          subs.length = 0;
          break;
        }
        subs.push(a.elems[0]);
      }
      if (subs.length === 0) continue;
      const inner = this.missing(subs);
      if (inner !== null) return c.show(inner);
    }
    return null;
  }
}

export function checkExhaustive(cx: Cx, program: Program): void {
  const ex = new Exhaustiveness(cx);
  walk(program, (node) => {
    if ((node.kind === 'LetStmt' && node.elseBlock === null) || node.kind === 'For') {
      // E0005: a `let` (without `else`) or `for` pattern must match every value.
      const w = ex.missing([node.pat]);
      const where = node.kind === 'For' ? '`for` loop' : 'local binding';
      if (w !== null)
        cx.findings.error(
          'match',
          node.pat.span,
          'E0005',
          `refutable pattern in ${where}`,
          `pattern \`${w}\` not covered`,
        );
      return true;
    }
    if (node.kind !== 'Match') return true;
    const pats = node.arms.filter((a) => a.guard === null).map((a) => a.pat);
    // Guarded arms cover nothing (an empty match is for uninhabited types: left alone).
    const w = node.arms.length === 0 ? null : pats.length === 0 ? '_' : ex.missing(pats);
    if (w !== null) {
      const scrut: Expr = node.scrutinee;
      cx.findings.error(
        'match',
        scrut.span,
        'E0004',
        `non-exhaustive patterns: \`${w}\` not covered`,
        `pattern \`${w}\` not covered`,
      );
    }
    return true;
  });
}
