/**
 * `BuildHasher`s: `RandomState` (std's default for `HashMap`: random keys per instance, so its
 * hashes differ from run to run and only compare equal within one state), `BuildHasherDefault<H>`
 * and the maps' `with_hasher` / `with_capacity_and_hasher` / `hasher`. A map's iteration order is
 * the interpreter's own either way (programs that print it sort it first), so the hasher a map was
 * given is kept only to hand back from `hasher()`.
 */
import type { Site } from '../defs.ts';
import { currentRun } from '../tokio/current.ts';
import { deref, RMap, type Value } from '../values.ts';
import { hashValue, RHasher } from './hash.ts';
import { sipHash13 } from '../sim.ts';
import { normBig } from '../../num/int-type.ts';
import { member, ns } from './registry.ts';
import { def, tableFor } from './tables.ts';

/** `RandomState`: its keys, as bytes every hasher it builds starts with. */
export class RRandomState {
  constructor(readonly key: readonly number[]) {}
}

/** `BuildHasherDefault<DefaultHasher>` (a program's own `H` is not modelled here). */
export class RBuildHasherDefault {}

/** Per run: how many `RandomState`s were made (each gets other keys, deterministically per run). */
const made = new WeakMap<object, number>();
function randomState(): RRandomState {
  const world = currentRun().world;
  const n = (made.get(world) ?? 0) + 1;
  made.set(world, n);
  const key: number[] = [];
  // std draws the keys once per thread and adds one to k0 per state: distinct states, distinct hashes
  for (let i = 0; i < 16; i++) key.push((n * 0x9e + i * 0x3b) & 0xff);
  return new RRandomState(key);
}

function buildHasher(b: Value): RHasher {
  const x = deref(b);
  const h = new RHasher();
  if (x instanceof RRandomState) h.bytes.push(...x.key);
  return h;
}

/** `BuildHasher::hash_one(x)`: a fresh hasher, `x.hash(&mut h)`, `h.finish()`. */
function hashOne(s: Site, b: Value, x: Value): Value {
  const h = buildHasher(b);
  hashValue(h, x, null, s.typed, s);
  return normBig(sipHash13(Uint8Array.from(h.bytes)));
}

const RS = ns([
  'RandomState',
  'std::collections::hash_map::RandomState',
  'std::hash::RandomState',
  'hash_map::RandomState',
]);
member(RS, 'new', () => randomState());
member(RS, 'default', () => randomState());
const BD = ns(['BuildHasherDefault', 'std::hash::BuildHasherDefault']);
member(BD, 'new', () => new RBuildHasherDefault());
member(BD, 'default', () => new RBuildHasherDefault());

for (const T of [tableFor(RRandomState), tableFor(RBuildHasherDefault)]) {
  def(T, 'build_hasher', 'ref', (_s, a) => buildHasher(a[0]));
  def(T, 'hash_one', 'ref', (s, a) => hashOne(s, a[0], a[1]));
  def(T, 'clone', 'ref', (_s, a) => deref(a[0]));
}

/** The hasher each map was built with (`hasher()` hands it back). */
const hashers = new WeakMap<RMap, Value>();
function withHasher(set: boolean, h: Value): RMap {
  const m = new RMap(false, set);
  hashers.set(m, h);
  return m;
}
for (const [paths, set] of [
  [['HashMap', 'std::collections::HashMap', 'std::collections::hash_map::HashMap'], false],
  [['HashSet', 'std::collections::HashSet', 'std::collections::hash_set::HashSet'], true],
] as const) {
  const N = ns(paths);
  member(N, 'with_hasher', (_s, a) => withHasher(set, a[0]));
  member(N, 'with_capacity_and_hasher', (_s, a) => withHasher(set, a[1]));
}
def(tableFor(RMap), 'hasher', 'ref', (_s, a) => hashers.get(deref(a[0]) as RMap) ?? randomState());
