/**
 * A value of the wrong type reached an operation while the program ran. rustc refuses every such
 * program before it runs, because its type checker knows; until ours catches every case, the
 * interpreter reports it as rustc would, an error at the operation's line:col, never as a panic the
 * program does not have (a fake `internal:` panic could even be caught by `catch_unwind` or a
 * JoinHandle and print as if it were the program's own).
 */
import { FmtTraitError } from '../fmt/index.ts';
import { UseAfterDrop } from './sim.ts';

/** What a handle used after it was dropped or consumed means in the program (rustc's E0382). */
export const MOVED_HANDLE = 'use of moved value: this handle was already dropped or consumed';

export class TypeFault extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    message: string,
    /** rustc's error code for the mistake, when the operation alone tells which one it is. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TypeFault';
  }
}

export function typeFault(
  site: { readonly line: number; readonly col: number },
  message: string,
  code?: string,
): never {
  throw new TypeFault(site.line, site.col, message, code);
}

/**
 * A JavaScript TypeError or SyntaxError (`BigInt` of an object), or a RangeError that is not the host's stack running out (`BigInt(NaN)`,
 * an invalid length), raised by the interpreter's own code on a value it was never meant to get.
 */
export function isHostTypeFailure(e: unknown): boolean {
  if (e instanceof TypeError || e instanceof SyntaxError) return true;
  if (!(e instanceof RangeError)) return false;
  // at the top of an exhausted stack even this test can overflow: then it is the stack
  try {
    return !e.message.includes('call stack');
  } catch {
    return false;
  }
}

type Native<S extends { readonly line: number; readonly col: number }, A, R> = (site: S, args: A) => R;

/**
 * A built-in reached with arguments of the wrong number or kind (a call rustc would have refused)
 * fails inside its JavaScript as a TypeError; this reports it at the call instead.
 */
export function guardNative<S extends { readonly line: number; readonly col: number }, A, R>(
  call: Native<S, A, R>,
): Native<S, A, R> {
  const guarded: Native<S, A, R> = (site, args) => {
    try {
      return call(site, args);
    } catch (e) {
      if (e instanceof UseAfterDrop) typeFault(site, MOVED_HANDLE, 'E0382');
      if (isHostTypeFailure(e)) typeFault(site, 'this call does not take arguments of these types or this number');
      if (e instanceof FmtTraitError)
        typeFault(
          site,
          `this value doesn't implement \`${e.trait === 'Display' ? 'std::fmt::Display' : e.trait}\``,
          'E0277',
        );
      throw e;
    }
  };
  origins.set(guarded, call);
  return guarded;
}

const origins = new WeakMap<object, object>();

/** The built-in a guarded function wraps (code that recognises a built-in by identity asks this). */
export function nativeOrigin<F extends object>(f: F): F {
  return (origins.get(f) as F | undefined) ?? f;
}
