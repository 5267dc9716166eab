/**
 * A checker for the Trace Event Format, independent of the exporter: it reads any parsed JSON and
 * lists every rule it breaks, so the tests prove the file opens in chrome://tracing and Perfetto
 * rather than that it equals what the exporter meant to write. Rules (catapult's "Trace Event
 * Format" document): the JSON Object Format's `traceEvents` array; per phase, the required fields
 * and their types; timestamps in µs, finite and non-negative; complete slices properly nested per
 * thread; B/E balanced; every flow end matched by an earlier start of the same (cat, name, id);
 * flow steps bound to a slice on their thread; metadata names from the defined set.
 */

type Rec = Readonly<Record<string, unknown>>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

const PHASES = new Set(['B', 'E', 'X', 'i', 'I', 'C', 'b', 'n', 'e', 's', 't', 'f', 'P', 'N', 'O', 'D', 'M', 'R', 'c']);
const METADATA = new Set(['process_name', 'process_labels', 'process_sort_index', 'thread_name', 'thread_sort_index']);

interface Slice {
  readonly ts: number;
  readonly end: number;
  readonly at: number;
}

interface FlowPoint {
  readonly ph: string;
  readonly key: string;
  readonly track: string;
  readonly ts: number;
  readonly enclosing: boolean;
  readonly at: number;
}

export function checkTraceEventFormat(json: unknown): string[] {
  const problems: string[] = [];
  const bad = (at: number, msg: string) => problems.push(at < 0 ? msg : `event ${at}: ${msg}`);
  let events: readonly unknown[];
  if (Array.isArray(json)) events = json;
  else if (isRec(json) && Array.isArray(json.traceEvents)) {
    events = json.traceEvents as unknown[];
    const unit = json.displayTimeUnit;
    if (unit !== undefined && unit !== 'ms' && unit !== 'ns') bad(-1, 'displayTimeUnit must be "ms" or "ns"');
  } else return ['the top level is neither an array of events nor an object with a traceEvents array'];

  const slices = new Map<string, Slice[]>();
  const open = new Map<string, number[]>();
  const flows: FlowPoint[] = [];
  events.forEach((e, at) => {
    if (!isRec(e)) return bad(at, 'not an object');
    const ph = e.ph;
    if (typeof ph !== 'string' || !PHASES.has(ph)) return bad(at, `unknown phase ${JSON.stringify(ph)}`);
    if (typeof e.name !== 'string' && ph !== 'E') bad(at, 'name must be a string');
    if (!isInt(e.pid) || !isInt(e.tid)) bad(at, 'pid and tid must be integers');
    if (e.args !== undefined && !isRec(e.args)) bad(at, 'args must be an object');
    const track = `${String(e.pid)}:${String(e.tid)}`;
    if (ph === 'M') {
      if (typeof e.name !== 'string' || !METADATA.has(e.name)) bad(at, `unknown metadata ${String(e.name)}`);
      const args = isRec(e.args) ? e.args : {};
      const ok = String(e.name).endsWith('sort_index') ? isInt(args.sort_index) : args.name !== undefined;
      if (!ok) bad(at, `metadata ${String(e.name)} lacks its argument`);
      return;
    }
    if (!isNum(e.ts) || e.ts < 0) return bad(at, 'ts must be a finite, non-negative number of µs');
    const ts = e.ts;
    switch (ph) {
      case 'X':
        if (!isNum(e.dur) || e.dur < 0) return bad(at, 'a complete event needs a non-negative dur');
        push(slices, track, { ts, end: ts + e.dur, at });
        return;
      case 'B':
        push(open, track, ts);
        return;
      case 'E': {
        const begin = open.get(track)?.pop();
        if (begin === undefined) return bad(at, 'E without a matching B on its thread');
        push(slices, track, { ts: begin, end: ts, at });
        return;
      }
      case 'i':
      case 'I':
        if (e.s !== undefined && e.s !== 'g' && e.s !== 'p' && e.s !== 't') bad(at, 'instant scope must be g, p or t');
        return;
      case 'C':
        if (!isRec(e.args) || !Object.values(e.args).every(isNum)) bad(at, 'counter args must be numbers');
        return;
      case 's':
      case 't':
      case 'f':
        if (!isInt(e.id) && typeof e.id !== 'string') return bad(at, 'a flow event needs an id');
        if (typeof e.cat !== 'string') return bad(at, 'a flow event needs a cat');
        if (e.bp !== undefined && e.bp !== 'e') bad(at, 'bp must be "e"');
        flows.push({
          ph,
          key: `${e.cat}\u0000${String(e.name)}\u0000${String(e.id)}`,
          track,
          ts,
          enclosing: ph !== 'f' || e.bp === 'e',
          at,
        });
        return;
      default:
        return;
    }
  });
  for (const [track, stack] of open) if (stack.length > 0) bad(-1, `${stack.length} unterminated B on ${track}`);
  for (const list of slices.values()) checkNesting(list, bad);
  checkFlows(flows, slices, bad);
  return problems;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Slices on one thread either nest or are disjoint. */
function checkNesting(list: Slice[], bad: (at: number, msg: string) => void): void {
  const sorted = list.slice().sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack: Slice[] = [];
  for (const s of sorted) {
    while (stack.length > 0 && stack[stack.length - 1].end <= s.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined && s.end > parent.end) bad(s.at, `slice overlaps event ${parent.at} without nesting`);
    stack.push(s);
  }
}

function checkFlows(
  flows: readonly FlowPoint[],
  slices: ReadonlyMap<string, Slice[]>,
  bad: (at: number, msg: string) => void,
): void {
  const started = new Map<string, number>();
  const sorted = flows.slice().sort((a, b) => a.ts - b.ts || order(a.ph) - order(b.ph));
  for (const f of sorted) {
    const list = slices.get(f.track) ?? [];
    const bound = f.enclosing ? list.some((s) => s.ts <= f.ts && f.ts <= s.end) : list.some((s) => s.ts >= f.ts);
    if (!bound) bad(f.at, `flow ${f.ph} is bound to no slice on its thread`);
    if (f.ph === 's') {
      if (started.has(f.key)) bad(f.at, 'flow id started twice');
      started.set(f.key, f.ts);
    } else if (!started.has(f.key)) bad(f.at, `flow ${f.ph} has no earlier start with the same cat, name and id`);
    if (f.ph === 'f') started.delete(f.key);
  }
}

const order = (ph: string): number => (ph === 's' ? 0 : ph === 't' ? 1 : 2);
