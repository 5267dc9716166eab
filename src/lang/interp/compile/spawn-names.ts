/**
 * The names a person would give the tasks a program spawns, read from its syntax (issue 11 §5):
 * the `let` binding of the handle (`let worker_a = tokio::spawn(…)`), else the `async fn` the task
 * runs (`tokio::spawn(fetch(3))` → "fetch"), else for an `async` block or a blocking closure the
 * first user function it calls. `Builder::name` is a run-time value and wins over all of these
 * (tokio/task-tracker.ts). A spawn with none of these stays unnamed ("task 3" in the UI).
 */
import type { Block, CallExpr, Expr, MethodCallExpr, Program } from '../../syntax/ast.ts';
import { type SyntaxNode, walk } from '../../syntax/visit.ts';

/** Calls and methods that start a task (tokio::spawn, JoinSet, Runtime, Handle, Builder, TaskTracker). */
const SPAWNERS = new Set(['spawn', 'spawn_blocking', 'spawn_local', 'spawn_on', 'spawn_local_on', 'spawn_blocking_on']);
/** Methods a handle passes through on its way to a binding (`Builder::spawn(…).unwrap()`). */
const PASS_THROUGH = new Set(['unwrap', 'expect']);

type SpawnCall = CallExpr | MethodCallExpr;

function isSpawnCall(n: SyntaxNode): n is SpawnCall {
  if (n.kind === 'MethodCall') return SPAWNERS.has(n.method);
  if (n.kind !== 'Call' || n.callee.kind !== 'PathExpr') return false;
  const segs = n.callee.path.segments;
  return segs.length > 0 && SPAWNERS.has(segs[segs.length - 1].name);
}

/** The spawn call whose handle `e` evaluates to, looking through `?`, parentheses and unwrap. */
function spawnUnder(e: Expr): SpawnCall | null {
  let x: Expr = e;
  for (;;) {
    if (x.kind === 'Paren' || x.kind === 'Try') x = x.expr;
    else if (x.kind === 'MethodCall' && PASS_THROUGH.has(x.method)) x = x.receiver;
    else return isSpawnCall(x) ? x : null;
  }
}

/** The name a binding pattern gives (`let h`, `let mut h`, `let h: JoinHandle<_>`). */
function bindingName(pat: SyntaxNode): string | null {
  return pat.kind === 'IdentPat' && pat.sub === null ? pat.name : null;
}

interface UserFns {
  /** Every fn and method the program defines. */
  readonly all: ReadonlySet<string>;
  readonly async: ReadonlySet<string>;
}

function userFns(program: Program): UserFns {
  const all = new Set<string>();
  const asyncFns = new Set<string>();
  walk(program, (n) => {
    if (n.kind === 'Fn') {
      all.add(n.name);
      if (n.isAsync) asyncFns.add(n.name);
    }
  });
  return { all, async: asyncFns };
}

/** The last segment of a call's callee path, or the method's name. */
function calleeName(e: Expr): string | null {
  if (e.kind === 'MethodCall') return e.method;
  if (e.kind !== 'Call' || e.callee.kind !== 'PathExpr') return null;
  const segs = e.callee.path.segments;
  return segs.length > 0 ? segs[segs.length - 1].name : null;
}

/** The first call in `body` (source order) to one of `fns`, not looking inside nested spawns. */
function firstCallIn(body: Block | Expr, fns: ReadonlySet<string>): string | null {
  let found: string | null = null;
  walk(body, (n) => {
    if (found !== null) return false;
    if (n.kind === 'Call' || n.kind === 'MethodCall') {
      // a task spawned inside is another task, with its own name
      if (isSpawnCall(n)) return false;
      const name = calleeName(n);
      if (name !== null && fns.has(name)) {
        found = name;
        return false;
      }
    }
    return true;
  });
  return found;
}

/** The name of what a spawn runs: the async fn called, the future's binding, or a call inside. */
function futureName(arg: Expr, fns: UserFns): string | null {
  switch (arg.kind) {
    case 'Paren':
      return futureName(arg.expr, fns);
    case 'PathExpr': {
      const segs = arg.path.segments;
      return segs.length > 0 ? segs[segs.length - 1].name : null;
    }
    case 'Call':
    case 'MethodCall': {
      const name = calleeName(arg);
      if (name !== null && fns.all.has(name)) return name;
      // a wrapper (`timeout(d, fetch(1))`, `Box::pin(fetch(1))`): what it wraps
      const inner = arg.kind === 'Call' ? arg.args : [arg.receiver, ...arg.args];
      for (const a of inner) {
        const n = futureName(a, fns);
        if (n !== null) return n;
      }
      return null;
    }
    case 'AsyncBlock':
      return firstCallIn(arg.block, fns.async);
    case 'Closure':
      return firstCallIn(arg.body, fns.all);
    default:
      return null;
  }
}

/** What each spawn call of the program names its task (calls left out stay unnamed). */
export function spawnNames(program: Program): Map<SpawnCall, string> {
  const fns = userFns(program);
  const bound = new Map<SpawnCall, string>();
  const calls: SpawnCall[] = [];
  walk(program, (n) => {
    if (n.kind === 'LetStmt' && n.init !== null) {
      const call = spawnUnder(n.init);
      const name = bindingName(n.pat);
      if (call !== null && name !== null) bound.set(call, name);
    } else if (n.kind === 'Assign' && n.target.kind === 'PathExpr' && n.target.path.segments.length === 1) {
      const call = spawnUnder(n.value);
      if (call !== null) bound.set(call, n.target.path.segments[0].name);
    } else if (isSpawnCall(n)) calls.push(n);
  });
  const out = new Map<SpawnCall, string>();
  for (const call of calls) {
    const arg = call.args[0] as Expr | undefined;
    const name = bound.get(call) ?? (arg === undefined ? null : futureName(arg, fns));
    if (name !== null) out.set(call, name);
  }
  return out;
}
