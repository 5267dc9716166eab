/**
 * Which stable std collection methods the interpreter runs: every inherent method of `[T]`, `Vec`,
 * `VecDeque`, the maps, the sets, their entries and iterators as std 1.95 documents them
 * (`docs/std-methods/collections-1.95.json`, extracted by `scripts/extract-collection-methods.ts`), marked
 * supported when the interpreter's method table for that type has it, or left out with the reason.
 *
 *   npx tsx scripts/collection-coverage.ts          rewrites docs/std-methods/collections.md
 *   npx tsx scripts/collection-coverage.ts --check  fails when that file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import '../src/lang/interp/std/index.ts';
import type { MethodTable } from '../src/lang/interp/defs.ts';
import { lookupBuiltin } from '../src/lang/interp/std/registry.ts';
import { tableOf } from '../src/lang/interp/std/tables.ts';
import { ENTRY, REntry } from '../src/lang/interp/std/map-entry.ts';
import { BufIter, MutIter } from '../src/lang/interp/std/iter.ts';
import { RDeque, RHeap, RMap, RVec } from '../src/lang/interp/values.ts';

interface StdMethod {
  readonly name: string;
  readonly impl: string;
  readonly sig: string;
  readonly unstable: boolean;
  readonly deprecated: boolean;
}
interface StdList {
  readonly rust: string;
  readonly types: Record<string, StdMethod[]>;
}

const DOCS = join(import.meta.dirname, '../docs/std-methods');
export const MARKDOWN_PATH = join(DOCS, 'collections.md');
const LIST = JSON.parse(readFileSync(join(DOCS, 'collections-1.95.json'), 'utf8')) as StdList;

/** The value each documented type is at run time, and the path its associated functions live under. */
const RUNTIME: Record<string, { value?: () => object; table?: MethodTable; path?: string }> = {
  '[T]': { value: () => new RVec([]) },
  Vec: { value: () => new RVec([]), path: 'Vec' },
  VecDeque: { value: () => new RDeque([]), path: 'VecDeque' },
  HashMap: { value: () => new RMap(false, false), path: 'HashMap' },
  BTreeMap: { value: () => new RMap(true, false), path: 'BTreeMap' },
  HashSet: { value: () => new RMap(false, true), path: 'HashSet' },
  BTreeSet: { value: () => new RMap(true, true), path: 'BTreeSet' },
  BinaryHeap: { value: () => new RHeap([]), path: 'BinaryHeap' },
  'binary_heap::PeekMut': { path: 'PeekMut' },
  'hash_map::Entry': { table: ENTRY.methods },
  'btree_map::Entry': { table: ENTRY.methods },
  'hash_map::OccupiedEntry': { value: () => new REntry(new RMap(false, false), 0) },
  'hash_map::VacantEntry': { value: () => new REntry(new RMap(false, false), 0) },
  'btree_map::OccupiedEntry': { value: () => new REntry(new RMap(true, false), 0) },
  'btree_map::VacantEntry': { value: () => new REntry(new RMap(true, false), 0) },
  'vec::Drain': { value: () => new BufIter([], false) },
  'vec::IntoIter': { value: () => new BufIter([], false) },
  'slice::Iter': { value: () => new BufIter([], false) },
  'slice::IterMut': { value: () => new MutIter([]) },
  'slice::ChunksExact': { value: () => new BufIter([], false) },
};

export type Status = { readonly k: 'supported' } | { readonly k: 'left out'; readonly why: string };

/** Reasons that follow from the signature or the docs' markers. */
function ruled(m: StdMethod): string | undefined {
  if (m.unstable) return 'unstable (nightly-only)';
  if (m.deprecated) return 'deprecated';
  if (/\bunsafe fn\b/.test(m.sig)) return '`unsafe`';
  if (/\*const|\*mut|NonNull/.test(m.sig)) return 'raw pointers';
  if (/_in$|allocator|alloc: A/.test(m.name + ' ' + m.sig)) return 'allocator API';
  return undefined;
}

/** Stable, safe methods left out on purpose, and why. */
const LEFT_OUT: Record<string, string> = {
  '[T]::element_offset': "needs the element's address (pointer identity)",
  '[T]::as_flattened_mut': 'writing through a flat view of nested arrays (the reading `as_flattened` is there)',
  '[T]::utf8_chunks': 'byte-level UTF-8 decoding of `[u8]`; `String::from_utf8` and `str::from_utf8` are there',
  'Vec::spare_capacity_mut': 'uninitialised memory (`MaybeUninit`)',
  'VecDeque::as_slices':
    "the split depends on the ring buffer's layout (head, capacity growth), which is not modelled; `make_contiguous` is there",
  'VecDeque::as_mut_slices': 'as `as_slices`',
  capacity:
    "capacity is not modelled (hashbrown's bucket counts); `reserve` and `shrink_to_fit` are accepted and change nothing",
  'vec::IntoIter::as_mut_slice': 'rare; `as_slice` is there',
  'slice::IterMut::into_slice': 'rare; `as_slice` is there',
};

