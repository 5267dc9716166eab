/**
 * Printing of expressions, blocks, statements and macros. Parentheses come only from `Paren`
 * nodes (the parser keeps them), so printing never has to re-derive precedence.
 */
import type { Block, Expr, FormatArg, LetStmt, MacroExpr, Stmt, StrLit } from './ast.ts';
import { printItem } from './printer.ts';
import { ind, printAttrs, printGenericArg, printLiteral, printPath, printPattern, printType } from './printer-type.ts';

export function printBlock(b: Block, level: number, label: string | null = null): string {
  const head = label !== null ? `'${label}: ` : '';
  if (b.stmts.length === 0 && b.tail === null) return head + '{}';
  const lines = b.stmts.map((s) => printStmt(s, level + 1));
  if (b.tail) lines.push(printAttrs(b.tail.attrs, level + 1) + ind(level + 1) + printExprBare(b.tail, level + 1));
  return `${head}{\n${lines.join('\n')}\n${ind(level)}}`;
}

export function printLet(s: LetStmt, level: number): string {
  let out = `let ${printPattern(s.pat)}`;
  if (s.type) out += `: ${printType(s.type)}`;
  if (s.init) out += ` = ${printExpr(s.init, level)}`;
  if (s.elseBlock) out += ` else ${printBlock(s.elseBlock, level)}`;
  return out + ';';
}

export function printStmt(s: Stmt, level: number): string {
  switch (s.kind) {
    case 'LetStmt':
      return printAttrs(s.attrs, level) + ind(level) + printLet(s, level);
    case 'ExprStmt':
      return printAttrs(s.attrs, level) + ind(level) + printExpr(s.expr, level) + (s.semi ? ';' : '');
    case 'ItemStmt':
      return printItem(s.item, level);
  }
}

/** An expression with its own attributes printed inline in front. */
export function printExpr(e: Expr, level: number): string {
  return printAttrs(e.attrs, level, true) + printExprBare(e, level);
}

function list(es: Expr[], level: number): string {
  return es.map((x) => printExpr(x, level)).join(', ');
}

function printExprBare(e: Expr, level: number): string {
  switch (e.kind) {
    case 'IntLit':
    case 'FloatLit':
    case 'StrLit':
    case 'ByteStrLit':
    case 'CharLit':
    case 'ByteLit':
    case 'BoolLit':
      return printLiteral(e);
    case 'PathExpr':
      return printPath(e.path);
    case 'Unary':
      return e.op + printExpr(e.operand, level);
    case 'Ref':
      return `&${e.mutable ? 'mut ' : ''}${printExpr(e.operand, level)}`;
    case 'Binary':
      return `${printExpr(e.left, level)} ${e.op} ${printExpr(e.right, level)}`;
    case 'Assign':
      return `${printExpr(e.target, level)} = ${printExpr(e.value, level)}`;
    case 'CompoundAssign':
      return `${printExpr(e.target, level)} ${e.op} ${printExpr(e.value, level)}`;
    case 'Cast':
      return `${printExpr(e.expr, level)} as ${printType(e.type)}`;
    case 'Call':
      return `${printExpr(e.callee, level)}(${list(e.args, level)})`;
    case 'MethodCall': {
      const tf = e.turbofish ? `::<${e.turbofish.map(printGenericArg).join(', ')}>` : '';
      return `${receiver(e.receiver, level, false)}.${e.method}${tf}(${list(e.args, level)})`;
    }
    case 'Field':
      return `${receiver(e.object, level, false)}.${e.name}`;
    case 'TupleIndex':
      return `${receiver(e.object, level, true)}.${e.index}`;
    case 'Index':
      return `${printExpr(e.object, level)}[${printExpr(e.index, level)}]`;
    case 'Range':
      return `${e.start ? receiver(e.start, level, false) : ''}${e.inclusive ? '..=' : '..'}${e.end ? printExpr(e.end, level) : ''}`;
    case 'Try':
      return `${printExpr(e.expr, level)}?`;
    case 'Await':
      return `${receiver(e.expr, level, false)}.await`;
    case 'BlockExpr':
      return printBlock(e.block, level, e.label);
    case 'Unsafe':
      return `unsafe ${printBlock(e.block, level)}`;
    case 'AsyncBlock':
      return `async ${e.isMove ? 'move ' : ''}${printBlock(e.block, level)}`;
    case 'If': {
      let out = `if ${printExpr(e.cond, level)} ${printBlock(e.then, level)}`;
      if (e.else) out += ` else ${printExpr(e.else, level)}`;
      return out;
    }
    case 'Let':
      return `let ${printPattern(e.pat)} = ${printExpr(e.expr, level)}`;
    case 'While':
      return `${label(e.label)}while ${printExpr(e.cond, level)} ${printBlock(e.body, level)}`;
    case 'Loop':
      return `${label(e.label)}loop ${printBlock(e.body, level)}`;
    case 'For':
      return `${label(e.label)}for ${printPattern(e.pat)} in ${printExpr(e.iter, level)} ${printBlock(e.body, level)}`;
    case 'Match': {
      const arms = e.arms.map((a) => {
        const guard = a.guard ? ` if ${printExpr(a.guard, level + 1)}` : '';
        const comma = a.body.kind === 'BlockExpr' && !a.body.attrs ? '' : ',';
        const body = printExpr(a.body, level + 1);
        return `${printAttrs(a.attrs, level + 1)}${ind(level + 1)}${printPattern(a.pat)}${guard} => ${body}${comma}`;
      });
      return arms.length === 0
        ? `match ${printExpr(e.scrutinee, level)} {}`
        : `match ${printExpr(e.scrutinee, level)} {\n${arms.join('\n')}\n${ind(level)}}`;
    }
    case 'Closure': {
      const params = e.params
        .map((p) => printAttrs(p.attrs, 0, true) + printPattern(p.pat) + (p.type ? ': ' + printType(p.type) : ''))
        .join(', ');
      const ret = e.ret ? ` -> ${printType(e.ret)}` : '';
      return `${e.isAsync ? 'async ' : ''}${e.isMove ? 'move ' : ''}|${params}|${ret} ${printExpr(e.body, level)}`;
    }
    case 'Break':
      return `break${e.label !== null ? ` '${e.label}` : ''}${e.value ? ' ' + printExpr(e.value, level) : ''}`;
    case 'Continue':
      return `continue${e.label !== null ? ` '${e.label}` : ''}`;
    case 'Return':
      return `return${e.value ? ' ' + printExpr(e.value, level) : ''}`;
    case 'Tuple':
      return e.elems.length === 1 ? `(${printExpr(e.elems[0], level)},)` : `(${list(e.elems, level)})`;
    case 'Paren':
      return `(${printExpr(e.expr, level)})`;
    case 'Array':
      return `[${list(e.elems, level)}]`;
    case 'ArrayRepeat':
      return `[${printExpr(e.value, level)}; ${printExpr(e.count, level)}]`;
    case 'StructLit': {
      const fields = e.fields.map(
        (f) => printAttrs(f.attrs, 0, true) + (f.shorthand ? f.name : `${f.name}: ${printExpr(f.value, level)}`),
      );
      if (e.base) fields.push('..' + printExpr(e.base, level));
      return fields.length === 0 ? `${printPath(e.path)} {}` : `${printPath(e.path)} { ${fields.join(', ')} }`;
    }
    default:
      return printMacro(e, level);
  }
}

