/**
 * Directive attributes: `{key=value key="quoted value" flag}` (lessons/README.md). Bare values are
 * letters, digits and `_.:/-`; quoted values take `\"` and `\\` escapes; a bare key is `true`.
 * Numbers stay strings here: each directive decides what type a key has, so errors can name it.
 */

export type Attrs = ReadonlyMap<string, string | true>;

export type AttrsResult =
  { readonly ok: true; readonly attrs: Attrs } | { readonly ok: false; readonly message: string };

const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
const BARE = /[A-Za-z0-9_.:/+-]+/y;

/** Parses the text between `{` and `}` (exclusive). */
export function parseAttrs(text: string): AttrsResult {
  const attrs = new Map<string, string | true>();
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return { ok: true, attrs };
    KEY.lastIndex = i;
    const key = KEY.exec(text);
    if (!key) return { ok: false, message: `expected an attribute name at "${text.slice(i)}"` };
    const name = key[0];
    i += name.length;
    if (attrs.has(name)) return { ok: false, message: `attribute "${name}" is given twice` };
    if (text[i] !== '=') {
      attrs.set(name, true);
      continue;
    }
    i++;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, message: `the value of "${name}" has no closing quote` };
        const ch = text[i];
        if (ch === '"') break;
        if (ch === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      i++;
      attrs.set(name, value);
    } else {
      BARE.lastIndex = i;
      const bare = BARE.exec(text);
      if (!bare) return { ok: false, message: `attribute "${name}" has no value after "="` };
      attrs.set(name, bare[0]);
      i += bare[0].length;
    }
    if (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      return { ok: false, message: `expected a space after the value of "${name}"` };
    }
  }
}

/** Prints attributes back in the given order; bare when the value allows it, quoted otherwise. */
export function printAttrs(entries: ReadonlyArray<readonly [string, string | number | true | undefined]>): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (value === true) {
      parts.push(key);
      continue;
    }
    const s = String(value);
    const bare = /^[A-Za-z0-9_.:/+-]+$/.test(s) && typeof value === 'number';
    parts.push(bare ? `${key}=${s}` : `${key}="${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  }
  return parts.length === 0 ? '' : `{${parts.join(' ')}}`;
}
