/**
 * Items: `use`, `extern crate`, `fn` (with qualifiers and a self parameter), `const`, `static`,
 * `struct`, `enum`, `impl`, `trait`, `type`, `mod`, `macro_rules!` (kept for the checker to
 * refuse) and item-position macro calls.
 */
import type {
  AssocItem,
  Attribute,
  EnumItem,
  FnItem,
  ImplItem,
  Item,
  NamedField,
  Param,
  SelfParam,
  StructFields,
  TraitItem,
  TupleField,
  UseTree,
  Variant,
  Visibility,
} from './ast.ts';
import { parseInnerAttrs, parseOuterAttrs } from './parser-attr.ts';
import { describe } from './parser-core.ts';
import type { Parser } from './parser-core.ts';
import { parseExpr } from './parser-expr.ts';
import { closeIndex, expandUserMacro, isUserMacroCall } from './macro-expand.ts';
import { readRules, sourceText, tokenTrees } from './macro-rules.ts';
import { parseMacro } from './parser-macro.ts';
import { parsePatternNoAlt } from './parser-pattern.ts';
import { parseBlock } from './parser-stmt.ts';
import { isThreadLocalStart, parseThreadLocal } from './parser-thread-local.ts';
import { parseBounds, parseGenericParams, parsePath, parseType, parseWhere } from './parser-type.ts';
import type { Token } from './tokens.ts';

const FN_QUALIFIERS = new Set(['const', 'async', 'unsafe', 'extern']);

/** True when the tokens ahead start an item (used inside blocks, where expressions also start). */
export function isItemStart(p: Parser): boolean {
  const t = p.tok;
  if (t.kind !== 'ident' || t.rawIdent) return false;
  const next = p.peek(1);
  const nextIdent = next.kind === 'ident';
  switch (t.text) {
    case 'pub':
    case 'fn':
    case 'struct':
    case 'enum':
    case 'use':
    case 'mod':
    case 'trait':
    case 'impl':
      return true;
    case 'type':
    case 'union':
      return nextIdent;
    case 'static':
      return p.isKwAt(1, 'mut') || (nextIdent && p.isAt(2, ':'));
    case 'const':
      return nextIdent || p.isAt(1, '_');
    case 'async':
      return p.isKwAt(1, 'fn') || p.isKwAt(1, 'unsafe');
    case 'unsafe':
      return nextIdent && ['fn', 'impl', 'trait', 'extern', 'auto'].includes(next.text);
    case 'extern':
      return true;
    case 'auto':
      return p.isKwAt(1, 'trait');
    case 'macro_rules':
      return p.isAt(1, '!');
  }
  return false;
}

/** Items up to `}` (consumed) or, when `close` is null, the end of the file. */
export function parseItems(p: Parser, close: string | null, open?: Token): Item[] {
  const items: Item[] = [];
  for (;;) {
    if (close !== null && p.eat(close)) break;
    if (p.isEof()) {
      if (close === null) break;
      p.fail('unclosed module: expected `}`', undefined, open ?? p.tok);
    }
    if (p.eat(';')) continue;
    if (isUserMacroCall(p)) {
      expandUserMacro(p, 'items');
      continue;
    }
    const start = p.tok;
    const attrs = parseOuterAttrs(p);
    if (!isItemStart(p) && !isMacroCallStart(p)) {
      p.fail(`expected an item (fn, struct, enum, impl, use, …), found ${describe(p.tok)}`);
    }
    if (isThreadLocalStart(p)) items.push(...parseThreadLocal(p, attrs, start));
    else items.push(parseItem(p, attrs, start));
  }
  return items;
}

function isMacroCallStart(p: Parser): boolean {
  let k = 0;
  for (;;) {
    if (p.peek(k).kind !== 'ident') return false;
    k++;
    if (!p.isAt(k, '::')) break;
    k++;
  }
  return p.isAt(k, '!');
}

