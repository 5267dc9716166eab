/**
 * `futures::future::{join_all, try_join_all}` (futures-util 0.3, the version Debian ships and the
 * recordings use). For fewer than 31 futures both keep every future in a MaybeDone slot and, on
 * each poll, poll the unfinished ones in order from the first (no rotation, unlike `join!`).
 * `join_all` ends when all are done, with their outputs in order; `try_join_all` stops at the first
 * `Err` and drops the rest (futures-util `future/join_all.rs`, `future/try_join_all.rs`). Dropping
 * a JoinHandle detaches its task, so `try_join_all` over handles leaves the others running.
 */
import { Join, TryJoin, type TryJoinOutput } from '../sim.ts';
import { err, ok, RESULT } from '../std/enums.ts';
import { drain, intoIter } from '../std/iter.ts';
import { vecOf } from '../std/iter-methods.ts';
import { fn } from '../std/registry.ts';
import { REnum, type Value } from '../values.ts';
import { asFuture, SimFut } from './sim-values.ts';
import type { NativeFn } from '../defs.ts';

const futuresOf: (a: Value[], s: Parameters<NativeFn>[0]) => ReturnType<typeof asFuture>[] = (a, s) => {
  return drain(intoIter(a[0], s), s).map((v) => asFuture(v, s));
};

const paths = (name: string): string[] => [
  `futures::future::${name}`,
  `futures_util::future::${name}`,
  `futures::${name}`,
  `futures_util::${name}`,
  `future::${name}`,
  name,
];

fn(paths('join_all'), (s, a) => new SimFut(new Join(futuresOf(a, s), { biased: true }), (vs) => vecOf(vs as Value[])));

const isErr = (v: unknown): boolean => v instanceof REnum && v.def === RESULT && v.v === 1;
fn(
  paths('try_join_all'),
  (s, a) =>
    new SimFut(new TryJoin(futuresOf(a, s), isErr, { biased: true }), (r) => {
      const out = r as TryJoinOutput;
      if (!out.ok) return err((out.error as REnum).f[0]);
      return ok(vecOf(out.values.map((v) => (v as REnum).f[0])));
    }),
);
