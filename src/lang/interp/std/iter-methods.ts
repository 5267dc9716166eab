/** The `Iterator` methods: adapters (lazy) and consumers, shared by every iterator value. */
import { I64, INT_TYPES, type IntType, type IntValue, isIntName } from '../../num/int-type.ts';
import { SUM_PRODUCT_LOCATION } from '../../num/std-location.ts';
import { relocate } from '../panic.ts';
import { callValue } from '../call.ts';
import type { NativeFn, Site } from '../defs.ts';
import { arithSlow, cmpValues, keyOf } from '../ops-rt.ts';
import { claim, dropInFlight, release } from '../owner.ts';
import { RDeque, REnum, RFloat, RMap, RTuple, RVec, type Value, deref, RChar, text } from '../values.ts';
import { cloneValue } from './clone.ts';
import { typeFault } from '../type-fault.ts';
import { err, NONE, ok, OPTION, RESULT, some } from './enums.ts';
import { CharIndicesIter, CharsIter, DONE, drain, forEachItem, intoIter, type Next, rangeIter, RIter } from './iter.ts';
import { ADAPTERS, PeekableIter } from './iter-adapters.ts';
import { mapInsert } from './map-core.ts';
import { def, tableFor, tableForBase } from './tables.ts';
import { RRange } from './range.ts';
import { lookupBuiltin } from './registry.ts';

export const ITER = tableForBase(RIter);
const it = (v: Value): RIter => v as RIter;
const opt = (x: Next): Value => (x === DONE ? NONE : some(x));

function m(name: string, mode: 'ref' | 'refMut' | 'value', f: NativeFn): void {
  def(ITER, name, mode, f);
}

m('next', 'refMut', (_s, a) => opt(it(deref(a[0])).next()));
m('next_back', 'refMut', (_s, a) => opt(it(deref(a[0])).nextBack()));
m('peek', 'refMut', (_s, a) => {
  const p = deref(a[0]);
  return p instanceof PeekableIter ? opt(p.peek()) : NONE;
});
m('len', 'ref', (_s, a) => it(a[0]).len());
m('by_ref', 'refMut', (_s, a) => deref(a[0]));
m('into_iter', 'value', (_s, a) => a[0]);
m('iter', 'ref', (_s, a) => a[0]);

m('map', 'value', (s, a) => ADAPTERS.map(it(a[0]), s, a[1]));
m('filter', 'value', (s, a) => ADAPTERS.filter(it(a[0]), s, a[1]));
m('filter_map', 'value', (s, a) => ADAPTERS.filterMap(it(a[0]), s, a[1]));
m('enumerate', 'value', (s, a) => ADAPTERS.enumerate(it(a[0]), s));
m('zip', 'value', (s, a) => ADAPTERS.zip(it(a[0]), s, intoIter(a[1], s)));
m('chain', 'value', (s, a) => ADAPTERS.chain(it(a[0]), s, intoIter(a[1], s)));
m('take', 'value', (s, a) => ADAPTERS.take(it(a[0]), s, Number(a[1])));
m('skip', 'value', (s, a) => ADAPTERS.skip(it(a[0]), s, Number(a[1])));
m('take_while', 'value', (s, a) => ADAPTERS.takeWhile(it(a[0]), s, a[1]));
m('skip_while', 'value', (s, a) => ADAPTERS.skipWhile(it(a[0]), s, a[1]));
m('step_by', 'value', (s, a) => ADAPTERS.stepBy(it(a[0]), s, Number(a[1])));
m('rev', 'value', (s, a) => ADAPTERS.rev(it(a[0]), s));
m('peekable', 'value', (s, a) => ADAPTERS.peekable(it(a[0]), s));
m('copied', 'value', (s, a) => ADAPTERS.copied(it(a[0]), s, (v) => deref(v)));
m('cloned', 'value', (s, a) => ADAPTERS.copied(it(a[0]), s, (v) => cloneValue(deref(v))));
m('inspect', 'value', (s, a) => ADAPTERS.inspect(it(a[0]), s, a[1]));
m('flat_map', 'value', (s, a) => ADAPTERS.flatMap(it(a[0]), s, a[1]));
m('flatten', 'value', (s, a) => ADAPTERS.flatMap(it(a[0]), s, null));
m('scan', 'value', (s, a) => ADAPTERS.scan(it(a[0]), s, a[1], a[2]));
m('cycle', 'value', (s, a) => {
  return ADAPTERS.cycle(drain(it(a[0]), s));
});

