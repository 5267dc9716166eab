/** Helpers for the front end's tests (not used by the product). */
import { formatDiagnostic } from '../diagnostics.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Block, Expr, Pattern, Program, Stmt, Type } from './ast.ts';
import { parseProgram } from './parser.ts';

const SPAN_KEYS = new Set(['span', 'nameSpan', 'methodSpan', 'opSpan']);

/** A deep copy without spans, for comparing trees parsed from differently formatted text. */
export function stripSpans(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stripSpans);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (!SPAN_KEYS.has(k)) out[k] = stripSpans(v);
    return out;
  }
  return x;
}

export function parseOk(source: string): Program {
  const r = parseProgram(source);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d, source)).join('\n'));
  return r.program;
}

export function parseErr(source: string): Diagnostic {
  const r = parseProgram(source);
  if (r.ok) throw new Error(`expected a parse error for:\n${source}`);
  return r.diagnostics[0];
}

export function mainBody(body: string): Block {
  const item = parseOk(`fn main() {\n${body}\n}`).items[0];
  if (item.kind !== 'Fn' || item.body === null) throw new Error('no body');
  return item.body;
}

export function stmtsOf(body: string): Stmt[] {
  return mainBody(body).stmts;
}

/** The expression of `body` (written without a trailing `;`). */
export function exprOf(body: string): Expr {
  const b = mainBody(body);
  if (b.tail === null || b.stmts.length > 0) throw new Error('expected a single tail expression');
  return b.tail;
}

export function patOf(pat: string): Pattern {
  const s = stmtsOf(`let ${pat} = x;`)[0];
  if (s?.kind !== 'LetStmt') throw new Error('no let');
  return s.pat;
}

export function typeOf(type: string): Type {
  const s = stmtsOf(`let x: ${type};`)[0];
  if (s?.kind !== 'LetStmt' || s.type === null) throw new Error('no type');
  return s.type;
}

/** A compact S-expression of an expression's operator structure, for precedence tests. */
export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'Binary':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'Unary':
      return `(${e.op} ${sexpr(e.operand)})`;
    case 'Ref':
      return `(&${e.mutable ? 'mut' : ''} ${sexpr(e.operand)})`;
    case 'Assign':
      return `(= ${sexpr(e.target)} ${sexpr(e.value)})`;
    case 'CompoundAssign':
      return `(${e.op} ${sexpr(e.target)} ${sexpr(e.value)})`;
    case 'Cast':
      return `(as ${sexpr(e.expr)})`;
    case 'Range':
      return `(${e.inclusive ? '..=' : '..'} ${e.start ? sexpr(e.start) : '_'} ${e.end ? sexpr(e.end) : '_'})`;
    case 'PathExpr':
      return e.path.segments.map((s) => s.name).join('::');
    case 'IntLit':
    case 'FloatLit':
      return e.text;
    case 'BoolLit':
      return String(e.value);
    case 'Paren':
      return sexpr(e.expr);
    case 'Call':
      return `(call ${sexpr(e.callee)}${e.args.map((a) => ' ' + sexpr(a)).join('')})`;
    case 'MethodCall':
      return `(.${e.method} ${sexpr(e.receiver)}${e.args.map((a) => ' ' + sexpr(a)).join('')})`;
    case 'Field':
      return `(.${e.name} ${sexpr(e.object)})`;
    case 'TupleIndex':
      return `(.${e.index} ${sexpr(e.object)})`;
    case 'Index':
      return `([] ${sexpr(e.object)} ${sexpr(e.index)})`;
    case 'Try':
      return `(? ${sexpr(e.expr)})`;
    case 'Await':
      return `(await ${sexpr(e.expr)})`;
    case 'Let':
      return `(let ${sexpr(e.expr)})`;
    default:
      return e.kind;
  }
}
