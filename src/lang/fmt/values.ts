/**
 * Ready-made Formattables for Rust's primitive and std types, so the interpreter can adapt a
 * value by wrapping it. Each implements exactly the traits its Rust type implements, with std's
 * output: `Some(1)`, `None`, `Ok(3)`, `Err("x")`, `[1, 2]`, `(1,)`, `()`, `{1, 2}`, `{"a": 1}`,
 * derived struct Debug (`Point { x: 1, y: 2 }`, `Pair(1, 2)`, `Unit`), `Duration` Debug.
 * Unit-like variants (`None`, `Unit`) are written without padding, as derived Debug does.
 */
import type { FloatKind } from '../num/cast.ts';
import type { IntType, IntValue } from '../num/int-type.ts';
import { type DebugEntry, debugList, debugMap, debugSet, debugStruct, debugTuple } from './builders.ts';
import { fmtDurationDebug } from './duration-fmt.ts';
import { debugChar, debugStr } from './escape.ts';
import { fmtFloatDebug, fmtFloatDisplay, fmtFloatExp } from './float-fmt.ts';
import type { Formattable, Formatter } from './formatter.ts';
import { fmtIntDebug, fmtIntDisplay, fmtIntExp, fmtIntRadix } from './int-fmt.ts';

export class IntArg implements Formattable {
  constructor(
    readonly type: IntType,
    readonly value: IntValue,
  ) {}
  display(f: Formatter): void {
    fmtIntDisplay(f, this.value);
  }
  debug(f: Formatter): void {
    fmtIntDebug(f, this.type, this.value);
  }
  lowerHex(f: Formatter): void {
    fmtIntRadix(f, this.type, this.value, 16, false);
  }
  upperHex(f: Formatter): void {
    fmtIntRadix(f, this.type, this.value, 16, true);
  }
  octal(f: Formatter): void {
    fmtIntRadix(f, this.type, this.value, 8, false);
  }
  binary(f: Formatter): void {
    fmtIntRadix(f, this.type, this.value, 2, false);
  }
  lowerExp(f: Formatter): void {
    fmtIntExp(f, this.value, false);
  }
  upperExp(f: Formatter): void {
    fmtIntExp(f, this.value, true);
  }
  asUsize(): number | undefined {
    return this.type.name === 'usize' && typeof this.value === 'number' ? this.value : undefined;
  }
}

export class FloatArg implements Formattable {
  constructor(
    readonly kind: FloatKind,
    readonly value: number,
  ) {}
  display(f: Formatter): void {
    fmtFloatDisplay(f, this.kind, this.value);
  }
  debug(f: Formatter): void {
    fmtFloatDebug(f, this.kind, this.value);
  }
  lowerExp(f: Formatter): void {
    fmtFloatExp(f, this.kind, this.value, false);
  }
  upperExp(f: Formatter): void {
    fmtFloatExp(f, this.kind, this.value, true);
  }
}

/** `str` / `String`. */
export class StrArg implements Formattable {
  constructor(readonly value: string) {}
  display(f: Formatter): void {
    f.pad(this.value);
  }
  debug(f: Formatter): void {
    f.writeStr(debugStr(this.value));
  }
}

/** `char`, given as its code point. */
export class CharArg implements Formattable {
  constructor(readonly codePoint: number) {}
  display(f: Formatter): void {
    f.pad(String.fromCodePoint(this.codePoint));
  }
  debug(f: Formatter): void {
    f.writeStr(debugChar(this.codePoint));
  }
}

export class BoolArg implements Formattable {
  constructor(readonly value: boolean) {}
  display(f: Formatter): void {
    f.pad(this.value ? 'true' : 'false');
  }
  debug(f: Formatter): void {
    f.pad(this.value ? 'true' : 'false');
  }
}

/** `()` and the empty tuple: Debug pads like a string. */
export const UNIT: Formattable = {
  debug(f: Formatter): void {
    f.pad('()');
  },
};

/** `Option<T>`: `inner` undefined is `None`. */
export class OptionArg implements Formattable {
  constructor(readonly inner: Formattable | undefined) {}
  debug(f: Formatter): void {
    if (this.inner === undefined) f.writeStr('None');
    else debugTuple(f, 'Some').field(this.inner).finish();
  }
}

/** `Result<T, E>`. */
export class ResultArg implements Formattable {
  constructor(
    readonly ok: boolean,
    readonly inner: Formattable,
  ) {}
  debug(f: Formatter): void {
    debugTuple(f, this.ok ? 'Ok' : 'Err')
      .field(this.inner)
      .finish();
  }
}

/** `Vec<T>`, slices, arrays, `VecDeque<T>`: `[a, b]`. */
export class ListArg implements Formattable {
  constructor(readonly items: readonly DebugEntry[]) {}
  debug(f: Formatter): void {
    debugList(f).entries(this.items).finish();
  }
}

/** `HashSet<T>` / `BTreeSet<T>`: `{a, b}` (the caller decides the iteration order). */
export class SetArg implements Formattable {
  constructor(readonly items: readonly DebugEntry[]) {}
  debug(f: Formatter): void {
    debugSet(f).entries(this.items).finish();
  }
}

/** `HashMap<K, V>` / `BTreeMap<K, V>`: `{k: v, …}`. */
export class MapArg implements Formattable {
  constructor(readonly entries: readonly (readonly [DebugEntry, DebugEntry])[]) {}
  debug(f: Formatter): void {
    debugMap(f).entries(this.entries).finish();
  }
}

/** Tuples: `()`, `(a,)`, `(a, b)`. */
export class TupleArg implements Formattable {
  constructor(readonly items: readonly DebugEntry[]) {}
  debug(f: Formatter): void {
    if (this.items.length === 0) {
      f.pad('()');
      return;
    }
    const t = debugTuple(f, '');
    for (const item of this.items) t.field(item);
    t.finish();
  }
}

/** The shape of a struct or enum variant for derived Debug. */
export type StructShape =
  | { readonly kind: 'unit' }
  | { readonly kind: 'tuple'; readonly fields: readonly DebugEntry[] }
  | { readonly kind: 'named'; readonly fields: readonly (readonly [string, DebugEntry])[] };

/** `#[derive(Debug)]` output for a struct or enum variant named `name` (`Point`, `Some`, …). */
export function fmtDerivedDebug(f: Formatter, name: string, shape: StructShape): void {
  switch (shape.kind) {
    case 'unit':
      f.writeStr(name);
      return;
    case 'tuple': {
      const t = debugTuple(f, name);
      for (const v of shape.fields) t.field(v);
      t.finish();
      return;
    }
    case 'named': {
      const s = debugStruct(f, name);
      for (const [k, v] of shape.fields) s.field(k, v);
      s.finish();
      return;
    }
  }
}

export class StructArg implements Formattable {
  constructor(
    readonly name: string,
    readonly shape: StructShape,
  ) {}
  debug(f: Formatter): void {
    fmtDerivedDebug(f, this.name, this.shape);
  }
}

/** `std::time::Duration` / `tokio::time::Duration` (Debug only; Duration has no Display). */
export class DurationArg implements Formattable {
  constructor(
    readonly secs: IntValue,
    readonly nanos: number,
  ) {}
  debug(f: Formatter): void {
    fmtDurationDebug(f, this.secs, this.nanos);
  }
}

/** `fmt::from_fn`: a value whose Display and/or Debug is a function (e.g. a user `impl`). */
export function fromFn(display?: (f: Formatter) => void, debug?: (f: Formatter) => void): Formattable {
  return { ...(display ? { display } : {}), ...(debug ? { debug } : {}) };
}