const each = (s: Site, i: RIter, f: (x: Value) => boolean | void): void => forEachItem(i, s, f);

// `Chars::as_str` / `CharIndices::as_str`: the part of the string not yet iterated.
m('as_str', 'ref', (s, a) => {
  const c = deref(a[0]);
  return c instanceof CharsIter || c instanceof CharIndicesIter
    ? c.asStr()
    : typeFault(s, 'no method named `as_str` found for this iterator', 'E0599');
});
m('offset', 'ref', (s, a) => {
  const c = deref(a[0]);
  return c instanceof CharIndicesIter ? c.offset() : typeFault(s, 'no method named `offset` found', 'E0599');
});
m('count', 'value', (s, a) => {
  let n = 0;
  each(s, it(a[0]), (x) => {
    dropInFlight(x);
    n++;
  });
  return n;
});
m('last', 'value', (s, a) => {
  let last: Next = DONE;
  each(s, it(a[0]), (x) => {
    if (last !== DONE) dropInFlight(last);
    last = x;
  });
  return opt(last);
});
m('nth', 'refMut', (s, a) => {
  let n = Number(a[1]);
  let found: Next = DONE;
  each(s, it(deref(a[0])), (x) => {
    if (n-- === 0) {
      found = x;
      return true;
    }
    dropInFlight(x);
    return false;
  });
  return found === DONE ? NONE : some(found);
});
m('for_each', 'value', (s, a) => {
  each(s, it(a[0]), (x) => void callValue(s, a[1], [x]));
  return undefined;
});
m('fold', 'value', (s, a) => {
  let acc = a[1];
  each(s, it(a[0]), (x) => {
    acc = callValue(s, a[2], [acc, x]);
  });
  return acc;
});
m('any', 'refMut', (s, a) => {
  let r = false;
  each(s, it(deref(a[0])), (x) => (r = callValue(s, a[1], [x]) === true));
  return r;
});
m('all', 'refMut', (s, a) => {
  let r = true;
  each(s, it(deref(a[0])), (x) => {
    if (callValue(s, a[1], [x]) !== true) {
      r = false;
      return true;
    }
    return false;
  });
  return r;
});
m('find', 'refMut', (s, a) => {
  let found: Next = DONE;
  each(s, it(deref(a[0])), (x) => {
    if (callValue(s, a[1], [x]) === true) {
      found = x;
      return true;
    }
    dropInFlight(x);
    return false;
  });
  return opt(found);
});
m('find_map', 'refMut', (s, a) => {
  let found: Value = NONE;
  each(s, it(deref(a[0])), (x) => {
    const r = callValue(s, a[1], [x]);
    if (r instanceof REnum && r.v === 1) {
      found = r;
      return true;
    }
    return false;
  });
  return found;
});
m('position', 'refMut', (s, a) => {
  let i = 0;
  let at = -1;
  each(s, it(deref(a[0])), (x) => {
    if (callValue(s, a[1], [x]) === true) {
      at = i;
      return true;
    }
    i++;
    return false;
  });
  return at < 0 ? NONE : some(at);
});

function extreme(s: Site, i: RIter, better: (c: number) => boolean, key: (x: Value) => Value): Next {
  let best: Next = DONE;
  let bestKey: Value = undefined;
  each(s, i, (x) => {
    const k = key(x);
    if (best === DONE || better(cmpValues(k, bestKey))) {
      best = x;
      bestKey = k;
    }
  });
  return best;
}
m('max', 'value', (s, a) =>
  opt(
    extreme(
      s,
      it(a[0]),
      (c) => c >= 0,
      (x) => x,
    ),
  ),
);
m('min', 'value', (s, a) =>
  opt(
    extreme(
      s,
      it(a[0]),
      (c) => c < 0,
      (x) => x,
    ),
  ),
);
m('max_by_key', 'value', (s, a) =>
  opt(
    extreme(
      s,
      it(a[0]),
      (c) => c >= 0,
      (x) => callValue(s, a[1], [x]),
    ),
  ),
);
m('min_by_key', 'value', (s, a) =>
  opt(
    extreme(
      s,
      it(a[0]),
      (c) => c < 0,
      (x) => callValue(s, a[1], [x]),
    ),
  ),
);
function byCmp(s: Site, f: Value, wantMax: boolean, i: RIter): Next {
  let best: Next = DONE;
  each(s, i, (x) => {
    if (best === DONE) best = x;
    else {
      const c = (callValue(s, f, [x, best]) as REnum).v - 1;
      if (wantMax ? c >= 0 : c < 0) best = x;
    }
  });
  return best;
}
m('max_by', 'value', (s, a) => opt(byCmp(s, a[1], true, it(a[0]))));
m('min_by', 'value', (s, a) => opt(byCmp(s, a[1], false, it(a[0]))));

