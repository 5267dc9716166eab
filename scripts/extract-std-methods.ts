/**
 * Extracts the method lists of std types from rustdoc's HTML (the toolchain's own docs) into the
 * data file `docs/std-methods/text-and-numbers.json`, which `scripts/std-coverage.ts` probes:
 *
 *   npx tsx scripts/extract-std-methods.ts [RUSTDOC_STD_DIR]
 *
 * Only inherent items (and a trait's own required and provided methods) are listed; methods that
 * come from `Deref` or from trait impls are listed on their own type. The data is committed, so
 * tests never read the toolchain's docs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_DIR = '/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/std';

/** The types of the text-and-numbers checklist, with the page that documents each. */
const PAGES: readonly (readonly [type: string, page: string])[] = [
  ['str', 'primitive.str.html'],
  ['String', 'string/struct.String.html'],
  ['char', 'primitive.char.html'],
  ['Iterator', 'iter/trait.Iterator.html'],
  ['DoubleEndedIterator', 'iter/trait.DoubleEndedIterator.html'],
  ['ExactSizeIterator', 'iter/trait.ExactSizeIterator.html'],
  ['Peekable', 'iter/struct.Peekable.html'],
  ['Option', 'option/enum.Option.html'],
  ['Result', 'result/enum.Result.html'],
  ['i32', 'primitive.i32.html'],
  ['u32', 'primitive.u32.html'],
  ['f64', 'primitive.f64.html'],
  ['f32', 'primitive.f32.html'],
  ['Duration', 'time/struct.Duration.html'],
  ['Instant', 'time/struct.Instant.html'],
];

/** The free functions of `std::iter` a learner calls. */
const ITER_FNS: readonly string[] = [
  'empty',
  'from_fn',
  'once',
  'once_with',
  'repeat',
  'repeat_n',
  'repeat_with',
  'successors',
  'zip',
  'chain',
];

export type Kind = 'method' | 'assoc' | 'const' | 'fn';
export interface StdItem {
  readonly type: string;
  readonly name: string;
  readonly kind: Kind;
  readonly since: string;
  readonly unstable: boolean;
  readonly deprecated: boolean;
  readonly unsafe: boolean;
  readonly signature: string;
}

function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The part of the page that holds the type's own items. */
function ownRegion(html: string): string {
  const start = ['id="implementations-list"', 'id="required-methods"', 'id="provided-methods"']
    .map((m) => html.indexOf(m))
    .filter((i) => i >= 0);
  const from = start.length > 0 ? Math.min(...start) : 0;
  const ends = ['id="deref-methods', 'id="trait-implementations"', 'id="implementors"', 'id="dyn-compatibility"']
    .map((m) => html.indexOf(m, from))
    .filter((i) => i >= 0);
  return html.slice(from, ends.length > 0 ? Math.min(...ends) : html.length);
}

function itemsOf(type: string, html: string): StdItem[] {
  const region = ownRegion(html);
  const re = /<section id="(method|tymethod|associatedconstant)\.([A-Za-z0-9_]+)(?:-\d+)?" class="[a-z ]+">/g;
  const marks = [...region.matchAll(re)];
  const out = new Map<string, StdItem>();
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? (marks[i + 1].index ?? region.length) : region.length;
    const body = region.slice(m.index ?? 0, end);
    const head = /<h4 class="code-header">([\s\S]*?)<\/h4>/.exec(body)?.[1] ?? '';
    const signature = text(head);
    const info = /<\/section>([\s\S]*?)<\/summary>/.exec(body)?.[1] ?? '';
    const name = m[2];
    const isConst = m[1] === 'associatedconstant';
    const takesSelf = /\(\s*(&(mut )?)?(mut )?self\b|\(\s*self:/.test(signature);
    const item: StdItem = {
      type,
      name,
      kind: isConst ? 'const' : takesSelf ? 'method' : 'assoc',
      since: /class="since"[^>]*>([0-9.]+)/.exec(body)?.[1] ?? '',
      unstable: info.includes('nightly-only experimental API'),
      deprecated: info.includes('stab deprecated'),
      unsafe: /\bunsafe fn\b/.test(signature),
      signature,
    };
    // the same name in several impl blocks (`Option<&T>::copied`, `Option<&mut T>::copied`):
    // stable if any is
    const prev = out.get(name);
    if (!prev || (prev.unstable && !item.unstable)) out.set(name, item);
  });
  return [...out.values()];
}

function iterFns(dir: string): StdItem[] {
  return ITER_FNS.map((name) => {
    const html = readFileSync(join(dir, `iter/fn.${name}.html`), 'utf8');
    const head = /<pre class="rust item-decl"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '';
    const banner = html.slice(0, html.indexOf('class="docblock"'));
    return {
      type: 'std::iter',
      name,
      kind: 'fn' as const,
      since: /class="since"[^>]*>([0-9.]+)/.exec(html)?.[1] ?? '',
      unstable: banner.includes('nightly-only experimental API'),
      deprecated: false,
      unsafe: false,
      signature: text(head),
    };
  });
}

function main(): void {
  const dir = process.argv[2] ?? DEFAULT_DIR;
  const items: StdItem[] = [];
  for (const [type, page] of PAGES) items.push(...itemsOf(type, readFileSync(join(dir, page), 'utf8')));
  items.push(...iterFns(dir));
  const out = join(import.meta.dirname, '../docs/std-methods/text-and-numbers.json');
  writeFileSync(out, JSON.stringify({ rust: '1.95.0', source: 'rustdoc HTML of std 1.95.0', items }, null, 1) + '\n');
  const counts = new Map<string, number>();
  for (const it of items) counts.set(it.type, (counts.get(it.type) ?? 0) + 1);
  console.log([...counts].map(([t, n]) => `${t} ${n}`).join(', '));
}

main();
