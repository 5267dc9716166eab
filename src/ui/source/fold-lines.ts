/**
 * Which lines the source may fold away (issue 11, "the source can fold to the lines that
 * matter"): everything except the lines worth reading while the run plays — the lines the run
 * executes, the slide's focus, the signatures that give the code its shape — each with a line of
 * context. Pure, so it is tested without an editor.
 */

/** An inclusive 1-based line range. */
export interface LineSpan {
  readonly from: number;
  readonly to: number;
}

/** Lines that frame the code: `#[tokio::main]` and every `fn` signature. */
const STRUCTURE = /^\s*(#\[tokio::main\b|(pub(\([^)]*\))?\s+)?(async\s+)?(unsafe\s+)?fn\s)/;

export interface FoldOptions {
  /** Lines kept either side of each line that matters. */
  readonly context?: number;
  /** Shortest run of lines worth a fold (a fold row replaces it). */
  readonly minRun?: number;
}

/**
 * The `{ … }` block each line sits in most closely, as [open line, close line] (1-based), found
 * by brace matching that skips strings, chars and comments well enough for the lessons' code.
 */
export function innermostBlocks(lines: readonly string[]): readonly (readonly [number, number] | undefined)[] {
  const out: ([number, number] | undefined)[] = new Array<[number, number] | undefined>(lines.length + 1);
  const open: number[] = [];
  const spans: [number, number][] = [];
  lines.forEach((text, i) => {
    const code = text
      .replace(/\/\/.*$/, '')
      .replace(/"(\\.|[^"\\])*"/g, '""')
      .replace(/'(\\.|[^'\\])'/g, "''");
    for (const c of code) {
      if (c === '{') open.push(i + 1);
      else if (c === '}' && open.length > 0) spans.push([open.pop() ?? 0, i + 1]);
    }
  });
  // Inner blocks close first, so a line's first containing span in this order is its innermost.
  for (const [from, to] of spans) {
    for (let l = from; l <= to; l++) if (out[l] === undefined) out[l] = [from, to];
  }
  return out;
}

/**
 * The ranges to fold in `text`, keeping `keep` (1-based lines) with the whole block each sits in
 * (the trace names only the lines where tasks start and suspend, but the statements between them
 * ran too), the structure and a line of context.
 */
export function foldRanges(text: string, keep: Iterable<number>, options: FoldOptions = {}): LineSpan[] {
  const { context = 1, minRun = 3 } = options;
  const lines = text.split('\n');
  const n = lines.length;
  const kept = new Uint8Array(n + 2);
  const blocks = innermostBlocks(lines);
  const mark = (line: number) => {
    const [from, to] = blocks[line] ?? [line, line];
    for (let l = Math.max(1, from - context); l <= Math.min(n, to + context); l++) kept[l] = 1;
  };
  for (const line of keep) if (line >= 1 && line <= n) mark(line);
  lines.forEach((l, i) => {
    if (STRUCTURE.test(l)) kept[i + 1] = 1;
  });
  const out: LineSpan[] = [];
  let start = 0;
  for (let l = 1; l <= n + 1; l++) {
    const folds = l <= n && kept[l] === 0;
    if (folds && start === 0) start = l;
    if (!folds && start !== 0) {
      // A fold never ends on blank lines: they stay as breathing room above what is shown.
      let end = l - 1;
      while (end > start && lines[end - 1].trim() === '') end--;
      if (end - start + 1 >= minRun) out.push({ from: start, to: end });
      start = 0;
    }
  }
  return out;
}

/** The range holding `line`, if any. */
export function spanAt(spans: readonly LineSpan[], line: number): LineSpan | undefined {
  return spans.find((s) => s.from <= line && line <= s.to);
}

type LineEvent = { readonly type: string; readonly line?: number };
/** A run's event log, as the lab's timeline gives it. */
export interface EventLog<E extends LineEvent = LineEvent> {
  readonly length: number;
  eventAt(i: number): E | undefined;
}

/** The set of lines `pick` finds in the log's events (0 for none). */
export function linesOf<E extends LineEvent>(log: EventLog<E>, pick: (e: E) => number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < log.length; i++) {
    const e = log.eventAt(i);
    const line = e === undefined ? 0 : pick(e);
    if (line > 0) out.add(line);
  }
  return out;
}

/** What the run touched, read off its events: statements run, polls resumed, spawn sites. */
export function linesRun(log: EventLog): Set<number> {
  return linesOf(log, (e) =>
    e.type === 'statement' || e.type === 'poll.start' || e.type === 'task.spawned' ? (e.line ?? 0) : 0,
  );
}
