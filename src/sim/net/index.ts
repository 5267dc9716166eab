/** The simulated loopback network and the I/O driver (issue 17). */
export { Kernel, NetSocket, LOOPBACK, STREAM_BUFFER_BYTES, isOsError, type Io } from './kernel.ts';
export { IoDriver, ScheduledIo } from './io-driver.ts';
export * from './errors.ts';
export { Interest, READABLE, WRITABLE, READ_CLOSED, WRITE_CLOSED, type ReadyEvent } from './ready.ts';
export { Signals, KilledBySignal } from './signal.ts';
export { TcpListener, TcpStream, NetPanic, IO_DISABLED, NO_REACTOR } from './tcp.ts';
export {
  type Fault,
  type FaultKind,
  type FaultSide,
  type FaultTarget,
  type FaultMoment,
  type FaultPlanConfig,
  type SeededFaults,
  FAULT_KINDS,
  FAULT_GRAMMAR,
  parseFault,
  formatFault,
  describeFault,
} from './faults.ts';