function parseVis(p: Parser): Visibility | null {
  const start = p.tok;
  if (!p.eatKw('pub')) return null;
  let restriction: string | null = null;
  if (p.is('(') && (p.isKwAt(1, 'crate') || p.isKwAt(1, 'super') || p.isKwAt(1, 'self') || p.isKwAt(1, 'in'))) {
    p.advance();
    if (p.eatKw('in')) {
      const path = parsePath(p, 'type');
      restriction = 'in ' + path.segments.map((s) => s.name).join('::');
    } else {
      restriction = p.advance().text;
    }
    p.expect(')', 'to close the visibility');
  }
  return { kind: 'Visibility', restriction, span: p.spanFrom(start) };
}

export function parseItem(p: Parser, attrs: Attribute[], start: Token): Item {
  p.enter();
  try {
    return parseItemInner(p, attrs, start);
  } finally {
    p.leave();
  }
}

function parseItemInner(p: Parser, attrs: Attribute[], start: Token): Item {
  const vis = parseVis(p);
  const t = p.tok;
  const base = { attrs, vis };
  const word = t.kind === 'ident' && !t.rawIdent ? t.text : '';
  if (word === 'use') {
    p.advance();
    const global = p.eat('::');
    const tree = parseUseTree(p);
    p.expect(';', 'after the `use` declaration');
    return { kind: 'Use', ...base, global, tree, span: p.spanFrom(start) };
  }
  if (word === 'extern' && p.isKwAt(1, 'crate')) {
    p.advance();
    p.advance();
    const name = p.isKw('self') ? p.advance().text : p.expectIdent('a crate name').text;
    const alias = p.eatKw('as') ? (p.isUnderscore() ? p.advance().text : p.expectIdent().text) : null;
    p.expect(';');
    return { kind: 'ExternCrate', ...base, name, alias, span: p.spanFrom(start) };
  }
  if (word === 'extern' && (p.isAt(1, '{') || (p.peek(1).kind === 'str' && p.isAt(2, '{')))) {
    p.fail('`extern` blocks are not supported', 'write the functions in Rust');
  }
  if (word === 'const' && !FN_QUALIFIERS.has(p.peek(1).text) && !p.isKwAt(1, 'fn')) {
    p.advance();
    const nameTok = p.isUnderscore() ? p.advance() : p.expectIdent('a constant name');
    const type = p.eat(':') ? parseType(p) : null;
    const value = p.eat('=') ? parseExpr(p) : null;
    p.expect(';', 'after the constant');
    return {
      kind: 'Const',
      ...base,
      name: nameTok.text,
      nameSpan: p.spanOf(nameTok),
      type,
      value,
      span: p.spanFrom(start),
    };
  }
  if (word === 'static') {
    p.advance();
    const mutable = p.eatKw('mut');
    const nameTok = p.expectIdent('a static name');
    p.expect(':', 'a static needs a type: `static NAME: Type = value;`');
    const type = parseType(p);
    const value = p.eat('=') ? parseExpr(p) : null;
    p.expect(';', 'after the static');
    const nameSpan = p.spanOf(nameTok);
    return { kind: 'Static', ...base, name: nameTok.text, nameSpan, mutable, type, value, span: p.spanFrom(start) };
  }
  if (word === 'fn' || FN_QUALIFIERS.has(word)) {
    if (word === 'unsafe' && (p.isKwAt(1, 'impl') || p.isKwAt(1, 'trait') || p.isKwAt(1, 'auto'))) {
      p.advance();
      return p.isKw('impl') ? parseImpl(p, base, start, true) : parseTrait(p, base, start, true);
    }
    return parseFn(p, base, start);
  }
  switch (word) {
    case 'struct':
      return parseStruct(p, base, start);
    case 'enum':
      return parseEnum(p, base, start);
    case 'union':
      return p.fail('unions are not supported', 'use an enum or a struct');
    case 'impl':
      return parseImpl(p, base, start, false);
    case 'trait':
    case 'auto':
      return parseTrait(p, base, start, false);
    case 'type':
      return parseTypeAlias(p, base, start);
    case 'mod':
      return parseMod(p, base, start);
    case 'macro_rules':
      return parseMacroRules(p, base, start);
  }
  if (isMacroCallStart(p)) {
    const mstart = p.tok;
    const path = parsePath(p, 'expr');
    const mac = parseMacro(p, path, mstart);
    if (mac.delim !== '{') p.expect(';', 'after the macro call');
    return { kind: 'MacroItem', ...base, mac, span: p.spanFrom(start) };
  }
  return p.fail(`expected an item, found ${describe(t)}`);
}

