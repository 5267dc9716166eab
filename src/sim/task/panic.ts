/**
 * How a Rust panic crosses the simulator (tokio-facts.md §4(e), §3.3): the interpreter throws a
 * `RustPanic`; the task harness catches exactly this class (anything else is a simulator bug and
 * propagates), drops the future and stores `JoinError::Panic`.
 */

export class RustPanic extends Error {
  /** The `Box<dyn Any>` payload: whatever the interpreter passed to `panic!` / `resume_unwind`. */
  readonly payload: unknown;
  /** The payload as text when it is a `&str` or `String` (what `JoinError`'s Display shows). */
  readonly panicMessage: string | undefined;

  constructor(panicMessage: string | undefined, payload: unknown = panicMessage) {
    super(panicMessage ?? 'Box<dyn Any>');
    this.name = 'RustPanic';
    this.payload = payload;
    this.panicMessage = panicMessage;
  }
}

export function isRustPanic(e: unknown): e is RustPanic {
  return e instanceof RustPanic;
}

/** Rust's `<str as Debug>`: quoted, with `"`, `\\` and control characters escaped. */
export function rustDebugStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c === 0) out += '\\0';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}
