/**
 * What a suspended task's future holds (issue 11 §5): rustc compiles an async body into a state
 * machine whose state `SuspendN` keeps the locals live across that `.await`, and the future it
 * awaits there. This reads the same from the interpreter's frames, without changing anything:
 * for each async fn / block frame of the task's future, innermost first, its state and its locals
 * as `name = Debug value`. Moved-out locals are left out (rustc would not keep them).
 */
import { AsyncFuture, type AwaitPoint, type RFuture } from './async.ts';
import { RClosure } from './call.ts';
import { env } from './env.ts';
import { toFmt } from './fmt-value.ts';
import { Formatter, fmtWith, type Sink } from '../fmt/index.ts';
import { DROPPED, Owned, STATIC, type Value } from './values.ts';

export interface SavedLocal {
  readonly name: string;
  /** `{:?}` of the value, cut at VALUE_CAP characters (ending in "…"). */
  readonly value: string;
}

export interface SavedFrame {
  /** rustc's name for the state: `fetch::Suspend2`, `async block@12::Suspend0`. */
  readonly state: string;
  /** The `.await` it is suspended at. */
  readonly line: number;
  readonly locals: readonly SavedLocal[];
}

/** Longest Debug text kept per value (a learner reads a line, not a dump). */
export const VALUE_CAP = 120;

/** Thrown by CappedSink to stop a formatter that has written enough. */
class Full extends Error {}

/** Collects text up to the cap, then stops the formatter by throwing Full. */
class CappedSink implements Sink {
  out = '';
  constructor(private readonly cap: number) {}
  writeStr(s: string): void {
    this.out += s;
    if (this.out.length > this.cap) throw new Full('cap reached');
  }
}

/** `{:?}` of `v`, at most `cap` characters; a value without Debug shows what kind of value it is. */
export function debugCapped(v: Value, cap = VALUE_CAP): string {
  const sink = new CappedSink(cap);
  // A user `impl Debug` runs here: it must not print into the run, nor spend its step budget.
  const { stdout, stderr, budget, backtraceNoteShown } = env;
  env.stdout = () => undefined;
  env.stderr = () => undefined;
  try {
    fmtWith(toFmt(v), 'Debug', new Formatter(sink));
    return sink.out;
  } catch (e) {
    if (e instanceof Full) return `${sink.out.slice(0, cap - 1)}…`;
    // no Debug: rustc's name for the type, where it has one
    if (v instanceof AsyncFuture) return `{${bodyName(v)}}`;
    return v instanceof RClosure ? '{closure}' : '‹no Debug›';
  } finally {
    Object.assign(env, { stdout, stderr, budget, backtraceNoteShown });
  }
}

const BLOCK = 'async block at line ';

/** `async block@12`, or the async fn's name. */
function bodyOf(f: AsyncFuture): string {
  const n = f.layout.name;
  return n.startsWith(BLOCK) ? `async block@${n.slice(BLOCK.length)}` : n;
}

/** rustc's name for a future's type: `async fn body of fetch()`, `async block@12`. */
function bodyName(f: AsyncFuture): string {
  return f.layout.name.startsWith(BLOCK) ? bodyOf(f) : `async fn body of ${f.layout.name}()`;
}

function stateName(f: AsyncFuture, at: AwaitPoint): string {
  return `${bodyOf(f)}::Suspend${at.index}`;
}

/** A slot's value, unless it was moved out or dropped since it was bound. */
function held(v: Value): boolean {
  return !(v instanceof Owned && v.o === DROPPED);
}

function frameOf(f: AsyncFuture, at: AwaitPoint): SavedFrame {
  const s = f.frame.s;
  const locals: SavedLocal[] = [];
  const named = new Set<string>();
  for (const l of at.locals) {
    named.add(l.name);
    if (held(s[l.slot])) locals.push({ name: l.name, value: debugCapped(s[l.slot]) });
  }
  for (const c of at.captures) {
    const name = c.from.info.name;
    // The checker follows moves of the body's own locals; a capture moved out inside the body
    // shows at run time: its slot no longer owns the value.
    const v = s[c.slot];
    const movedOut = v instanceof Owned && v.o !== STATIC && (v.o !== s || v.oi !== c.slot);
    if (named.has(name) || at.moved.has(name) || movedOut) continue;
    named.add(name);
    locals.push({ name, value: debugCapped(v) });
  }
  return { state: stateName(f, at), line: at.line, locals };
}

/**
 * The frames of a suspended future, innermost first: the body suspended at an `.await`, then
 * each async body awaiting it. Empty when `root` is not suspended (never polled, or finished).
 */
export function savedLocalsOf(root: RFuture): SavedFrame[] {
  const frames: SavedFrame[] = [];
  let f: RFuture | null = root;
  while (f instanceof AsyncFuture) {
    const at = f.suspendedAt;
    if (at === null) break;
    frames.push(frameOf(f, at));
    f = f.awaitee;
  }
  return frames.reverse();
}
