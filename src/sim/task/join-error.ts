/**
 * `JoinError` (tokio-facts.md §5): why a task produced no output — cancelled or panicked — always
 * with the task id. Display / Debug strings match Tokio 1.48's `task/error.rs` byte for byte.
 */
import { RustPanic, rustDebugStr } from './panic.ts';

export type JoinErrorRepr = { readonly kind: 'cancelled' } | { readonly kind: 'panic'; readonly panic: RustPanic };

export class JoinError {
  readonly id: number;
  readonly repr: JoinErrorRepr;

  private constructor(id: number, repr: JoinErrorRepr) {
    this.id = id;
    this.repr = repr;
  }

  static cancelled(id: number): JoinError {
    return new JoinError(id, { kind: 'cancelled' });
  }

  static panic(id: number, panic: RustPanic): JoinError {
    return new JoinError(id, { kind: 'panic', panic });
  }

  isCancelled(): boolean {
    return this.repr.kind === 'cancelled';
  }

  isPanic(): boolean {
    return this.repr.kind === 'panic';
  }

  /** The panic, or undefined when cancelled (`try_into_panic` gives the error back in Rust). */
  tryIntoPanic(): RustPanic | undefined {
    return this.repr.kind === 'panic' ? this.repr.panic : undefined;
  }

  /**
   * `into_panic`: the panic payload. Not a panic → panics like Tokio's
   * `.expect("`JoinError` reason is not a panic.")`, whose message appends `: {err:?}`.
   */
  intoPanic(): RustPanic {
    if (this.repr.kind === 'panic') return this.repr.panic;
    throw new RustPanic(`\`JoinError\` reason is not a panic.: ${this.debug()}`);
  }

  /** `Display`. */
  display(): string {
    if (this.repr.kind === 'cancelled') return `task ${this.id} was cancelled`;
    const msg = this.repr.panic.panicMessage;
    return msg === undefined
      ? `task ${this.id} panicked`
      : `task ${this.id} panicked with message ${rustDebugStr(msg)}`;
  }

  /** `Debug`. */
  debug(): string {
    if (this.repr.kind === 'cancelled') return `JoinError::Cancelled(Id(${this.id}))`;
    const msg = this.repr.panic.panicMessage;
    return msg === undefined
      ? `JoinError::Panic(Id(${this.id}), ...)`
      : `JoinError::Panic(Id(${this.id}), ${rustDebugStr(msg)}, ...)`;
  }

  /** `From<JoinError> for io::Error`: kind Other with this message. */
  ioErrorMessage(): string {
    return this.repr.kind === 'cancelled' ? 'task was cancelled' : 'task panicked';
  }

  toString(): string {
    return this.display();
  }
}
