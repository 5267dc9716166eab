/**
 * The OS errors a loopback socket gives, with Linux's errno and the text `io::Error` prints
 * (`Connection refused (os error 111)`; the kind's name is the variant of `std::io::ErrorKind`).
 */
export interface OsError {
  readonly code: number;
  readonly kind: OsErrorKind;
  readonly message: string;
}

export type OsErrorKind =
  | 'ConnectionRefused'
  | 'ConnectionReset'
  | 'BrokenPipe'
  | 'AddrInUse'
  | 'AddrNotAvailable'
  | 'NotConnected'
  | 'InvalidInput';

function os(code: number, kind: OsErrorKind, message: string): OsError {
  return Object.freeze({ code, kind, message });
}

export const ECONNREFUSED = os(111, 'ConnectionRefused', 'Connection refused');
export const ECONNRESET = os(104, 'ConnectionReset', 'Connection reset by peer');
export const EPIPE = os(32, 'BrokenPipe', 'Broken pipe');
export const EADDRINUSE = os(98, 'AddrInUse', 'Address already in use');
export const EADDRNOTAVAIL = os(99, 'AddrNotAvailable', 'Cannot assign requested address');
export const ENOTCONN = os(107, 'NotConnected', 'Transport endpoint is not connected');
export const EINVAL = os(22, 'InvalidInput', 'Invalid argument');

/** A non-blocking operation that cannot make progress now. */
export const WOULD_BLOCK: unique symbol = Symbol('WouldBlock');
export type WouldBlock = typeof WOULD_BLOCK;