function sumOf(s: Site, i: RIter, product: boolean): Value {
  // `Sum for Option<T>` / `Result<T, E>`: the first None / Err ends the sum (the checker's type says which).
  const wrap = s.ty?.k === 'adt' && (s.ty.name === 'Option' || s.ty.name === 'Result') ? s.ty : null;
  if (wrap !== null) return sumWrapped(s, i, product, wrap.name === 'Option');
  return sumPlain(s, i, product, s.hint);
}

function sumPlain(s: Site, i: RIter, product: boolean, hint: string | null): Value {
  const t = hint && isIntName(hint) ? INT_TYPES[hint] : (s.int?.t ?? I64);
  let acc: Value = undefined;
  each(s, i, (x0) => {
    const x = deref(x0);
    if (acc === undefined) acc = x;
    else acc = accumulate(product, acc, x, t, s);
  });
  if (acc === undefined) {
    if (hint === 'f64' || hint === 'f32') return new RFloat(product ? 1 : 0, hint === 'f32');
    return product ? 1 : 0;
  }
  return acc;
}

/** One step of `Sum`/`Product`: an integer overflow is reported inside core, as rustc does. */
function accumulate(product: boolean, acc: Value, x: Value, t: IntType, s: Site): Value {
  if (isIntValue(acc) && isIntValue(x)) {
    try {
      return product ? t.mul(acc, x) : t.add(acc, x);
    } catch (e) {
      return relocate(e, SUM_PRODUCT_LOCATION);
    }
  }
  return arithSlow(product ? 'mul' : 'add', acc, x, t, s);
}

const isIntValue = (v: Value): v is IntValue => typeof v === 'number' || typeof v === 'bigint';

function sumWrapped(s: Site, i: RIter, product: boolean, option: boolean): Value {
  const items: Value[] = [];
  let stop: REnum | null = null;
  each(s, i, (x) => {
    const r = deref(x) as REnum;
    const good = option ? r.v === 1 : r.v === 0;
    if (!good) {
      stop = r;
      return true;
    }
    items.push(deref(r.f[0]));
    return false;
  });
  if (stop !== null) return option ? NONE : err(release((stop as REnum).f[0], (stop as REnum).f));
  const inner = s.ty?.k === 'adt' ? (s.ty.args[0] ?? null) : null;
  const hint = inner?.k === 'int' || inner?.k === 'float' ? inner.name : null;
  const total = sumPlain(
    s,
    ADAPTERS.copied(new ArrayIterPlain(items), s, (v) => v),
    product,
    hint,
  );
  return option ? some(total) : ok(total);
}
m('sum', 'value', (s, a) => sumOf(s, it(a[0]), false));
m('product', 'value', (s, a) => sumOf(s, it(a[0]), true));

m('unzip', 'value', (s, a) => {
  const xs: Value[] = [];
  const ys: Value[] = [];
  each(s, it(a[0]), (p) => {
    const t = p as RTuple;
    xs.push(release(t.f[0], t.f));
    ys.push(release(t.f[1], t.f));
  });
  return tupleOf(vecOf(xs), vecOf(ys));
});
m('partition', 'value', (s, a) => {
  const yes: Value[] = [];
  const no: Value[] = [];
  each(s, it(a[0]), (x) => void (callValue(s, a[1], [x]) === true ? yes : no).push(x));
  return tupleOf(vecOf(yes), vecOf(no));
});

export function vecOf(items: Value[]): RVec {
  for (const x of items) claim(x, items, -1);
  return new RVec(items);
}

function tupleOf(a: Value, b: Value): RTuple {
  const f = [a, b];
  claim(a, f, 0);
  claim(b, f, 1);
  return new RTuple(f);
}

m('collect', 'value', (s, a) => collectInto(s.hint ?? 'Vec', it(a[0]), s));

