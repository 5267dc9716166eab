/**
 * Test helper: compile and run a Rust program (through the checker, or straight from the parser
 * to exercise interpreter features the checker does not admit yet).
 */
import { parseProgram } from '../syntax/index.ts';
import { compile, runProgram, type RunOptions, type RunResult } from '../run.ts';
import { compileProgram } from './compile/items.ts';

export function runRust(source: string, options: RunOptions & { check?: boolean } = {}): RunResult {
  let r: RunResult;
  if (options.check === false) {
    const p = parseProgram(source, 'src/main.rs');
    if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
    r = runProgram(compileProgram(p.program, source), options);
  } else {
    const c = compile(source, 'src/main.rs');
    if (!c.ok) throw new Error(JSON.stringify(c.diagnostics));
    r = runProgram(c.program, options);
  }
  // an interpreter bug must fail the test loudly, not pass as an ordinary exit status
  if (r.exitCode === 70) throw new Error(r.error);
  return r;
}

/** The stdout of a program that must exit with status 0. */
export function stdoutOf(source: string, options: RunOptions & { check?: boolean } = {}): string {
  const r = runRust(source, options);
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${r.stderr}`);
  return r.stdout;
}
