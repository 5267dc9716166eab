/**
 * The subset of the Trace Event Format (the JSON that chrome://tracing and Perfetto open) the
 * export writes: complete slices (X), instants (i), flow arrows (s/f), counters (C) and metadata
 * (M). Times are microseconds, as the format defines them.
 * Format reference: "Trace Event Format" (Google, the catapult project's documentation).
 */

export type Args = Readonly<Record<string, string | number | boolean>>;

interface Located {
  readonly name: string;
  readonly cat: string;
  readonly pid: number;
  readonly tid: number;
  /** Microseconds. */
  readonly ts: number;
}

export type TraceEvent =
  | (Located & { readonly ph: 'X'; readonly dur: number; readonly args?: Args })
  | (Located & { readonly ph: 'i'; readonly s: 't' | 'p' | 'g'; readonly args?: Args })
  | (Located & { readonly ph: 's'; readonly id: number })
  | (Located & { readonly ph: 'f'; readonly id: number; readonly bp: 'e' })
  | (Located & { readonly ph: 'C'; readonly args: Readonly<Record<string, number>> })
  | {
      readonly ph: 'M';
      readonly name: 'process_name' | 'thread_name' | 'process_sort_index' | 'thread_sort_index';
      readonly pid: number;
      readonly tid: number;
      readonly args: { readonly name: string } | { readonly sort_index: number };
    };

/** The JSON Object Format: events plus free-form metadata. */
export interface ChromeTrace {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ms' | 'ns';
  readonly otherData: Args;
}
