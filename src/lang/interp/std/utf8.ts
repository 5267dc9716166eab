/** UTF-8 byte offsets of JS (UTF-16) strings: Rust's `len()` and slicing count bytes. */

function cpBytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

export function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-16 index of byte offset `b`, or -1 when `b` is not on a char boundary. */
export function byteToIndex(s: string, b: number): number {
  let bytes = 0;
  let i = 0;
  while (i < s.length && bytes < b) {
    const cp = s.codePointAt(i)!;
    bytes += cpBytes(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return bytes === b ? i : -1;
}

/** The byte offset of UTF-16 index `i`. */
export function indexToByte(s: string, i: number): number {
  return utf8Len(s.slice(0, i));
}
