/**
 * Debug builders, after core/src/fmt/builders.rs (Rust 1.95): `debug_struct`, `debug_tuple`,
 * `debug_list`, `debug_set`, `debug_map`, in compact form (`Foo { a: 1, b: 2 }`) and pretty form
 * (`{:#?}`): one entry per line, indented 4 spaces by a PadAdapter that indents every line the
 * nested value writes, each entry followed by `,`. Nested values keep the parent's options
 * (`{:#5?}` pads every leaf), exactly as core's `wrap_buf` does.
 */
import { type Formatter, fmtWith, type Formattable, type Sink } from './formatter.ts';

/** A Debug entry: a value (its `debug` is called) or a function writing to the formatter. */
export type DebugEntry = Formattable | ((f: Formatter) => void);

function writeEntry(entry: DebugEntry, f: Formatter): void {
  if (typeof entry === 'function') entry(f);
  else fmtWith(entry, 'Debug', f);
}

interface PadState {
  onNewline: boolean;
}

/** Indents by four spaces every line written through it. */
class PadAdapter implements Sink {
  constructor(
    private readonly inner: Sink,
    private readonly state: PadState,
  ) {}

  writeStr(s: string): void {
    let start = 0;
    while (start < s.length) {
      const nl = s.indexOf('\n', start);
      const end = nl < 0 ? s.length : nl + 1;
      if (this.state.onNewline) this.inner.writeStr('    ');
      this.state.onNewline = nl >= 0;
      this.inner.writeStr(s.slice(start, end));
      start = end;
    }
  }
}

function padded(f: Formatter, state: PadState = { onNewline: true }): Formatter {
  return f.withSink(new PadAdapter(f.sink, state));
}

export class DebugStruct {
  private hasFields = false;
  constructor(
    private readonly fmt: Formatter,
    name: string,
  ) {
    fmt.writeStr(name);
  }

  field(name: string, value: DebugEntry): this {
    if (this.fmt.alternate()) {
      if (!this.hasFields) this.fmt.writeStr(' {\n');
      const w = padded(this.fmt);
      w.writeStr(name);
      w.writeStr(': ');
      writeEntry(value, w);
      w.writeStr(',\n');
    } else {
      this.fmt.writeStr(this.hasFields ? ', ' : ' { ');
      this.fmt.writeStr(name);
      this.fmt.writeStr(': ');
      writeEntry(value, this.fmt);
    }
    this.hasFields = true;
    return this;
  }

  finishNonExhaustive(): void {
    if (!this.hasFields) this.fmt.writeStr(' { .. }');
    else if (this.fmt.alternate()) {
      padded(this.fmt).writeStr('..\n');
      this.fmt.writeStr('}');
    } else this.fmt.writeStr(', .. }');
  }

  finish(): void {
    if (this.hasFields) this.fmt.writeStr(this.fmt.alternate() ? '}' : ' }');
  }
}

export class DebugTuple {
  private fields = 0;
  private readonly emptyName: boolean;
  constructor(
    private readonly fmt: Formatter,
    name: string,
  ) {
    fmt.writeStr(name);
    this.emptyName = name === '';
  }

  field(value: DebugEntry): this {
    if (this.fmt.alternate()) {
      if (this.fields === 0) this.fmt.writeStr('(\n');
      const w = padded(this.fmt);
      writeEntry(value, w);
      w.writeStr(',\n');
    } else {
      this.fmt.writeStr(this.fields === 0 ? '(' : ', ');
      writeEntry(value, this.fmt);
    }
    this.fields++;
    return this;
  }

  finishNonExhaustive(): void {
    if (this.fields === 0) this.fmt.writeStr('(..)');
    else if (this.fmt.alternate()) {
      padded(this.fmt).writeStr('..\n');
      this.fmt.writeStr(')');
    } else this.fmt.writeStr(', ..)');
  }

  finish(): void {
    if (this.fields === 0) return;
    // A one-element tuple prints `(x,)`, but only in compact form.
    if (this.fields === 1 && this.emptyName && !this.fmt.alternate()) this.fmt.writeStr(',');
    this.fmt.writeStr(')');
  }
}

