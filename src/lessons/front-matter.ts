/**
 * The lesson's front matter: `key: value` lines between two `---` lines at the top of the file.
 * Parsed by hand (gray-matter needs Node's Buffer). Values may be wrapped in double quotes.
 */
import type { Diagnostic, FrontMatter } from './types.ts';

const KEYS = ['title', 'course', 'week', 'day', 'duration'] as const;
type Key = (typeof KEYS)[number];
const NUMERIC: ReadonlySet<Key> = new Set(['week', 'day']);

export interface FrontMatterResult {
  readonly meta: FrontMatter | undefined;
  /** Index (0-based) of the first line after the closing `---`. */
  readonly next: number;
  readonly diagnostics: Diagnostic[];
}

export function parseFrontMatter(lines: readonly string[], file: string): FrontMatterResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (line: number, message: string): FrontMatterResult => ({
    meta: undefined,
    next: lines.length,
    diagnostics: [...diagnostics, { file, line, message }],
  });
  if (lines[0]?.trimEnd() !== '---')
    return fail(1, 'a lesson starts with front matter: a line "---", then "key: value" lines, then "---"');
  const values = new Map<Key, { value: string; line: number }>();
  let i = 1;
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trimEnd() === '---') break;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$/.exec(raw.trim());
    if (!m) {
      diagnostics.push({ file, line: i + 1, message: `front matter line is not "key: value": "${raw.trim()}"` });
      continue;
    }
    const key = m[1] ?? '';
    let value = (m[2] ?? '').trim();
    value = unquote(value);
    if (!isKey(key)) {
      diagnostics.push({
        file,
        line: i + 1,
        message: `unknown front matter key "${key}"; known keys are ${KEYS.join(', ')}`,
      });
      continue;
    }
    if (values.has(key)) {
      diagnostics.push({ file, line: i + 1, message: `front matter key "${key}" is given twice` });
      continue;
    }
    if (NUMERIC.has(key) && !/^\d+$/.test(value)) {
      diagnostics.push({ file, line: i + 1, message: `front matter "${key}" must be a whole number, not "${value}"` });
    }
    values.set(key, { value, line: i + 1 });
  }
  if (i >= lines.length) return fail(1, 'the front matter has no closing "---" line');
  for (const key of KEYS) {
    if (!values.has(key)) diagnostics.push({ file, line: 1, message: `front matter is missing "${key}"` });
  }
  if (diagnostics.length > 0) return { meta: undefined, next: i + 1, diagnostics };
  const get = (k: Key): string => values.get(k)?.value ?? '';
  const meta: FrontMatter = {
    title: get('title'),
    course: get('course'),
    week: Number(get('week')),
    day: Number(get('day')),
    duration: get('duration'),
  };
  return { meta, next: i + 1, diagnostics };
}

export function printFrontMatter(meta: FrontMatter): string {
  const quote = (s: string): string =>
    /^[^"'#:]*$/.test(s) && s.trim() === s && s !== '' ? s : `'${s.replace(/'/g, "''")}'`;
  return [
    '---',
    `title: ${quote(meta.title)}`,
    `course: ${quote(meta.course)}`,
    `week: ${meta.week}`,
    `day: ${meta.day}`,
    `duration: ${quote(meta.duration)}`,
    '---',
  ].join('\n');
}

/** YAML-style quoting, as prettier writes it: `'it''s'` or `"say \"hi\""`. */
function unquote(value: string): string {
  if (value.length < 2) return value;
  if (value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return value;
}

function isKey(k: string): k is Key {
  return (KEYS as readonly string[]).includes(k);
}
