/** Printing of attributes, paths, generics, types and patterns (normalised spacing). */
import type {
  Attribute,
  GenericArg,
  GenericArgs,
  GenericParam,
  Generics,
  Literal,
  Meta,
  Path,
  Pattern,
  Type,
  TypeBound,
  WherePredicate,
} from './ast.ts';
import { printExpr } from './printer-expr.ts';

export function ind(level: number): string {
  return '    '.repeat(level);
}

export function printLiteral(l: Literal): string {
  return l.kind === 'BoolLit' ? String(l.value) : l.text;
}

export function printMeta(m: Meta): string {
  switch (m.kind) {
    case 'MetaPath':
      return m.path;
    case 'MetaNameValue':
      return `${m.path} = ${printLiteral(m.value)}`;
    case 'MetaList':
      return `${m.path}(${m.items.map(printMeta).join(', ')})`;
    case 'MetaLit':
      return printLiteral(m.value);
  }
}

export function printAttr(a: Attribute): string {
  return `#${a.inner ? '!' : ''}[${printMeta(a.meta)}]`;
}

/** Attributes each on their own line at `level`, or inline (`#[a] #[b] `) when `inline`. */
export function printAttrs(attrs: Attribute[] | undefined, level: number, inline = false): string {
  if (!attrs || attrs.length === 0) return '';
  if (inline) return attrs.map((a) => printAttr(a) + ' ').join('');
  return attrs.map((a) => ind(level) + printAttr(a) + '\n').join('');
}

export function printPath(p: Path): string {
  let out = '';
  if (p.qself) {
    out += `<${printType(p.qself.type)}${p.qself.trait ? ' as ' + printPath(p.qself.trait) : ''}>::`;
  } else if (p.global) {
    out += '::';
  }
  out += p.segments.map((s) => s.name + (s.args ? printGenericArgs(s.args) : '')).join('::');
  return out;
}

function printGenericArgs(a: GenericArgs): string {
  if (a.kind === 'ParenArgs') {
    return `(${a.inputs.map((t) => printType(t)).join(', ')})${a.output ? ' -> ' + printType(a.output) : ''}`;
  }
  return `${a.turbofish ? '::' : ''}<${a.args.map(printGenericArg).join(', ')}>`;
}

export function printGenericArg(a: GenericArg): string {
  switch (a.kind) {
    case 'TypeArg':
      return printType(a.type);
    case 'LifetimeArg':
      return `'${a.name}`;
    case 'ConstArg':
      return printExpr(a.value, 0);
    case 'AssocTypeArg':
      return a.type ? `${a.name} = ${printType(a.type)}` : `${a.name}: ${printBounds(a.bounds)}`;
  }
}

export function printBounds(bounds: TypeBound[]): string {
  return bounds
    .map((b) => {
      if (b.kind === 'LifetimeBound') return `'${b.name}`;
      const fl = b.forLifetimes.length > 0 ? `for<${b.forLifetimes.map((l) => `'${l}`).join(', ')}> ` : '';
      const inner = `${fl}${b.maybe ? '?' : ''}${printPath(b.path)}`;
      return b.parenthesized ? `(${inner})` : inner;
    })
    .join(' + ');
}

export function printType(t: Type): string {
  switch (t.kind) {
    case 'PathType':
      return printPath(t.path);
    case 'RefType':
      return `&${t.lifetime !== null ? `'${t.lifetime} ` : ''}${t.mutable ? 'mut ' : ''}${printType(t.inner)}`;
    case 'PtrType':
      return `*${t.mutable ? 'mut' : 'const'} ${printType(t.inner)}`;
    case 'TupleType':
      return t.elems.length === 1 ? `(${printType(t.elems[0])},)` : `(${t.elems.map(printType).join(', ')})`;
    case 'ArrayType':
      return `[${printType(t.elem)}; ${printExpr(t.len, 0)}]`;
    case 'SliceType':
      return `[${printType(t.elem)}]`;
    case 'ImplTraitType':
      return `impl ${printBounds(t.bounds)}`;
    case 'DynTraitType':
      return `dyn ${printBounds(t.bounds)}`;
    case 'FnPtrType': {
      const q = `${t.isUnsafe ? 'unsafe ' : ''}${t.abi !== null ? `extern ${t.abi ? JSON.stringify(t.abi) + ' ' : ''}` : ''}`;
      return `${q}fn(${t.inputs.map(printType).join(', ')})${t.output ? ' -> ' + printType(t.output) : ''}`;
    }
    case 'NeverType':
      return '!';
    case 'InferType':
      return '_';
    case 'ParenType':
      return `(${printType(t.inner)})`;
  }
}

