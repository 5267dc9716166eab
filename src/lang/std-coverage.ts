/**
 * Probes which std methods the interpreter runs: for each listed item, a tiny program calls it on a
 * value of its type (`let x = 'a'; let _ = x.is_digit();`). The method is refused when the program
 * does not compile for want of the name (`not supported`, `cannot find`) or when the run stops at
 * "no method named"; anything else (a wrong argument count, a type fault from the missing
 * arguments) means the name resolved on that type, so it is supported. Used by
 * `scripts/std-coverage.ts` (the report) and by its test (supported items stay supported).
 */
import { compile, runProgram } from './run.ts';

export interface StdItem {
  readonly type: string;
  readonly name: string;
  readonly kind: 'method' | 'assoc' | 'const' | 'fn';
  readonly since: string;
  readonly unstable: boolean;
  readonly deprecated: boolean;
  readonly unsafe: boolean;
  readonly signature: string;
}

export interface CoverageData {
  readonly rust: string;
  readonly source: string;
  readonly items: readonly StdItem[];
}

/** Why an item is left out (`Type::name`, or `*::name` for every type), and what ran before this sweep. */
export interface CoverageNotes {
  readonly leftOut: Readonly<Record<string, string>>;
  readonly before: readonly string[];
}

export type Status = 'supported' | 'added' | 'left out' | 'missing' | 'unstable';

export interface ProbeResult {
  readonly item: StdItem;
  readonly status: Status;
  readonly note: string;
}

/** A value of each type (bound to `x`), and the path its associated items are named by. */
const RECEIVERS: Readonly<Record<string, { readonly value: string; readonly path: string }>> = {
  str: { value: 'let x: &str = "a b";', path: 'str' },
  String: { value: 'let mut x = String::from("ab");', path: 'String' },
  char: { value: "let x = 'a';", path: 'char' },
  Iterator: { value: 'let mut x = vec![1, 2, 3].into_iter();', path: 'Iterator' },
  DoubleEndedIterator: { value: 'let mut x = vec![1, 2, 3].into_iter();', path: 'DoubleEndedIterator' },
  ExactSizeIterator: { value: 'let mut x = vec![1, 2, 3].into_iter();', path: 'ExactSizeIterator' },
  Peekable: { value: 'let mut x = vec![1, 2, 3].into_iter().peekable();', path: 'Peekable' },
  Option: { value: 'let mut x = Some(1);', path: 'Option' },
  Result: { value: 'let mut x: Result<i32, String> = Ok(1);', path: 'Result' },
  i32: { value: 'let x = 5i32;', path: 'i32' },
  u32: { value: 'let x = 5u32;', path: 'u32' },
  f64: { value: 'let x = 2.5f64;', path: 'f64' },
  f32: { value: 'let x = 2.5f32;', path: 'f32' },
  Duration: { value: 'let x = Duration::from_millis(1500);', path: 'Duration' },
  Instant: { value: 'let x = Instant::now();', path: 'Instant' },
  'std::iter': { value: '', path: 'std::iter' },
};

export { probeSource };

export function itemKey(it: StdItem): string {
  return `${it.type}::${it.name}`;
}

/** The parameter list of a signature (inside its outermost parentheses), split at top-level commas. */
function params(sig: string): string[] {
  const open = sig.indexOf('(');
  if (open < 0) return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of sig.slice(open + 1)) {
    if (depth === 0 && ch === ')') break;
    if ('(<['.includes(ch)) depth++;
    if (')>]'.includes(ch)) depth--;
    if (depth === 0 && ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out.filter((p) => !/^(&(mut )?)?(mut )?self\b|^self:/.test(p));
}

/** A closure with as many parameters as the `Fn*(…)` bound names. */
function closure(bound: string): string {
  const m = /Fn(?:Mut|Once)?\(([^)]*)\)/.exec(bound);
  const n = m && m[1].trim() !== '' ? m[1].split(',').length : 0;
  const ret = /\)\s*->\s*bool/.test(bound) ? 'true' : /\)\s*->\s*Option/.test(bound) ? 'None' : '1';
  return `|${Array.from({ length: n }, (_, i) => `_a${i}`).join(', ')}| ${ret}`;
}

