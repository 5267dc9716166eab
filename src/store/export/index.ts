/**
 * Exports of a run (issue 7): the trace as Chrome Trace Event JSON (Perfetto, chrome://tracing),
 * the program as a Cargo project, and a checker for the trace format. Pure functions.
 */
export { chromeTraceJson, MAIN_TID, NUDGE_US, PID, RUNTIME_TID, toChromeTrace } from './chrome-trace.ts';
export type { ChromeTraceOptions, TraceClock, TraceSource } from './chrome-trace.ts';
export type { Args, ChromeTrace, TraceEvent } from './trace-event-format.ts';
export { checkTraceEventFormat } from './trace-format-check.ts';
export { cargoToml, crateName, projectAsText, rustProject, TOKIO_UTIL_VERSION, TOKIO_VERSION } from './rust-project.ts';
export type { ProjectFile, RustProjectOptions } from './rust-project.ts';
export { zipFiles } from './zip.ts';