export function printGenericParams(params: GenericParam[]): string {
  if (params.length === 0) return '';
  const parts = params.map((g) => {
    switch (g.kind) {
      case 'LifetimeParam':
        return `'${g.name}${g.bounds.length ? ': ' + g.bounds.map((b) => `'${b}`).join(' + ') : ''}`;
      case 'TypeParam':
        return `${g.name}${g.bounds.length ? ': ' + printBounds(g.bounds) : ''}${g.default ? ' = ' + printType(g.default) : ''}`;
      case 'ConstParam':
        return `const ${g.name}: ${printType(g.type)}${g.default ? ' = ' + printExpr(g.default, 0) : ''}`;
    }
  });
  return `<${parts.join(', ')}>`;
}

export function printWhere(preds: WherePredicate[]): string {
  if (preds.length === 0) return '';
  const parts = preds.map((w) => {
    if (w.kind === 'LifetimePredicate') return `'${w.name}: ${w.bounds.map((b) => `'${b}`).join(' + ')}`;
    const fl = w.forLifetimes.length > 0 ? `for<${w.forLifetimes.map((l) => `'${l}`).join(', ')}> ` : '';
    return `${fl}${printType(w.type)}: ${printBounds(w.bounds)}`;
  });
  return ` where ${parts.join(', ')}`;
}

export function printGenerics(g: Generics): { params: string; where: string } {
  return { params: printGenericParams(g.params), where: printWhere(g.where) };
}

export function printPattern(p: Pattern): string {
  switch (p.kind) {
    case 'WildPat':
      return '_';
    case 'RestPat':
      return '..';
    case 'IdentPat':
      return `${p.byRef ? 'ref ' : ''}${p.mutable ? 'mut ' : ''}${p.name}${p.sub ? ' @ ' + printPattern(p.sub) : ''}`;
    case 'LitPat':
      return (p.negative ? '-' : '') + printLiteral(p.lit);
    case 'RangePat':
      return `${p.start ? printPattern(p.start) + (p.start.kind === 'LitPat' && p.start.lit.kind === 'FloatLit' && p.start.lit.text.endsWith('.') ? ' ' : '') : ''}${p.inclusive ? '..=' : '..'}${p.end ? printPattern(p.end) : ''}`;
    case 'PathPat':
      return printPath(p.path);
    case 'TuplePat':
      return p.elems.length === 1 && p.elems[0]?.kind !== 'RestPat'
        ? `(${printPattern(p.elems[0])},)`
        : `(${p.elems.map(printPattern).join(', ')})`;
    case 'TupleStructPat':
      return `${printPath(p.path)}(${p.elems.map(printPattern).join(', ')})`;
    case 'StructPat': {
      const fields = p.fields.map(
        (f) => printAttrs(f.attrs, 0, true) + (f.shorthand ? printPattern(f.pat) : `${f.name}: ${printPattern(f.pat)}`),
      );
      if (p.rest) fields.push('..');
      return fields.length === 0 ? `${printPath(p.path)} {}` : `${printPath(p.path)} { ${fields.join(', ')} }`;
    }
    case 'RefPat':
      return `&${p.mutable ? 'mut ' : ''}${printPattern(p.pat)}`;
    case 'SlicePat':
      return `[${p.elems.map(printPattern).join(', ')}]`;
    case 'OrPat':
      return p.alts.map(printPattern).join(' | ');
    case 'ParenPat':
      return `(${printPattern(p.pat)})`;
  }
}
