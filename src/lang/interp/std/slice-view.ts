/**
 * A sub-slice `base[lo..hi]` as an array whose slots are the parent's: an array proxy, so every
 * array operation (index, iter_mut, sort, swap, fill, copy_from_slice) reads and writes the
 * parent's slots, as a Rust `&mut [T]` (and `&[T]`) into a Vec does. Its length never changes.
 */
import type { Value } from '../values.ts';

/** The array index a property key names, or -1 (cheap: proxies sit on hot paths). */
function indexOf(p: string | symbol): number {
  if (typeof p !== 'string' || p.length === 0) return -1;
  const c = p.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const n = Number(p);
  return Number.isInteger(n) && String(n) === p ? n : -1;
}

export function sliceView(base: Value[], lo: number, hi: number): Value[] {
  const len = hi - lo;
  return new Proxy<Value[]>([], {
    get(target, p, recv) {
      if (p === 'length') return len;
      const i = indexOf(p);
      if (i >= 0) return i < len ? base[lo + i] : undefined;
      return Reflect.get(target, p, recv) as unknown;
    },
    set(target, p, v: Value) {
      const i = indexOf(p);
      if (i >= 0 && i < len) {
        base[lo + i] = v;
        return true;
      }
      // a slice never changes length: sort and friends write `length` back unchanged
      if (p === 'length') return v === len;
      return Reflect.set(target, p, v);
    },
    has(_t, p) {
      const i = indexOf(p);
      return i >= 0 ? i < len : p === 'length';
    },
    ownKeys() {
      return [...Array.from({ length: len }, (_, i) => String(i)), 'length'];
    },
    getOwnPropertyDescriptor(_t, p) {
      if (p === 'length') return { value: len, writable: true, enumerable: false, configurable: false };
      const i = indexOf(p);
      return i >= 0 && i < len
        ? { value: base[lo + i], writable: true, enumerable: true, configurable: true }
        : undefined;
    },
  });
}
