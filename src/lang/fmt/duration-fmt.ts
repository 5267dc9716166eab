/**
 * `impl Debug for Duration` (core/src/time.rs, Rust 1.95): the largest unit among s, ms, µs, ns
 * whose integer part is nonzero, then up to 9 fractional digits with trailing zeros dropped
 * (`1.5s`, `100ms`, `10µs`, `1ns`, `1.000000001s`, `0ns`). With a precision the fraction is cut
 * to that many digits and rounded half to even (a carry may make `1000ms`); `{:+?}` prefixes `+`;
 * a width pads the whole text, left-aligned by default.
 */
import { type IntValue, toBig } from '../num/int-type.ts';
import type { Formatter } from './formatter.ts';

const NANOS_PER_SEC = 1_000_000_000;
const NANOS_PER_MILLI = 1_000_000;
const NANOS_PER_MICRO = 1_000;
const U64_MAX = (1n << 64n) - 1n;

function fmtDecimal(
  f: Formatter,
  integer: bigint,
  fractional: number,
  divisor: number,
  prefix: string,
  unit: string,
): void {
  const prec = f.precision();
  const buf: number[] = [];
  let frac = fractional;
  let div = divisor;
  const maxDigits = prec ?? 9;
  while (frac > 0 && buf.length < maxDigits) {
    buf.push(Math.floor(frac / div));
    frac %= div;
    div = Math.floor(div / 10);
  }
  let intPart: bigint | undefined = integer;
  if (frac > 0 && frac >= div * 5) {
    const tie = frac === div * 5;
    const lastOdd = buf.length > 0 ? buf[buf.length - 1] % 2 === 1 : integer % 2n === 1n;
    if (!(tie && !lastOdd)) {
      let carry = true;
      for (let i = buf.length - 1; carry && i >= 0; i--) {
        if (buf[i] < 9) {
          buf[i] += 1;
          carry = false;
        } else buf[i] = 0;
      }
      if (carry) intPart = integer + 1n > U64_MAX ? undefined : integer + 1n;
    }
  }
  const end = prec === undefined ? buf.length : Math.min(prec, 9);
  let text = prefix + (intPart === undefined ? '18446744073709551616' : intPart.toString());
  if (end > 0) {
    const w = prec ?? buf.length;
    const digits = buf.slice(0, end).join('');
    text += '.' + digits + '0'.repeat(Math.max(0, w - digits.length));
  }
  text += unit;
  const width = f.width();
  if (width === undefined) {
    f.writeStr(text);
    return;
  }
  // Rust counts the width without the padding: the unit `µs` is one char.
  const actual = [...text].length;
  if (width <= actual) f.writeStr(text);
  else {
    const post = f.padding(width - actual, 'left');
    f.writeStr(text);
    f.writeFill(post);
  }
}

/** Debug of `Duration { secs, nanos }` (secs a u64, nanos < 1e9). */
export function fmtDurationDebug(f: Formatter, secs: IntValue, nanos: number): void {
  const prefix = f.signPlus() ? '+' : '';
  const s = toBig(secs);
  if (s > 0n) fmtDecimal(f, s, nanos, NANOS_PER_SEC / 10, prefix, 's');
  else if (nanos >= NANOS_PER_MILLI) {
    fmtDecimal(
      f,
      BigInt(Math.floor(nanos / NANOS_PER_MILLI)),
      nanos % NANOS_PER_MILLI,
      NANOS_PER_MILLI / 10,
      prefix,
      'ms',
    );
  } else if (nanos >= NANOS_PER_MICRO) {
    fmtDecimal(
      f,
      BigInt(Math.floor(nanos / NANOS_PER_MICRO)),
      nanos % NANOS_PER_MICRO,
      NANOS_PER_MICRO / 10,
      prefix,
      'µs',
    );
  } else fmtDecimal(f, BigInt(nanos), 0, 1, prefix, 'ns');
}
