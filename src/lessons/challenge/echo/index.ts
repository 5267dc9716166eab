/** The echo-server challenge's checker (pure): its clients, the harness, the rules. */
import { runChallenge } from '../checker.ts';
import type { ChallengeDef, ChallengeRunner, CheckedSeed, CheckReport, RunOptions } from '../checker.ts';
import { describeEchoViolation } from './describe.ts';
import { injectHarness } from './harness.ts';
import { checkEchoTrace } from './invariants.ts';
import type { EchoViolation } from './invariants.ts';
import { ECHO_SEEDS, ECHO_SPEC, planForSeed } from './plan.ts';
import type { EchoPlan, EchoSpec } from './plan.ts';

export { ECHO_VIOLATION_TITLES, describeEchoViolation } from './describe.ts';
export { formatClients, harnessSource, injectHarness } from './harness.ts';
export { checkEchoTrace, type EchoVerdict, type EchoViolation, type EchoViolationKind } from './invariants.ts';
export { readEchoTrace, servedWindow } from './echo-trace.ts';
export * from './plan.ts';

/** One seed's result: `setup` is its clients and limit, `measure` the busiest moment seen. */
export type EchoSeedReport = CheckedSeed<EchoPlan, EchoViolation, number>;
export type EchoReport = CheckReport<EchoPlan, EchoViolation, number>;

export function echoChallenge(spec: EchoSpec = ECHO_SPEC): ChallengeDef<EchoPlan, EchoViolation, number> {
  return {
    seeds: ECHO_SEEDS,
    setup: planForSeed,
    program: (source, plan) => injectHarness(source, plan, spec),
    judge: (events, plan) => {
      const verdict = checkEchoTrace(events, plan);
      return { violations: verdict.violations, measure: verdict.busiest };
    },
    describe: (v, plan) => describeEchoViolation(v, plan, spec),
  };
}

/** The exact program the checker runs for `seed` (the lab replays it for a link). */
export function echoProgramForSeed(source: string, seed: number, spec: EchoSpec = ECHO_SPEC) {
  return injectHarness(source, planForSeed(seed), spec);
}

export function checkEchoServer(
  source: string,
  run: ChallengeRunner,
  options: RunOptions<EchoPlan, EchoViolation, number> = {},
): Promise<EchoReport> {
  return runChallenge(echoChallenge(), source, run, options);
}
