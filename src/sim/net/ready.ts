/**
 * Readiness bits, as Tokio's `Ready` (tokio/src/runtime/io/ready.rs) names them. READ_CLOSED and
 * WRITE_CLOSED are sticky: clearing readiness never removes them.
 */
export const READABLE = 0b0001;
export const WRITABLE = 0b0010;
export const READ_CLOSED = 0b0100;
export const WRITE_CLOSED = 0b1000;
export const ERROR = 0b10000;
export const ALL_CLOSED = READ_CLOSED | WRITE_CLOSED;

/** What an operation waits for; each interest is satisfied by its own bit or its closed bit. */
export const enum Interest {
  Readable = READABLE | READ_CLOSED | ERROR,
  Writable = WRITABLE | WRITE_CLOSED | ERROR,
}

/** The readiness an operation saw, with the driver tick it was set at (`ReadyEvent`). */
export interface ReadyEvent {
  readonly ready: number;
  readonly tick: number;
}
