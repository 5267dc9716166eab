/**
 * `npm run sim -- FILE.rs [options]`: runs a Rust program headless on the simulator and behaves like
 * the real binary — its stdout and stderr, and its exit status (0, 1 when main returns Err, 101 on a
 * panic). A program outside the supported subset is refused with located diagnostics and status 2.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compile, startProgram } from '../lang/run.ts';
import { decodeReplayKey, explore } from '../explore/index.ts';
import { ForcedChooser, type FaultPlanConfig } from '../sim/index.ts';
import { formatExploreReport } from './explore-cli.ts';
import { formatDiagnostic } from '../lang/diagnostics.ts';
import { narrateTrace } from './narrate-cli.ts';
import { SIM_HELP, parseSimArgs, type SimArgs } from './args.ts';
import { fsReason, readSource, traceTargetProblem } from './files.ts';
import { traceToJson } from './trace-json.ts';

function fail(message: string, status = 2): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(status);
}

function main(argv: readonly string[]): number {
  const parsed = parseSimArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(SIM_HELP);
    return 0;
  }
  if (parsed.kind === 'error') fail(`${parsed.message} (see --help)`);
  const args = parsed.args;
  const traceProblem = args.trace === undefined ? undefined : traceTargetProblem(args.trace);
  if (traceProblem !== undefined) fail(traceProblem);
  const read = readSource(args.file);
  if (!read.ok) fail(read.message);
  const source = read.text;
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
  // As cargo does, warnings are printed before the program runs, and do not stop it.
  for (const w of compiled.warnings) process.stderr.write(formatDiagnostic({ ...w, file: args.file }, source) + '\n\n');
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
      ...faultsOf(args),
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
    ...(args.maxSteps !== undefined ? { maxTicks: args.maxSteps, maxTotalSteps: args.maxSteps } : {}),
    ...(args.ctrlCAt.length > 0 ? { ctrlCAtMs: args.ctrlCAt } : {}),
    ...faultsOf(args),
    onStdout: (t) => process.stdout.write(t),
    onStderr: (t) => process.stderr.write(t),
    // the output is streamed, and the trace is kept only for the flags that print it: a program
    // that runs for a billion steps then holds neither in memory
    keepOutput: 0,
    traceLevel: args.events || args.trace !== undefined ? 'full' : 'off',
    // nothing here replays the run's decisions (explore keeps its own runs' logs)
    keepChoices: false,
    // a saved trace is for the lab and Perfetto, which step by statement
    ...(args.trace !== undefined ? { statements: true } : {}),
  });
  while (runner.step()) {
    /* one scheduler action at a time, until the program exits */
  }
  const result = runner.result();
  const d = result.diagnostic;
  // a type error found while running: its first line is on stderr already; show the line and caret
  if (d !== undefined) process.stderr.write(formatDiagnostic(d, source).split('\n').slice(1).join('\n') + '\n');
  else if (result.error !== undefined) process.stderr.write(`sim: ${result.error}\n`);
  if (args.events) for (const line of narrateTrace(result.world.trace)) process.stderr.write(line + '\n');
  if (args.trace !== undefined) {
    try {
      writeFileSync(args.trace, traceToJson(result.world.trace));
    } catch (e) {
      process.stderr.write(`sim: cannot write the trace to ${args.trace}: ${fsReason(e)}.\n`);
      return 2;
    }
  }
  return result.exitCode;
}

process.exitCode = main(process.argv.slice(2));

/** The fault plan the flags give (none: no plan, so a run without flags is untouched). */
function faultsOf(args: SimArgs): { faults?: FaultPlanConfig } {
  if (args.faults.length === 0 && args.faultRate === undefined) return {};
  return {
    faults: { faults: args.faults, ...(args.faultRate !== undefined ? { seeded: { rate: args.faultRate } } : {}) },
  };
}
