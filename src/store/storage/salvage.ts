/**
 * Recovering programs from a record that could not be read: every string in it that looks like
 * code (a line break or `fn `), even from damaged or cut-off JSON; failing that, the whole text.
 */
const looksLikeCode = (s: string): boolean => s.includes('\n') || /\bfn\s/.test(s);

function stringsOf(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stringsOf(x, out);
}

/** The JSON string literals in `text`, decoded; a literal cut off at the end is closed first. */
function literalsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)("|\\?$)/g)) {
    try {
      out.push(JSON.parse(`"${m[1]}"`) as string);
    } catch {
      // Not a literal after all (a lone quote inside damaged text).
    }
  }
  return out;
}

export function salvagePrograms(text: string): string[] {
  let strings: string[] = [];
  try {
    stringsOf(JSON.parse(text), strings);
  } catch {
    strings = literalsOf(text);
  }
  const code = [...new Set(strings.filter(looksLikeCode))];
  return code.length > 0 ? code : text.trim() === '' ? [] : [text];
}
