/**
 * `npm run sim -- FILE.rs [options]`: runs a Rust program headless on the simulator and behaves like
 * the real binary — its stdout and stderr, and its exit status (0, 1 when main returns Err, 101 on a
 * panic). A program outside the supported subset is refused with located diagnostics and status 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compile, startProgram } from '../lang/run.ts';
import { decodeReplayKey, explore } from '../explore/index.ts';
import { ForcedChooser } from '../sim/index.ts';
import { formatExploreReport } from './explore-cli.ts';
import { formatDiagnostic } from '../lang/diagnostics.ts';
import { narrateTrace } from './narrate-cli.ts';
import { SIM_USAGE, parseSimArgs } from './args.ts';
import { traceToJson } from './trace-json.ts';

function fail(message: string, status = 2): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(status);
}

function main(argv: readonly string[]): number {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) fail(parsed.message === SIM_USAGE ? SIM_USAGE : `${parsed.message}\n${SIM_USAGE}`);
  const args = parsed.args;
  let source: string;
  try {
    source = readFileSync(args.file, 'utf8');
  } catch {
    fail(`cannot read ${args.file}.`);
  }
  const file = basename(args.file);
  // The program is the crate's src/main.rs, so panics report `src/main.rs:L:C` as `cargo run` does;
  // refusals name the file the user gave.
  const compiled = compile(source, 'src/main.rs');
  if (!compiled.ok) {
    for (const d of compiled.diagnostics)
      process.stderr.write(formatDiagnostic({ ...d, file: args.file }, source) + '\n');
    process.stderr.write(`sim: ${file} was not run.\n`);
    return 2;
  }
  if (args.explore !== undefined) {
    const x = args.explore;
    const t0 = performance.now();
    const report = explore(compiled.program, {
      strategy: x.strategy,
      runs: x.runs,
      seed: args.seed,
      ...(x.depth !== undefined ? { depth: x.depth } : {}),
      ...(x.preemptions !== undefined ? { preemptions: x.preemptions } : {}),
      ...(args.flavor !== undefined ? { flavor: args.flavor } : {}),
      ...(args.workers !== undefined ? { workers: args.workers } : {}),
      ...(args.maxSteps !== undefined ? { maxTicks: args.maxSteps } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    for (const line of formatExploreReport(report, file, seconds)) process.stdout.write(line + '\n');
    return 0;
  }
  let seed = args.seed;
  let chooser: ForcedChooser | undefined;
  if (args.replay !== undefined) {
    const key = decodeReplayKey(args.replay);
    if (!key.ok) fail(key.message);
    seed = key.schedule.seed;
    chooser = new ForcedChooser(key.schedule.forced);
  }
  const runner = startProgram(compiled.program, {
    seed,
    ...(chooser !== undefined ? { chooser } : {}),
    ...(args.flavor !== undefined ? { flavor: args.flavor } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
    ...(args.maxSteps !== undefined ? { maxTicks: args.maxSteps } : {}),
    onStdout: (t) => process.stdout.write(t),
    onStderr: (t) => process.stderr.write(t),
  });
  while (runner.step()) {
    /* one scheduler action at a time, until the program exits */
  }
  const result = runner.result();
  if (result.error !== undefined) process.stderr.write(`sim: ${result.error}\n`);
  if (args.events) for (const line of narrateTrace(result.world.trace)) process.stderr.write(line + '\n');
  if (args.trace !== undefined) writeFileSync(args.trace, traceToJson(result.world.trace));
  return result.exitCode;
}

process.exitCode = main(process.argv.slice(2));
