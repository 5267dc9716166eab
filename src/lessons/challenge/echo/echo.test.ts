/**
 * The echo-server checker end to end on the interpreter: the reference solution passes every
 * seed; the starter and mutants of the solution break exactly the rules their bug breaks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckedSeed, Located } from '../checker.ts';
import { inProcessRunner, runInProcess } from '../testing/lang-runner.ts';
import {
  checkEchoServer,
  echoProgramForSeed,
  ECHO_SEEDS,
  formatClients,
  injectHarness,
  LESSON_PLAN,
  planForSeed,
} from './index.ts';

const DIR = 'lessons/day07-echo-server-challenge';
const starter = readFileSync(`${DIR}/06-echo-starter.rs`, 'utf8');
const solution = readFileSync(`${DIR}/solutions/echo-server.rs`, 'utf8');

const kindsOf = (r: CheckedSeed<unknown, Located, unknown>): string[] =>
  r.outcome === 'error' ? [`error: ${r.message}`] : [...new Set(r.findings.map((f) => f.violation.kind))].sort();

function mutant(from: string, to: string): string {
  expect(solution).toContain(from);
  return solution.replace(from, to);
}

describe('the echo-server checker', () => {
  it('passes the reference solution on every seed, and sees each seed reach its limit', async () => {
    const r = await checkEchoServer(solution, inProcessRunner);
    expect(r.seeds.map(kindsOf)).toEqual(ECHO_SEEDS.map(() => []));
    expect(r.passed).toBe(true);
    // The busiest moment counts the connections the server held open (seed 1's idle client holds
    // one of its two places all along): never more than the limit, and each seed reaches it.
    expect(r.seeds.map((s) => (s.outcome === 'error' ? -1 : s.measure))).toEqual(
      r.seeds.map((s) => (s.outcome === 'error' ? -2 : s.setup.limit)),
    );
  }, 60_000);

  it('fails the starter for serving past the limit and never shutting down, on every seed', async () => {
    const r = await checkEchoServer(starter, inProcessRunner);
    expect(r.passed).toBe(false);
    for (const s of r.seeds) expect(kindsOf(s)).toEqual(['left-open', 'no-shutdown', 'over-limit']);
    const first = r.seeds[0];
    expect(first?.outcome === 'failed' && first.findings[0]?.message).toMatch(
      /^At 2ms \(step \d+\) your server had accepted the connections of clients 1, 2 and 6 and closed none of them, 3 open at once with a limit of 2/,
    );
  }, 60_000);

  it('fails a solution whose tasks never give their permit back: clients starve', async () => {
    const leak = mutant('let _permit = permit;', 'std::mem::forget(permit);');
    const r = await checkEchoServer(leak, inProcessRunner, { seeds: [1, 2] });
    // Every other client waits for a place until it gives up; seed 2's idle client was queued
    // unaccepted, and its connection closed with nothing echoed when serve dropped the listener.
    expect(r.seeds.map(kindsOf)).toEqual([['client-starved'], ['client-starved', 'echo-broken']]);
  }, 60_000);

  it('fails a solution that drops its permit at the end of the loop turn: no limit at all', async () => {
    const early = mutant('let _permit = permit;', 'let _moved_nothing = ();').replace(
      'while let Some(Ok(permit))',
      'while let Some(Ok(_permit))',
    );
    const r = await checkEchoServer(early, inProcessRunner, { seeds: [1, 3] });
    for (const s of r.seeds) expect(kindsOf(s)).toEqual(['over-limit']);
  }, 60_000);

  it('fails a server that unwraps a reset, and one that returns without waiting for its tasks', async () => {
    const unwrap = mutant(
      'if let Some(Err(e)) = token.run_until_cancelled(echo(socket)).await {',
      'if let Some(Err(e)) = Some(Ok::<(), std::io::Error>(echo(socket).await.unwrap())) {',
    );
    const r = await checkEchoServer(unwrap, inProcessRunner, { seeds: [1] });
    expect(r.seeds.map(kindsOf)).toEqual([['task-panicked']]);
    // Its tasks ignore the token, and serve detaches them instead of shutting them down.
    const detached = mutant('set.shutdown().await;', 'set.detach_all();').replace(
      'token.run_until_cancelled(echo(socket)).await',
      'Some(echo(socket).await)',
    );
    const d = await checkEchoServer(detached, inProcessRunner, { seeds: [1] });
    expect(d.seeds.map(kindsOf)).toEqual([['leaked-task', 'left-open']]);
  }, 60_000);

  it('links each finding to a step of the run it replays', async () => {
    const r = await checkEchoServer(starter, inProcessRunner, { seeds: [2] });
    const seed = r.seeds[0];
    if (seed?.outcome !== 'failed') throw new Error('expected findings');
    const program = echoProgramForSeed(starter, 2);
    if (!program.ok) throw new Error(program.message);
    const run = runInProcess(program.source, 2);
    if (!run.ok) throw new Error(run.message);
    for (const f of seed.findings) {
      // a client's line on the console, or (past the limit) the server's accepted socket
      const e = run.events[f.violation.event];
      expect(e?.type).toBe(f.violation.kind === 'over-limit' ? 'io.register' : 'stdout');
      expect(f.violation.step).toBeGreaterThan(0);
      expect(f.message).toContain(`(step ${f.violation.step})`);
    }
  }, 60_000);
});

describe('the harness and the plans', () => {
  it('keeps the learner code byte for byte and replaces main; refuses a program without main or serve', () => {
    const p = injectHarness(starter, LESSON_PLAN);
    if (!p.ok) throw new Error(p.message);
    const cut = starter.indexOf('#[tokio::main');
    expect(p.source.slice(0, cut)).toBe(starter.slice(0, cut));
    expect(p.source).toContain(`const CHECK_CLIENTS: &[(u8, u64, usize)] = ${formatClients(LESSON_PLAN)};`);
    expect(p.source.match(/#\[tokio::main/g)).toHaveLength(1);
    expect(injectHarness(starter.slice(0, cut), LESSON_PLAN)).toMatchObject({ ok: false });
    expect(injectHarness(starter.replace('async fn serve(', 'async fn run('), LESSON_PLAN)).toMatchObject({
      ok: false,
    });
  });

  it('draws each seed the same way, with more overlapping chatty clients than the limit and every kind', () => {
    for (let seed = 2; seed < 60; seed++) {
      const plan = planForSeed(seed);
      expect(planForSeed(seed)).toEqual(plan);
      const chatty = plan.clients.filter((c) => c.kind === 'chatty' && c.startMs <= 10);
      expect(chatty.length).toBeGreaterThan(plan.limit);
      for (const kind of ['many', 'slow', 'reset', 'idle'] as const)
        expect(plan.clients.some((c) => c.kind === kind)).toBe(true);
      expect(plan.clients.filter((c) => c.kind === 'idle')).toHaveLength(1);
    }
  });
});