function parseUseTree(p: Parser): UseTree {
  const start = p.tok;
  if (p.eat('*')) return { kind: 'UseGlob', span: p.spanOf(start) };
  if (p.eat('{')) {
    const items: UseTree[] = [];
    while (!p.eat('}')) {
      items.push(parseUseTree(p));
      if (!p.eat(',')) {
        p.expect('}', 'to close the `use` group');
        break;
      }
    }
    return { kind: 'UseGroup', items, span: p.spanFrom(start) };
  }
  const t = p.tok;
  if (!(p.isIdent() || p.isKw('self') || p.isKw('super') || p.isKw('crate') || p.isKw('Self'))) {
    p.fail(`expected a name in the \`use\` path, found ${describe(t)}`);
  }
  p.advance();
  if (p.eat('::')) {
    p.enter();
    const rest = parseUseTree(p);
    p.leave();
    return { kind: 'UsePath', name: t.text, rest, span: p.spanFrom(start) };
  }
  let alias: string | null = null;
  if (p.eatKw('as')) alias = p.isUnderscore() ? p.advance().text : p.expectIdent('an alias').text;
  return { kind: 'UseName', name: t.text, alias, span: p.spanFrom(start) };
}

type ItemHead = { attrs: Attribute[]; vis: Visibility | null };

export function parseFn(p: Parser, base: ItemHead, start: Token): FnItem {
  const isConst = p.eatKw('const');
  const isAsync = p.eatKw('async');
  const isUnsafe = p.eatKw('unsafe');
  let abi: string | null = null;
  if (p.eatKw('extern')) abi = p.tok.kind === 'str' ? p.advance().str : '';
  p.expectKw('fn');
  const nameTok = p.expectIdent('a function name');
  const params = parseGenericParams(p);
  p.expect('(', 'to start the parameters');
  let selfParam: SelfParam | null = null;
  const fnParams: Param[] = [];
  while (!p.eat(')')) {
    const pstart = p.tok;
    const attrs = parseOuterAttrs(p);
    if (selfParam === null && fnParams.length === 0 && isSelfParamStart(p)) {
      selfParam = parseSelfParam(p);
    } else {
      const pat = parsePatternNoAlt(p);
      p.expect(':', 'a parameter needs a type: `name: Type`');
      const type = parseType(p);
      fnParams.push({ kind: 'Param', attrs, pat, type, span: p.spanFrom(pstart) });
    }
    if (!p.eat(',')) {
      p.expect(')', 'to close the parameters');
      break;
    }
  }
  const ret = p.eat('->') ? parseType(p) : null;
  const where = parseWhere(p);
  const body = p.eat(';') ? null : parseBlock(p);
  return {
    kind: 'Fn',
    ...base,
    name: nameTok.text,
    nameSpan: p.spanOf(nameTok),
    isAsync,
    isConst,
    isUnsafe,
    abi,
    generics: { params, where },
    selfParam,
    params: fnParams,
    ret,
    body,
    span: p.spanFrom(start),
  };
}

function isSelfParamStart(p: Parser): boolean {
  if (p.isKw('self')) return !p.isAt(1, '::');
  if (p.isKw('mut')) return p.isKwAt(1, 'self');
  if (p.is('&')) {
    let k = 1;
    if (p.peek(k).kind === 'lifetime') k++;
    if (p.isKwAt(k, 'mut')) k++;
    return p.isKwAt(k, 'self');
  }
  return false;
}

function parseSelfParam(p: Parser): SelfParam {
  const start = p.tok;
  let mode: SelfParam['mode'] = 'value';
  let lifetime: string | null = null;
  let mutable = false;
  if (p.eat('&')) {
    if (p.tok.kind === 'lifetime') lifetime = p.advance().text;
    mode = p.eatKw('mut') ? 'refMut' : 'ref';
  } else {
    mutable = p.eatKw('mut');
  }
  p.expectKw('self');
  const type = mode === 'value' && p.eat(':') ? parseType(p) : null;
  return { kind: 'SelfParam', mode, mutable, lifetime, type, span: p.spanFrom(start) };
}