function supported(type: string, m: StdMethod): boolean {
  const rt = RUNTIME[type];
  if (!rt) return false;
  if (!/\bself\b/.test(m.sig)) {
    const e = rt.path ? lookupBuiltin([rt.path, m.name]) : undefined;
    return e !== undefined;
  }
  const t: MethodTable | undefined = rt.table ?? (rt.value ? tableOf(rt.value()) : undefined);
  return t?.has(m.name) ?? false;
}

export function statusOf(type: string, m: StdMethod): Status {
  if (supported(type, m)) return { k: 'supported' };
  const why = ruled(m) ?? LEFT_OUT[`${type}::${m.name}`] ?? LEFT_OUT[m.name];
  return { k: 'left out', why: why ?? 'MISSING' };
}

export function coverage(): { type: string; m: StdMethod; s: Status }[] {
  const out: { type: string; m: StdMethod; s: Status }[] = [];
  for (const [type, ms] of Object.entries(LIST.types)) for (const m of ms) out.push({ type, m, s: statusOf(type, m) });
  return out;
}

const code = (n: string): string => `\`${n}\``;

/** The checklist as markdown: per type, what runs and what is left out, grouped by reason. */
export async function renderMarkdown(): Promise<string> {
  const rows = coverage();
  const lines: string[] = [
    `# std collection methods (Rust ${LIST.rust})`,
    '',
    'Every inherent method of the collections issue 13 covers, as std 1.95 documents them, and',
    'whether the interpreter runs it. Generated by `npx tsx scripts/collection-coverage.ts` from',
    "`collections-1.95.json` (extracted from std's HTML docs by `scripts/extract-collection-methods.ts`):",
    "a method is supported when the interpreter's method table for that type has it, so this file",
    'stays true (`tests/conformance/collection-coverage.test.ts` fails when it is stale). Trait methods',
    '(`clone`, `extend`, `into_iter`, `from_iter`, `eq`, indexing, …) are not listed; the recorded',
    'programs in `tests/fixtures/surface` show them.',
    '',
    '| type | stable | supported | left out | nightly-only (not counted) |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const types = Object.keys(LIST.types);
  let total = [0, 0, 0, 0];
  for (const t of types) {
    const rs = rows.filter((r) => r.type === t);
    const stable = rs.filter((r) => !r.m.unstable);
    const sup = stable.filter((r) => r.s.k === 'supported').length;
    const row = [stable.length, sup, stable.length - sup, rs.length - stable.length];
    total = total.map((n, i) => n + row[i]);
    lines.push(`| ${code(t)} | ${row.join(' | ')} |`);
  }
  lines.push(`| all | ${total.join(' | ')} |`, '');
  for (const t of types) {
    const rs = rows.filter((r) => r.type === t);
    lines.push(`## ${code(t)}`, '');
    const sup = rs.filter((r) => r.s.k === 'supported').map((r) => code(r.m.name));
    lines.push(`Supported (${sup.length}): ${sup.join(', ') || 'none'}.`, '');
    const byWhy = new Map<string, string[]>();
    for (const r of rs) {
      if (r.s.k !== 'left out' || r.m.unstable) continue;
      byWhy.set(r.s.why, [...(byWhy.get(r.s.why) ?? []), code(r.m.name)]);
    }
    if (byWhy.size > 0) {
      lines.push('Left out:', '');
      for (const [why, names] of byWhy) lines.push(`- ${names.join(', ')}: ${why}.`);
      lines.push('');
    }
    const nightly = rs.filter((r) => r.m.unstable).map((r) => code(r.m.name));
    if (nightly.length > 0) lines.push(`Nightly-only in 1.95, not offered: ${nightly.join(', ')}.`, '');
  }
  // formatted as prettier would, so `prettier --check` and `--check` agree
  const options = (await resolveConfig(MARKDOWN_PATH)) ?? {};
  return format(lines.join('\n'), { ...options, parser: 'markdown' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = coverage().filter((r) => r.s.k === 'left out' && r.s.why === 'MISSING');
  for (const r of missing) console.log(`no status: ${r.type}::${r.m.name}`);
  const md = await renderMarkdown();
  if (process.argv.includes('--check')) {
    const stale = readFileSync(MARKDOWN_PATH, 'utf8') !== md;
    if (stale) console.log('docs/std-methods/collections.md is stale: run npx tsx scripts/collection-coverage.ts');
    process.exit(stale || missing.length > 0 ? 1 : 0);
  }
  writeFileSync(MARKDOWN_PATH, md);
  console.log(
    md
      .split('\n')
      .slice(10, 12 + Object.keys(LIST.types).length)
      .join('\n'),
  );
}
