/**
 * What became of one program, judged the way a learner would see it: refused with a located error,
 * ran to an exit status, panicked as Rust panics, aborted as Rust aborts, or stopped by a guard. The
 * one outcome that must never happen is `bad`: an internal error, a JavaScript exception or stack
 * trace, `undefined`, or a panic message the program itself could not have produced. The rejection
 * corpus test and the fuzzer both judge programs with this.
 */
import type { Diagnostic } from './diagnostics.ts';
import { compile, startProgram } from './run.ts';

export type Outcome =
  | { readonly kind: 'refused'; readonly diagnostic: Diagnostic; readonly when: 'compile' | 'run' }
  | { readonly kind: 'exit'; readonly exitCode: number; readonly stdout: string }
  | { readonly kind: 'panic'; readonly stdout: string }
  | { readonly kind: 'abort'; readonly stderr: string }
  | { readonly kind: 'limit'; readonly reason: string }
  | { readonly kind: 'bad'; readonly reason: string };

export interface JudgeOptions {
  readonly seed?: number;
  /** Scheduler steps before the run is stopped. */
  readonly maxTicks?: number;
  /** Interpreted operations one poll may run. */
  readonly maxSteps?: number;
  /** Interpreted operations the whole run may use. */
  readonly maxTotalSteps?: number;
}

/** Words and shapes only the host (JavaScript, or our own bugs) writes, never a Rust program. */
function hostLeak(text: string, source: string): string | undefined {
  if (/\binternal:/.test(text)) return 'an `internal:` message';
  // `unreachable!()` really prints "internal error: entered unreachable code"
  const internal = text.replace(/internal error: entered unreachable code(: [^\n]*)?/g, (m) =>
    source.includes('unreachable!') ? '' : m,
  );
  if (/internal (checker |parser )?error/.test(internal)) return 'an `internal error` message';
  if (/\n\s+at .*(\.ts|\.js|<anonymous>)(:\d+)*\)?/.test(text)) return 'a JavaScript stack trace';
  if (/\b(TypeError|RangeError|ReferenceError|SyntaxError): /.test(text) && !source.includes('Error: '))
    return 'a JavaScript error';
  if (/\bundefined\b/.test(text) && !source.includes('undefined')) return '`undefined`';
  if (text.includes('[object Object]') || text.includes('<value>')) return 'a placeholder for an unprintable value';
  return undefined;
}

function located(d: Diagnostic, source: string): string | undefined {
  if (!(d.line >= 1 && d.col >= 1) || d.file === '') return `an unlocated diagnostic (${d.line}:${d.col})`;
  const leak = hostLeak(`${d.message}\n${d.hint ?? ''}`, source);
  return leak === undefined ? undefined : `a diagnostic with ${leak}: ${d.message}`;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export function judgeProgram(source: string, options: JudgeOptions = {}): Outcome {
  let c: ReturnType<typeof compile>;
  try {
    c = compile(source, 'src/main.rs');
  } catch (e) {
    return { kind: 'bad', reason: `compile threw ${describe(e)}` };
  }
  if (!c.ok) {
    const d = c.diagnostics[0];
    if (d === undefined) return { kind: 'bad', reason: 'refused without a diagnostic' };
    const wrong = c.diagnostics.map((x) => located(x, source)).find((w) => w !== undefined);
    return wrong !== undefined ? { kind: 'bad', reason: wrong } : { kind: 'refused', diagnostic: d, when: 'compile' };
  }
  let r: ReturnType<ReturnType<typeof startProgram>['result']>;
  try {
    const runner = startProgram(c.program, {
      seed: options.seed ?? 1,
      maxTicks: options.maxTicks ?? 50_000,
      maxSteps: options.maxSteps ?? 500_000,
      // A run that never ends (an echo loop that never sees EOF) must stop well inside the
      // fuzzer's CPU bound for a hang: about 10 µs an operation on this interpreter.
      maxTotalSteps: options.maxTotalSteps ?? 400_000,
      traceLevel: 'off',
    });
    while (runner.step()) {
      /* run */
    }
    r = runner.result();
  } catch (e) {
    return { kind: 'bad', reason: `run threw ${describe(e)}` };
  }
  if (r.exitCode === 70) return { kind: 'bad', reason: r.error ?? 'internal error' };
  const leak = hostLeak(`${r.stdout}\n${r.stderr}`, source);
  if (leak !== undefined) return { kind: 'bad', reason: `output with ${leak}: ${(r.error ?? r.stderr).slice(0, 300)}` };
  if (r.diagnostic !== undefined) {
    const wrong = located(r.diagnostic, source);
    return wrong !== undefined
      ? { kind: 'bad', reason: wrong }
      : { kind: 'refused', diagnostic: r.diagnostic, when: 'run' };
  }
  if (r.exitCode === 124) return { kind: 'limit', reason: r.error ?? 'stopped' };
  if (r.exitCode === 134) return { kind: 'abort', stderr: r.stderr };
  if (r.exitCode === 101) return { kind: 'panic', stdout: r.stdout };
  return { kind: 'exit', exitCode: r.exitCode, stdout: r.stdout };
}

/** One line for reports and the known-gaps list. */
export function outcomeLine(o: Outcome): string {
  switch (o.kind) {
    case 'refused': {
      const d = o.diagnostic;
      return `refused${o.when === 'run' ? ' while running' : ''} ${d.code ?? '-'} ${d.line}:${d.col} ${d.message}`;
    }
    case 'exit':
      return `ran, exit ${o.exitCode}`;
    case 'panic':
      return 'ran, panicked (101)';
    case 'abort':
      return 'aborted (134)';
    case 'limit':
      return `stopped: ${o.reason}`;
    case 'bad':
      return `BAD: ${o.reason}`;
  }
}