/** Shared by lists and sets: `[a, b]` / `{a, b}`. */
class DebugInner {
  protected hasFields = false;
  constructor(
    protected readonly fmt: Formatter,
    open: string,
    private readonly close: string,
  ) {
    fmt.writeStr(open);
  }

  entry(value: DebugEntry): this {
    if (this.fmt.alternate()) {
      if (!this.hasFields) this.fmt.writeStr('\n');
      const w = padded(this.fmt);
      writeEntry(value, w);
      w.writeStr(',\n');
    } else {
      if (this.hasFields) this.fmt.writeStr(', ');
      writeEntry(value, this.fmt);
    }
    this.hasFields = true;
    return this;
  }

  entries(values: Iterable<DebugEntry>): this {
    for (const v of values) this.entry(v);
    return this;
  }

  finishNonExhaustive(): void {
    if (!this.hasFields) this.fmt.writeStr('..' + this.close);
    else if (this.fmt.alternate()) {
      padded(this.fmt).writeStr('..\n');
      this.fmt.writeStr(this.close);
    } else this.fmt.writeStr(', ..' + this.close);
  }

  finish(): void {
    this.fmt.writeStr(this.close);
  }
}

export class DebugList extends DebugInner {
  constructor(fmt: Formatter) {
    super(fmt, '[', ']');
  }
}

export class DebugSet extends DebugInner {
  constructor(fmt: Formatter) {
    super(fmt, '{', '}');
  }
}

export class DebugMap {
  private hasFields = false;
  private hasKey = false;
  /** Newline state carried from a key to its value (they share one indented line). */
  private state: PadState = { onNewline: true };
  constructor(private readonly fmt: Formatter) {
    fmt.writeStr('{');
  }

  key(key: DebugEntry): this {
    if (this.hasKey) throw new Error('attempted to begin a new map entry without completing the previous one');
    if (this.fmt.alternate()) {
      if (!this.hasFields) this.fmt.writeStr('\n');
      this.state = { onNewline: true };
      const w = padded(this.fmt, this.state);
      writeEntry(key, w);
      w.writeStr(': ');
    } else {
      if (this.hasFields) this.fmt.writeStr(', ');
      writeEntry(key, this.fmt);
      this.fmt.writeStr(': ');
    }
    this.hasKey = true;
    return this;
  }

  value(value: DebugEntry): this {
    if (!this.hasKey) throw new Error('attempted to format a map value before its key');
    if (this.fmt.alternate()) {
      const w = padded(this.fmt, this.state);
      writeEntry(value, w);
      w.writeStr(',\n');
    } else writeEntry(value, this.fmt);
    this.hasKey = false;
    this.hasFields = true;
    return this;
  }

  entry(key: DebugEntry, value: DebugEntry): this {
    return this.key(key).value(value);
  }

  entries(pairs: Iterable<readonly [DebugEntry, DebugEntry]>): this {
    for (const [k, v] of pairs) this.entry(k, v);
    return this;
  }

  finishNonExhaustive(): void {
    if (this.hasKey) throw new Error('attempted to finish a map with a partial entry');
    if (!this.hasFields) this.fmt.writeStr('..}');
    else if (this.fmt.alternate()) {
      padded(this.fmt).writeStr('..\n');
      this.fmt.writeStr('}');
    } else this.fmt.writeStr(', ..}');
  }

  finish(): void {
    if (this.hasKey) throw new Error('attempted to finish a map with a partial entry');
    this.fmt.writeStr('}');
  }
}

export function debugStruct(f: Formatter, name: string): DebugStruct {
  return new DebugStruct(f, name);
}

export function debugTuple(f: Formatter, name: string): DebugTuple {
  return new DebugTuple(f, name);
}

export function debugList(f: Formatter): DebugList {
  return new DebugList(f);
}

export function debugSet(f: Formatter): DebugSet {
  return new DebugSet(f);
}

export function debugMap(f: Formatter): DebugMap {
  return new DebugMap(f);
}
