/**
 * Extracts the inherent methods of std's collections from rustdoc's HTML (the `rust-docs`
 * component of a toolchain) into `docs/std-methods/collections-1.95.json`, the list
 * `scripts/collection-coverage.ts` checks the interpreter against. Run by hand when the Rust release
 * moves; tests read only the committed JSON.
 *
 *   npx tsx scripts/extract-collection-methods.ts ~/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/std
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pages to read, and which of their inherent impl blocks belong to the type a learner sees. */
const PAGES: readonly { type: string; page: string; skipImpl?: RegExp }[] = [
  // Box<[T]>, [MaybeUninit<T>] and [ascii::Char] are other types documented on the slice page.
  { type: '[T]', page: 'primitive.slice.html', skipImpl: /Box|MaybeUninit|Char/ },
  { type: 'Vec', page: 'vec/struct.Vec.html' },
  { type: 'VecDeque', page: 'collections/struct.VecDeque.html' },
  { type: 'HashMap', page: 'collections/struct.HashMap.html' },
  { type: 'BTreeMap', page: 'collections/struct.BTreeMap.html' },
  { type: 'HashSet', page: 'collections/struct.HashSet.html' },
  { type: 'BTreeSet', page: 'collections/struct.BTreeSet.html' },
  { type: 'BinaryHeap', page: 'collections/struct.BinaryHeap.html' },
  { type: 'binary_heap::PeekMut', page: 'collections/binary_heap/struct.PeekMut.html' },
  { type: 'hash_map::Entry', page: 'collections/hash_map/enum.Entry.html' },
  { type: 'hash_map::OccupiedEntry', page: 'collections/hash_map/struct.OccupiedEntry.html' },
  { type: 'hash_map::VacantEntry', page: 'collections/hash_map/struct.VacantEntry.html' },
  { type: 'btree_map::Entry', page: 'collections/btree_map/enum.Entry.html' },
  { type: 'btree_map::OccupiedEntry', page: 'collections/btree_map/struct.OccupiedEntry.html' },
  { type: 'btree_map::VacantEntry', page: 'collections/btree_map/struct.VacantEntry.html' },
  { type: 'vec::Drain', page: 'vec/struct.Drain.html' },
  { type: 'vec::IntoIter', page: 'vec/struct.IntoIter.html' },
  { type: 'slice::Iter', page: 'slice/struct.Iter.html' },
  { type: 'slice::IterMut', page: 'slice/struct.IterMut.html' },
  { type: 'slice::ChunksExact', page: 'slice/struct.ChunksExact.html' },
];

export interface StdMethod {
  readonly name: string;
  /** The impl block's header as rustdoc writes it (`impl<T> [T]`). */
  readonly impl: string;
  /** The signature, tags removed. */
  readonly sig: string;
  readonly unstable: boolean;
  readonly deprecated: boolean;
}

const unescape = (s: string): string =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function methodsOf(html: string, skipImpl: RegExp | undefined): StdMethod[] {
  // Inherent impls come first; `Methods from Deref` and trait impls follow.
  const start = html.indexOf('id="implementations"');
  const ends = ['id="deref-methods', 'id="trait-implementations"'].map((m) => html.indexOf(m)).filter((i) => i > 0);
  const body = html.slice(start, Math.min(...ends));
  const out: StdMethod[] = [];
  const implRe = /<section id="impl-[^"]*" class="impl">.*?<h3 class="code-header">(.*?)<\/h3>/g;
  const impls = [...body.matchAll(implRe)].map((m) => ({ at: m.index, header: unescape(m[1]) }));
  const methodRe =
    /<section id="method\.([a-z0-9_]+)" class="method">.*?<h4 class="code-header">(.*?)<\/h4><\/section>(<span class="item-info">.*?<\/div><\/span>)?/gs;
  for (const m of body.matchAll(methodRe)) {
    const impl = impls.filter((i) => i.at < m.index).pop()?.header ?? '';
    if (skipImpl?.test(impl)) continue;
    const info = m[3] ?? '';
    out.push({
      name: m[1],
      impl,
      sig: unescape(m[2]),
      unstable: info.includes('nightly-only experimental API'),
      deprecated: info.includes('class="stab deprecated"'),
    });
  }
  return out;
}

const root = process.argv[2];
if (!root) throw new Error('usage: extract-collection-methods.ts <rust html std dir>');
const types: Record<string, StdMethod[]> = {};
for (const p of PAGES) types[p.type] = methodsOf(readFileSync(join(root, p.page), 'utf8'), p.skipImpl);
const out = join(import.meta.dirname, '../docs/std-methods/collections-1.95.json');
writeFileSync(out, JSON.stringify({ rust: '1.95.0', source: 'rustdoc HTML of std 1.95.0', types }, null, 2) + '\n');
for (const [t, ms] of Object.entries(types)) console.log(t, ms.length, 'stable', ms.filter((m) => !m.unstable).length);
