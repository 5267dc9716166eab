/** `--trace out.json`: the decoded event trace, one event object per line inside a JSON document. */
import type { TraceRecorder } from '../sim/index.ts';

export const TRACE_JSON_VERSION = 1;

export function traceToJson(trace: TraceRecorder): string {
  const lines: string[] = [];
  for (const e of trace.events()) lines.push(JSON.stringify(e));
  return `{"version":${TRACE_JSON_VERSION},"events":[\n${lines.join(',\n')}\n]}\n`;
}
