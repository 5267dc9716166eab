/**
 * `npx tsx scripts/typecheck-sweep.ts [files…]`: runs the type checker on Rust files (by default
 * every corpus the repository holds) and prints each finding as `file:line:col code message`.
 * A finding on a program real rustc accepts is a false rejection.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseProgram } from '../src/lang/syntax/parser.ts';
import { checkTypes } from '../src/lang/types/index.ts';

function corpus(root: string): string[] {
  const out: string[] = [];
  const add = (dir: string): void => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    for (const f of readdirSync(dir)) if (f.endsWith('.rs')) out.push(join(dir, f));
  };
  add(join(root, 'tests/fixtures/conformance'));
  add(join(root, 'tests/fixtures/examples'));
  add(join(root, 'tests/fixtures/typed'));
  add(join(root, 'tests/fixtures/surface'));
  add(join(root, 'tests/fixtures/guards'));
  add(join(root, 'tests/fixtures/accepted'));
  for (const l of readdirSync(join(root, 'lessons'))) {
    add(join(root, 'lessons', l));
    add(join(root, 'lessons', l, 'solutions'));
  }
  return out;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : corpus(join(import.meta.dirname, '..'));
let findings = 0;
for (const f of files) {
  const parsed = parseProgram(readFileSync(f, 'utf8'), f);
  if (!parsed.ok) {
    console.log(`${f}: parse error`);
    continue;
  }
  try {
    const r = checkTypes(parsed.program);
    for (const d of [...r.errors, ...r.warnings]) {
      findings++;
      console.log(
        `${f}:${d.line}:${d.col} ${d.severity ?? 'error'} ${d.code ?? '-'} ${d.message}${d.hint ? ` (${d.hint})` : ''}`,
      );
    }
  } catch (e) {
    findings++;
    console.log(`${f}: CRASH ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
console.log(`${files.length} files, ${findings} findings`);
