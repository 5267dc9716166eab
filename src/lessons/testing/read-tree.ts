/**
 * Test helper (Node only): reads a folder of lesson files into the `LessonFiles` map the pure
 * resolver takes, keyed by repository-relative path like the app's loader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

export function readTree(dir: string, into = new Map<string, string>()): Map<string, string> {
  const abs = join(REPO_ROOT, dir);
  for (const name of readdirSync(abs).sort()) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) readTree(relative(REPO_ROOT, path), into);
    else into.set(relative(REPO_ROOT, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return into;
}

/** A copy of a parsed value without `line` fields, to compare lessons printed and re-parsed. */
export function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'line' && k !== 'file') out[k] = withoutLines(v);
  return out;
}
