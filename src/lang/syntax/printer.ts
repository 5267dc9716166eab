/**
 * Prints a syntax tree back as Rust source with normalised formatting (4-space indents, one item
 * or statement per line, comments dropped). `parse(print(ast))` gives the same tree modulo spans.
 */
import type { AssocItem, Item, NamedField, Program, StructFields, TupleField, UseTree, Visibility } from './ast.ts';
import { printBlock, printExpr, printMacro } from './printer-expr.ts';
import { ind, printAttrs, printBounds, printGenerics, printPath, printPattern, printType } from './printer-type.ts';

export function printProgram(program: Program): string {
  const head = program.attrs.length > 0 ? printAttrs(program.attrs, 0) + '\n' : '';
  return head + joinItems(program.items, 0) + '\n';
}

/** Items separated by blank lines, except that consecutive `use` declarations stay together. */
function joinItems(items: Item[], level: number): string {
  let out = '';
  items.forEach((item, i) => {
    if (i > 0) out += item.kind === 'Use' && items[i - 1]?.kind === 'Use' ? '\n' : '\n\n';
    out += printItem(item, level);
  });
  return out;
}

function vis(v: Visibility | null): string {
  if (v === null) return '';
  return v.restriction === null ? 'pub ' : `pub(${v.restriction}) `;
}

function printUseTree(t: UseTree): string {
  switch (t.kind) {
    case 'UsePath':
      return `${t.name}::${printUseTree(t.rest)}`;
    case 'UseName':
      return t.alias !== null ? `${t.name} as ${t.alias}` : t.name;
    case 'UseGlob':
      return '*';
    case 'UseGroup':
      return `{${t.items.map(printUseTree).join(', ')}}`;
  }
}

function namedFields(fields: NamedField[], level: number): string {
  if (fields.length === 0) return '{}';
  const lines = fields.map(
    (f) => `${printAttrs(f.attrs, level + 1)}${ind(level + 1)}${vis(f.vis)}${f.name}: ${printType(f.type)},`,
  );
  return `{\n${lines.join('\n')}\n${ind(level)}}`;
}

function tupleFields(fields: TupleField[]): string {
  return `(${fields.map((f) => printAttrs(f.attrs, 0, true) + vis(f.vis) + printType(f.type)).join(', ')})`;
}

function variantFields(f: StructFields, level: number): string {
  if (f.kind === 'NamedFields') return ' ' + namedFields(f.fields, level);
  if (f.kind === 'TupleFields') return tupleFields(f.fields);
  return '';
}

function assocItems(items: AssocItem[], level: number): string {
  if (items.length === 0) return '{}';
  return `{\n${items.map((i) => printItem(i, level + 1)).join('\n\n')}\n${ind(level)}}`;
}