/**
 * The left side of `.` or `..`: a space keeps `0 .0` from lexing as the float `0.0`, and `1. .x`
 * or `1. ..2` from gluing the float's dot to the next one.
 */
function receiver(e: Expr, level: number, digitFollows: boolean): string {
  const text = printExpr(e, level);
  if (e.attrs) return text;
  if ((e.kind === 'IntLit' && digitFollows && e.suffix === null) || text.endsWith('.')) {
    return text + ' ';
  }
  return text;
}

function label(l: string | null): string {
  return l !== null ? `'${l}: ` : '';
}

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function formatTail(format: StrLit | null, args: FormatArg[], level: number): string[] {
  if (format === null) return [];
  return [
    printLiteral(format),
    ...args.map((a) => (a.name !== null ? `${a.name} = ` : '') + printExpr(a.value, level)),
  ];
}

export function printMacro(m: MacroExpr, level: number): string {
  const head = `${printPath(m.path)}!`;
  const wrap = (inner: string): string => `${head}${m.delim}${inner}${CLOSE[m.delim] ?? ')'}`;
  switch (m.kind) {
    case 'FormatMacro': {
      const parts = m.target ? [printExpr(m.target, level)] : [];
      parts.push(...formatTail(m.format, m.args, level));
      return wrap(parts.join(', '));
    }
    case 'AssertMacro':
      return wrap([printExpr(m.cond, level), ...formatTail(m.format, m.args, level)].join(', '));
    case 'AssertCmpMacro':
      return wrap(
        [printExpr(m.left, level), printExpr(m.right, level), ...formatTail(m.format, m.args, level)].join(', '),
      );
    case 'VecMacro':
      return wrap(
        m.repeat ? `${printExpr(m.repeat.value, level)}; ${printExpr(m.repeat.count, level)}` : list(m.elems, level),
      );
    case 'MatchesMacro':
      return wrap(
        `${printExpr(m.expr, level)}, ${printPattern(m.pat)}${m.guard ? ' if ' + printExpr(m.guard, level) : ''}`,
      );
    case 'DbgMacro':
      return wrap(list(m.args, level));
    case 'JoinMacro':
      return wrap((m.biased ? 'biased; ' : '') + list(m.futures, level));
    case 'PinMacro': {
      if (m.expr) return wrap(printExpr(m.expr, level));
      if (m.lets.length === 0) return wrap(m.names.map((n) => n.name).join(', '));
      const lets = m.lets.map((l) => ind(level + 1) + printLet(l, level + 1));
      return `${head}${m.delim}\n${lets.join('\n')}\n${ind(level)}${CLOSE[m.delim] ?? '}'}`;
    }
    case 'SelectMacro': {
      const lines: string[] = [];
      if (m.biased) lines.push(ind(level + 1) + 'biased;');
      for (const b of m.branches) {
        const guard = b.guard ? `, if ${printExpr(b.guard, level + 1)}` : '';
        const comma = b.handler.kind === 'BlockExpr' && b.handler.label === null && !b.handler.attrs ? '' : ',';
        const handler = printExpr(b.handler, level + 1);
        lines.push(
          `${ind(level + 1)}${printPattern(b.pat)} = ${printExpr(b.future, level + 1)}${guard} => ${handler}${comma}`,
        );
      }
      if (m.elseBranch) {
        const e = m.elseBranch;
        const comma = e.kind === 'BlockExpr' && e.label === null && !e.attrs ? '' : ',';
        lines.push(`${ind(level + 1)}else => ${printExpr(m.elseBranch, level + 1)}${comma}`);
      }
      if (lines.length === 0) return wrap('');
      return `${head} ${m.delim}\n${lines.join('\n')}\n${ind(level)}${CLOSE[m.delim] ?? '}'}`;
    }
  }
}
