/**
 * `&mut fmt::Formatter` as seen by user `impl Display` / `impl Debug` code: `write!(f, …)`,
 * `f.write_str`, `f.pad`, the option getters, and the `debug_*` builders.
 */
import {
  type DebugList,
  type DebugMap,
  type DebugSet,
  type DebugStruct,
  type DebugTuple,
  debugList,
  debugMap,
  debugSet,
  debugStruct,
  debugTuple,
  type DebugEntry,
  fmtWith,
  type Formatter,
} from '../../fmt/index.ts';
import { mkChar, type Value, text } from '../values.ts';
import { NONE, ok, some } from './enums.ts';
import { def, tableFor } from './tables.ts';

export class RFormatter {
  constructor(readonly f: Formatter) {}
}

type Builder = DebugStruct | DebugTuple | DebugList | DebugSet | DebugMap;

export class RDebugBuilder {
  constructor(readonly b: Builder) {}
}

let toDebug: (v: Value) => DebugEntry = () => () => undefined;
/** fmt-value.ts installs how a value becomes a Debug entry (avoids an import cycle). */
export function setDebugEntry(f: (v: Value) => DebugEntry): void {
  toDebug = f;
}

const F = tableFor(RFormatter);
const fm = (v: Value): Formatter => (v as RFormatter).f;
const OK = (): Value => ok(undefined);

def(F, 'write_str', 'refMut', (_s, a) => {
  fm(a[0]).writeStr(text(a[1]));
  return OK();
});
def(F, 'write_char', 'refMut', (_s, a) => {
  fm(a[0]).writeStr((a[1] as { c: string }).c);
  return OK();
});
def(F, 'pad', 'refMut', (_s, a) => {
  fm(a[0]).pad(text(a[1]));
  return OK();
});
def(F, 'alternate', 'ref', (_s, a) => fm(a[0]).alternate());
def(F, 'sign_plus', 'ref', (_s, a) => fm(a[0]).signPlus());
def(F, 'sign_minus', 'ref', (_s, a) => fm(a[0]).signMinus());
def(F, 'width', 'ref', (_s, a) => {
  const w = fm(a[0]).widthValue;
  return w < 0 ? NONE : some(w);
});
def(F, 'precision', 'ref', (_s, a) => {
  const p = fm(a[0]).precisionValue;
  return p < 0 ? NONE : some(p);
});
def(F, 'fill', 'ref', (_s, a) => mkChar(fm(a[0]).fillChar));
def(F, 'debug_struct', 'refMut', (_s, a) => new RDebugBuilder(debugStruct(fm(a[0]), text(a[1]))));
def(F, 'debug_tuple', 'refMut', (_s, a) => new RDebugBuilder(debugTuple(fm(a[0]), text(a[1]))));
def(F, 'debug_list', 'refMut', (_s, a) => new RDebugBuilder(debugList(fm(a[0]))));
def(F, 'debug_set', 'refMut', (_s, a) => new RDebugBuilder(debugSet(fm(a[0]))));
def(F, 'debug_map', 'refMut', (_s, a) => new RDebugBuilder(debugMap(fm(a[0]))));

const B = tableFor(RDebugBuilder);
const bd = (v: Value): Builder => (v as RDebugBuilder).b;
def(B, 'field', 'refMut', (_s, a) => {
  const b = bd(a[0]);
  if (a.length >= 3) (b as DebugStruct).field(text(a[1]), toDebug(a[2]));
  else (b as DebugTuple).field(toDebug(a[1]));
  return a[0];
});
def(B, 'entry', 'refMut', (_s, a) => {
  const b = bd(a[0]);
  if (a.length >= 3) (b as DebugMap).entry(toDebug(a[1]), toDebug(a[2]));
  else (b as DebugList).entry(toDebug(a[1]));
  return a[0];
});
def(B, 'key', 'refMut', (_s, a) => {
  (bd(a[0]) as DebugMap).entry(toDebug(a[1]), () => undefined);
  return a[0];
});
def(B, 'finish', 'refMut', (_s, a) => {
  bd(a[0]).finish();
  return OK();
});
def(B, 'finish_non_exhaustive', 'refMut', (_s, a) => {
  bd(a[0]).finishNonExhaustive();
  return OK();
});

export { fmtWith };