/** An item at `level`, attributes included, without a trailing newline. */
export function printItem(item: Item, level: number): string {
  const pre = printAttrs(item.attrs, level) + ind(level) + vis(item.vis);
  switch (item.kind) {
    case 'Use':
      return `${pre}use ${item.global ? '::' : ''}${printUseTree(item.tree)};`;
    case 'ExternCrate':
      return `${pre}extern crate ${item.name}${item.alias !== null ? ' as ' + item.alias : ''};`;
    case 'Fn': {
      const g = printGenerics(item.generics);
      const q =
        (item.isConst ? 'const ' : '') +
        (item.isAsync ? 'async ' : '') +
        (item.isUnsafe ? 'unsafe ' : '') +
        (item.abi !== null ? `extern ${item.abi ? JSON.stringify(item.abi) + ' ' : ''}` : '');
      const params: string[] = [];
      const s = item.selfParam;
      if (s) {
        const lt = s.lifetime !== null ? `'${s.lifetime} ` : '';
        if (s.mode === 'value') params.push(`${s.mutable ? 'mut ' : ''}self${s.type ? ': ' + printType(s.type) : ''}`);
        else params.push(`&${lt}${s.mode === 'refMut' ? 'mut ' : ''}self`);
      }
      for (const p of item.params) {
        params.push(`${printAttrs(p.attrs, 0, true)}${printPattern(p.pat)}: ${printType(p.type)}`);
      }
      const ret = item.ret ? ` -> ${printType(item.ret)}` : '';
      const body = item.body ? ' ' + printBlock(item.body, level) : ';';
      return `${pre}${q}fn ${item.name}${g.params}(${params.join(', ')})${ret}${g.where}${body}`;
    }
    case 'Const': {
      const type = item.type ? `: ${printType(item.type)}` : '';
      return `${pre}const ${item.name}${type}${item.value ? ' = ' + printExpr(item.value, level) : ''};`;
    }
    case 'Static': {
      const value = item.value ? ' = ' + printExpr(item.value, level) : '';
      if (item.threadLocal === true) return `thread_local! { static ${item.name}: ${printType(item.type)}${value}; }`;
      return `${pre}static ${item.mutable ? 'mut ' : ''}${item.name}: ${printType(item.type)}${value};`;
    }
    case 'Struct': {
      const g = printGenerics(item.generics);
      const f = item.fields;
      if (f.kind === 'NamedFields')
        return `${pre}struct ${item.name}${g.params}${g.where} ${namedFields(f.fields, level)}`;
      if (f.kind === 'TupleFields') return `${pre}struct ${item.name}${g.params}${tupleFields(f.fields)}${g.where};`;
      return `${pre}struct ${item.name}${g.params}${g.where};`;
    }
    case 'Enum': {
      const g = printGenerics(item.generics);
      const vs = item.variants.map((v) => {
        const disc = v.discriminant ? ' = ' + printExpr(v.discriminant, level + 1) : '';
        return `${printAttrs(v.attrs, level + 1)}${ind(level + 1)}${v.name}${variantFields(v.fields, level + 1)}${disc},`;
      });
      const body = vs.length === 0 ? '{}' : `{\n${vs.join('\n')}\n${ind(level)}}`;
      return `${pre}enum ${item.name}${g.params}${g.where} ${body}`;
    }
    case 'Impl': {
      const g = printGenerics(item.generics);
      const trait = item.trait ? `${item.negative ? '!' : ''}${printPath(item.trait)} for ` : '';
      const head = `${item.isUnsafe ? 'unsafe ' : ''}impl${g.params} ${trait}${printType(item.selfType)}${g.where}`;
      return `${pre}${head} ${assocItems(item.items, level)}`;
    }
    case 'Trait': {
      const g = printGenerics(item.generics);
      const sup = item.supertraits.length > 0 ? ': ' + printBounds(item.supertraits) : '';
      const q = (item.isUnsafe ? 'unsafe ' : '') + (item.isAuto ? 'auto ' : '');
      return `${pre}${q}trait ${item.name}${g.params}${sup}${g.where} ${assocItems(item.items, level)}`;
    }
    case 'TypeAlias': {
      const g = printGenerics(item.generics);
      const bounds = item.bounds.length > 0 ? ': ' + printBounds(item.bounds) : '';
      return `${pre}type ${item.name}${g.params}${bounds}${g.where}${item.type ? ' = ' + printType(item.type) : ''};`;
    }
    case 'Mod': {
      if (item.items === null) return `${pre}mod ${item.name};`;
      const inner = [
        ...item.innerAttrs.map((a) => printAttrs([a], level + 1).trimEnd()),
        ...item.items.map((i) => printItem(i, level + 1)),
      ];
      return inner.length === 0
        ? `${pre}mod ${item.name} {}`
        : `${pre}mod ${item.name} {\n${inner.join('\n\n')}\n${ind(level)}}`;
    }
    case 'MacroRules':
      return `${pre}macro_rules! ${item.name} { ${item.body} }`;
    case 'MacroItem':
      return `${pre}${printMacro(item.mac, level)}${item.mac.delim === '{' ? '' : ';'}`;
  }
}