/** `collect::<T>()` into the container the type hint names. */
export function collectInto(hint: string, i: RIter, s: Site): Value {
  const h = hint.replace(/\s+/g, '');
  if (h.startsWith('Result')) {
    const inner = h.slice(7);
    const items: Value[] = [];
    let failed: Value = undefined;
    let bad = false;
    each(s, i, (x) => {
      const r = x as REnum;
      if (r.def === RESULT && r.v === 1) {
        failed = release(r.f[0], r.f);
        bad = true;
        return true;
      }
      items.push(r.def === RESULT ? release(r.f[0], r.f) : x);
      return false;
    });
    if (bad) return err(failed);
    return ok(
      collectInto(
        inner || 'Vec',
        ADAPTERS.copied(new ArrayIterPlain(items), s, (v) => v),
        s,
      ),
    );
  }
  if (h.startsWith('Option')) {
    const items: Value[] = [];
    let none = false;
    each(s, i, (x) => {
      const r = x as REnum;
      if (r.def === OPTION && r.v === 0) {
        none = true;
        return true;
      }
      items.push(r.def === OPTION ? release(r.f[0], r.f) : x);
      return false;
    });
    if (none) return NONE;
    return some(collectInto(h.slice(7) || 'Vec', new ArrayIterPlain(items), s));
  }
  if (h.startsWith('String')) {
    let out = '';
    each(s, i, (x) => {
      const v = deref(x);
      out += v instanceof RChar ? v.c : text(v);
    });
    return out;
  }
  if (h.startsWith('HashMap') || h.startsWith('BTreeMap')) {
    const map = new RMap(h.startsWith('BTree'), false);
    each(s, i, (p) => {
      const t = p as RTuple;
      const old = mapInsert(map, release(t.f[0], t.f), release(t.f[1], t.f));
      if (old !== undefined) dropInFlight(old);
    });
    return map;
  }
  if (h.startsWith('HashSet') || h.startsWith('BTreeSet')) {
    const set = new RMap(h.startsWith('BTree'), true);
    each(s, i, (x) => {
      if (!set.m.has(keyOf(x))) mapInsert(set, x, undefined);
      else dropInFlight(x);
    });
    return set;
  }
  const name = h.replace(/<.*/, '');
  if (name !== 'Vec' && name !== 'VecDeque') {
    // another built-in `FromIterator` type (`JoinSet`) registers an associated `from_iter`
    const fromIter = lookupBuiltin([...name.split('::'), 'from_iter']);
    if (fromIter?.kind === 'fn') return fromIter.call(s, [i]);
  }
  const items: Value[] = [];
  each(s, i, (x) => void items.push(x));
  for (const x of items) claim(x, items, -1);
  if (h.startsWith('VecDeque')) return new RDeque(items);
  return new RVec(items);
}

/** Iterates an array whose items are already in flight. */
class ArrayIterPlain extends RIter {
  private i = 0;
  constructor(private readonly a: Value[]) {
    super();
  }
  next(): Next {
    return this.i < this.a.length ? this.a[this.i++] : DONE;
  }
}

// Ranges are iterators themselves: every iterator method works on them.
const RANGE = tableFor(RRange);
/** Gives ranges every iterator method registered so far (modules loaded later call it again). */
export function forwardIterMethodsToRanges(): void {
  for (const [name, method] of ITER) {
    if (RANGE.has(name)) continue;
    RANGE.set(name, {
      name,
      selfMode: method.selfMode,
      call: (s, a) => {
        const r = deref(a[0]);
        a[0] = r instanceof RRange ? rangeIter(r, s) : r;
        return method.call(s, a);
      },
    });
  }
}
forwardIterMethodsToRanges();
def(RANGE, 'contains', 'ref', (_s, a) => {
  const r = deref(a[0]) as RRange;
  const v = deref(a[1]);
  if (r.hasStart && cmpValues(v, r.start) < 0) return false;
  if (!r.hasEnd) return true;
  const c = cmpValues(v, r.end);
  return r.inclusive ? c <= 0 : c < 0;
});
def(RANGE, 'is_empty', 'ref', (_s, a) => {
  const r = deref(a[0]) as RRange;
  const c = cmpValues(r.start, r.end);
  return r.inclusive ? c > 0 : c >= 0;
});
def(RANGE, 'len', 'ref', (s, a) => rangeIter(deref(a[0]) as RRange, s).len());