function parseNamedFields(p: Parser): NamedField[] {
  p.expect('{');
  const fields: NamedField[] = [];
  while (!p.eat('}')) {
    const start = p.tok;
    const attrs = parseOuterAttrs(p);
    const vis = parseVis(p);
    const name = p.expectIdent('a field name').text;
    p.expect(':', 'after the field name');
    const type = parseType(p);
    fields.push({ kind: 'NamedField', attrs, vis, name, type, span: p.spanFrom(start) });
    if (!p.eat(',')) {
      p.expect('}', 'to close the fields');
      break;
    }
  }
  return fields;
}

function parseTupleFields(p: Parser): TupleField[] {
  p.expect('(');
  const fields: TupleField[] = [];
  while (!p.eat(')')) {
    const start = p.tok;
    const attrs = parseOuterAttrs(p);
    const vis = parseVis(p);
    const type = parseType(p);
    fields.push({ kind: 'TupleField', attrs, vis, type, span: p.spanFrom(start) });
    if (!p.eat(',')) {
      p.expect(')', 'to close the fields');
      break;
    }
  }
  return fields;
}

function parseStruct(p: Parser, base: ItemHead, start: Token): Item {
  p.expectKw('struct');
  const nameTok = p.expectIdent('a struct name');
  const params = parseGenericParams(p);
  let where = parseWhere(p);
  let fields: StructFields;
  if (p.is('{')) {
    fields = { kind: 'NamedFields', fields: parseNamedFields(p) };
  } else if (p.is('(')) {
    fields = { kind: 'TupleFields', fields: parseTupleFields(p) };
    where = where.concat(parseWhere(p));
    p.expect(';', 'after a tuple struct');
  } else {
    p.expect(';', 'or `{` after the struct name');
    fields = { kind: 'UnitFields' };
  }
  const nameSpan = p.spanOf(nameTok);
  const generics = { params, where };
  return { kind: 'Struct', ...base, name: nameTok.text, nameSpan, generics, fields, span: p.spanFrom(start) };
}

function parseEnum(p: Parser, base: ItemHead, start: Token): EnumItem {
  p.expectKw('enum');
  const nameTok = p.expectIdent('an enum name');
  const params = parseGenericParams(p);
  const where = parseWhere(p);
  p.expect('{', 'to start the variants');
  const variants: Variant[] = [];
  while (!p.eat('}')) {
    const vstart = p.tok;
    const attrs = parseOuterAttrs(p);
    parseVis(p);
    const name = p.expectIdent('a variant name').text;
    let fields: StructFields = { kind: 'UnitFields' };
    if (p.is('{')) fields = { kind: 'NamedFields', fields: parseNamedFields(p) };
    else if (p.is('(')) fields = { kind: 'TupleFields', fields: parseTupleFields(p) };
    const discriminant = p.eat('=') ? parseExpr(p) : null;
    variants.push({ kind: 'Variant', attrs, name, fields, discriminant, span: p.spanFrom(vstart) });
    if (!p.eat(',')) {
      p.expect('}', 'to close the enum');
      break;
    }
  }
  const nameSpan = p.spanOf(nameTok);
  return {
    kind: 'Enum',
    ...base,
    name: nameTok.text,
    nameSpan,
    generics: { params, where },
    variants,
    span: p.spanFrom(start),
  };
}

function parseAssocItems(p: Parser): AssocItem[] {
  p.expect('{', 'to start the block of items');
  parseInnerAttrs(p);
  const items: AssocItem[] = [];
  while (!p.eat('}')) {
    if (p.isEof()) p.fail('unclosed block of items: expected `}`');
    if (p.eat(';')) continue;
    if (isUserMacroCall(p)) {
      expandUserMacro(p, 'items');
      continue;
    }
    const start = p.tok;
    const attrs = parseOuterAttrs(p);
    if (p.tok.kind === 'ident' && p.tok.text === 'default' && p.peek(1).kind === 'ident') p.advance();
    const item = parseItem(p, attrs, start);
    if (item.kind !== 'Fn' && item.kind !== 'Const' && item.kind !== 'TypeAlias' && item.kind !== 'MacroItem') {
      p.fail('only functions, constants and types can appear in an `impl` or `trait` block', undefined, item.span);
    }
    items.push(item);
  }
  return items;
}

