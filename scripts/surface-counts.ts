/**
 * Counts the surface corpus (tests/fixtures/surface) per category of issue 13, for the issue note:
 *
 *   npx tsx scripts/surface-counts.ts [--list]
 *
 * A program's category is the first rule below whose pattern its source matches (the rules go from
 * the most specific API to the most general), so every program counts once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RULES: readonly (readonly [category: string, pattern: RegExp])[] = [
  ['LocalSet / spawn_local', /LocalSet|spawn_local/],
  [
    'hand-written futures and wakers',
    /impl(<[^>]*>)? Future for|poll_fn|Waker|\bpin!|Box::pin|impl Wake for|std::future::/,
  ],
  ['panic payloads', /panic_any|downcast|catch_unwind|into_panic|resume_unwind|set_hook/],
  ['tokio-util', /tokio_util/],
  ['tokio sync', /watch::|broadcast::|Semaphore|Notify|oneshot|tokio::sync|RwLock::new|Barrier::new|OnceCell/],
  [
    'std threads and sync',
    /std::thread|thread::(spawn|scope|sleep)|thread_local!|std::sync::(mpsc|Condvar|Barrier|atomic)|Atomic[A-Z]/,
  ],
  ['runtime', /runtime::|Runtime::|Handle::|block_in_place|coop::|consume_budget|block_on/],
  ['task', /JoinSet|tokio::spawn|task::|abort/],
  ['long tail of std', /./],
];

function categoryOf(source: string): string {
  for (const [name, re] of RULES) if (re.test(source)) return name;
  return 'long tail of std';
}

const dir = join(import.meta.dirname, '../tests/fixtures/surface');
const byCategory = new Map<string, string[]>(RULES.map(([name]) => [name, []]));
for (const f of readdirSync(dir)
  .filter((x) => x.endsWith('.rs'))
  .sort()) {
  byCategory.get(categoryOf(readFileSync(join(dir, f), 'utf8')))?.push(f);
}
let total = 0;
for (const [name, files] of byCategory) {
  total += files.length;
  console.log(`${String(files.length).padStart(4)}  ${name}`);
  if (process.argv.includes('--list')) for (const f of files) console.log(`        ${f}`);
}
console.log(`${String(total).padStart(4)}  total`);