/** A plausible argument of the type a parameter names, so no native runs on a missing one. */
function argFor(ty: string, sig: string): string {
  const bound = !/^[A-Z][A-Za-z]*$/.test(ty)
    ? ''
    : (new RegExp(`\\b${ty}: ([^,]*(?:\\([^)]*\\)[^,]*)?)`).exec(sig.slice(sig.indexOf(')')))?.[1] ?? '');
  if (/Fn/.test(ty) || /Fn(Mut|Once)?\(/.test(bound)) return closure(/Fn/.test(ty) ? ty : bound);
  if (/Pattern/.test(bound)) return '"a"';
  if (/RangeBounds/.test(bound)) return '0..1';
  if (/IntoIterator|Iterator/.test(bound)) return 'vec![1, 2]';
  if (/^&?(mut )?\[u8(; \d+)?\]$/.test(ty)) return ty.startsWith('&mut') ? '&mut [0u8; 8]' : '[0u8; 8]';
  if (/^&?(mut )?\[u16\]$/.test(ty)) return '&[97u16]';
  if (/^&?str$|^Box<str>$/.test(ty)) return '"a"';
  if (/^&?(char)$/.test(ty)) return "'a'";
  if (/^&?f(32|64)$/.test(ty)) return '1.5';
  if (ty === 'bool') return 'true';
  if (ty === 'Duration') return 'Duration::from_millis(1)';
  if (ty === 'Instant') return 'Instant::now()';
  if (ty === 'Vec<u8>') return 'vec![97u8]';
  if (/^Option</.test(ty)) return 'Some(1)';
  if (/^Result</.test(ty)) return 'Ok(1)';
  return '1';
}

function args(it: StdItem): string {
  return params(it.signature)
    .map((p) => argFor(p.slice(p.indexOf(':') + 1).trim(), it.signature))
    .join(', ');
}

function probeSource(it: StdItem): string {
  const r = RECEIVERS[it.type];
  const a = args(it);
  const call =
    it.kind === 'method'
      ? `x.${it.name}(${a})`
      : it.kind === 'const'
        ? `${r.path}::${it.name}`
        : `${r.path}::${it.name}(${a})`;
  return `use std::time::{Duration, Instant};\nfn main() {\n    ${r.value}\n    let _ = ${call};\n}\n`;
}

const REFUSED = /not supported|cannot find|no method named|no function or associated item|unresolved/;

/** Does the interpreter know `it` on its type? Returns the refusal message, or null when it does. */
export function probe(it: StdItem): string | null {
  const c = compile(probeSource(it));
  if (!c.ok) {
    const refusal = c.diagnostics.find((d) => REFUSED.test(d.message));
    return refusal ? refusal.message : null;
  }
  const r = runProgram(c.program, { seed: 1 });
  const msg = `${r.diagnostic?.message ?? ''} ${r.error ?? ''}`;
  return /no method named/.test(msg) ? msg.trim() : null;
}

function leftOutReason(it: StdItem, notes: CoverageNotes): string | undefined {
  const own = notes.leftOut[itemKey(it)] ?? notes.leftOut[`*::${it.name}`];
  if (own !== undefined) return own;
  if (it.unsafe) return 'unsafe';
  if (it.deprecated) return 'deprecated';
  return undefined;
}

export function probeAll(data: CoverageData, notes: CoverageNotes): ProbeResult[] {
  const before = new Set(notes.before);
  return data.items.map((item) => {
    if (item.unstable) return { item, status: 'unstable', note: 'nightly-only' };
    const refused = probe(item);
    if (refused === null) return { item, status: before.has(itemKey(item)) ? 'supported' : 'added', note: '' };
    const why = leftOutReason(item, notes);
    return why !== undefined ? { item, status: 'left out', note: why } : { item, status: 'missing', note: refused };
  });
}

/** The markdown checklist: one table per type. */
export function coverageReport(data: CoverageData, results: readonly ProbeResult[]): string {
  const lines: string[] = [
    '# std methods: text and numbers (issue 13)',
    '',
    `Every item of ${data.source}, probed on our interpreter by \`npx tsx scripts/std-coverage.ts\``,
    '(which writes this file). _supported_: ran before this sweep; _added_: added in this sweep;',
    '_left out_: refused, with the reason; _missing_: refused, not yet done; _unstable_: nightly-only',
    "(never supported). Methods reached through `Deref` (str's on `String`) are listed on their own type.",
    '',
  ];
  const types = [...new Set(results.map((r) => r.item.type))];
  for (const t of types) {
    const rows = results.filter((r) => r.item.type === t);
    const tally = new Map<Status, number>();
    for (const r of rows) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
    lines.push(`## ${t}`, '', [...tally].map(([s, n]) => `${n} ${s}`).join(', '), '');
    lines.push('| item | status | note |', '| --- | --- | --- |');
    for (const r of rows) lines.push(`| \`${r.item.name}\` | ${r.status} | ${r.note.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