function parseImpl(p: Parser, base: ItemHead, start: Token, isUnsafe: boolean): ImplItem {
  p.expectKw('impl');
  const params = p.is('<') && !p.isAt(1, '>') ? parseGenericParams(p) : [];
  if (p.is('<') && p.isAt(1, '>')) {
    p.advance();
    p.advance();
  }
  const negative = p.eat('!');
  const first = parseType(p);
  let trait = null;
  let selfType = first;
  if (p.eatKw('for')) {
    if (first.kind !== 'PathType') p.fail('expected a trait name before `for`', undefined, first.span);
    trait = first.path;
    selfType = parseType(p);
  }
  const where = parseWhere(p);
  const items = parseAssocItems(p);
  return {
    kind: 'Impl',
    ...base,
    isUnsafe,
    generics: { params, where },
    trait,
    negative,
    selfType,
    items,
    span: p.spanFrom(start),
  };
}

function parseTrait(p: Parser, base: ItemHead, start: Token, isUnsafe: boolean): TraitItem {
  const isAuto = p.tok.kind === 'ident' && p.tok.text === 'auto' && p.isKwAt(1, 'trait');
  if (isAuto) p.advance();
  p.expectKw('trait');
  const nameTok = p.expectIdent('a trait name');
  const params = parseGenericParams(p);
  const supertraits = p.eat(':') ? parseBounds(p, true) : [];
  const where = parseWhere(p);
  const items = parseAssocItems(p);
  return {
    kind: 'Trait',
    ...base,
    isUnsafe,
    isAuto,
    name: nameTok.text,
    nameSpan: p.spanOf(nameTok),
    generics: { params, where },
    supertraits,
    items,
    span: p.spanFrom(start),
  };
}

function parseTypeAlias(p: Parser, base: ItemHead, start: Token): Item {
  p.expectKw('type');
  const nameTok = p.expectIdent('a type name');
  const params = parseGenericParams(p);
  const bounds = p.eat(':') ? parseBounds(p, true) : [];
  let where = parseWhere(p);
  const type = p.eat('=') ? parseType(p) : null;
  where = where.concat(parseWhere(p));
  p.expect(';', 'after the type alias');
  return {
    kind: 'TypeAlias',
    ...base,
    name: nameTok.text,
    nameSpan: p.spanOf(nameTok),
    generics: { params, where },
    bounds,
    type,
    span: p.spanFrom(start),
  };
}

function parseMod(p: Parser, base: ItemHead, start: Token): Item {
  p.expectKw('mod');
  const nameTok = p.expectIdent('a module name');
  const nameSpan = p.spanOf(nameTok);
  if (p.eat(';')) {
    return { kind: 'Mod', ...base, name: nameTok.text, nameSpan, items: null, innerAttrs: [], span: p.spanFrom(start) };
  }
  const open = p.expect('{', 'to start the module');
  const innerAttrs = parseInnerAttrs(p);
  const items = parseItems(p, '}', open);
  return { kind: 'Mod', ...base, name: nameTok.text, nameSpan, items, innerAttrs, span: p.spanFrom(start) };
}

/** `macro_rules! name { … }`: its rules are read and the macro is usable from here on. */
function parseMacroRules(p: Parser, base: ItemHead, start: Token): Item {
  p.advance();
  p.expect('!');
  const nameTok = p.expectIdent('a macro name');
  const open = p.tok;
  if (!(p.is('(') || p.is('[') || p.is('{'))) p.fail(`expected \`{\` after the macro name, found ${describe(open)}`);
  const closeAt = closeIndex(p.tokens, p.pos);
  if (closeAt < 0) p.fail('unclosed `macro_rules!`', undefined, open);
  const inner = p.tokens.slice(p.pos + 1, closeAt);
  p.macros.defs.set(nameTok.text, readRules(nameTok.text, tokenTrees(inner, p.file), p.file));
  while (p.pos <= closeAt) p.advance();
  if (open.text !== '{') p.expect(';', 'after `macro_rules!`');
  const nameSpan = p.spanOf(nameTok);
  const body = inner.map((t) => sourceText(t)).join(' ');
  return { kind: 'MacroRules', ...base, name: nameTok.text, nameSpan, body, span: p.spanFrom(start) };
}
