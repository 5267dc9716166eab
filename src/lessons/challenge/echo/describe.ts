/**
 * One sentence per broken rule of the echo-server challenge, for the learner: what broke, when
 * (virtual ms and lab step), and what usually causes it.
 */
import type { EchoViolation, EchoViolationKind } from './invariants.ts';
import type { EchoPlan, EchoSpec } from './plan.ts';
import { ECHO_SPEC } from './plan.ts';

export const ECHO_VIOLATION_TITLES: Readonly<Record<EchoViolationKind, string>> = {
  'over-limit': 'More connections than the limit',
  'echo-broken': 'Bytes not echoed',
  'client-starved': 'A client was never served',
  'no-shutdown': 'serve did not return',
  'left-open': 'A connection stayed open',
  'task-panicked': 'A connection task panicked',
  'leaked-task': 'A task outlived serve',
};

const fmtMs = (ms: number): string => `${Math.round(ms * 1000) / 1000}ms`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (ids: readonly number[]): string =>
  ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;

export function describeEchoViolation(v: EchoViolation, plan: EchoPlan, spec: EchoSpec = ECHO_SPEC): string {
  const when = `at ${fmtMs(v.atMs)} (step ${v.step})`;
  const who = (id: number, kind: string | undefined) => `Client ${id}${kind === undefined ? '' : ` (${kind})`}`;
  switch (v.kind) {
    case 'over-limit': {
      const fix =
        "take a permit (Arc<Semaphore>, acquire_owned) before accept, and move it into the connection's task.";
      const others = v.count - v.clients.length;
      const whose = `${list(v.clients)}${others > 0 ? ` and ${plural(others, 'other connection')}` : ''}`;
      return v.how === 'open'
        ? `A${when.slice(1)} your server had accepted the connections of clients ${whose} and closed none of them, ` +
            `${v.count} open at once with a limit of ${plan.limit}: ${fix}`
        : `A${when.slice(1)} clients ${whose} were all being served, ${v.count} at once with a limit of ` +
            `${plan.limit}: ${fix}`;
    }
    case 'echo-broken':
      return (
        `${who(v.client, v.clientKind)} ended ${when} with "${v.verdict}": every byte a client sends must come ` +
        `back, in order, until it closes its side (read returns 0); write_all what each read gave.`
      );
    case 'client-starved':
      return (
        `${who(v.client, v.clientKind)} gave up ${when}, after waiting ${fmtMs(spec.clientDeadlineMs)}: no connection ` +
        `freed its place for it. A permit must go back when its connection ends; let the task own it and drop it.`
      );
    case 'no-shutdown':
      return (
        `serve was still running ${fmtMs(spec.shutdownBudgetMs)} after the token was cancelled (${when}): select on ` +
        `token.cancelled() beside acquire and accept, and return once the connection tasks have ended.`
      );
    case 'left-open':
      return (
        `An idle client's connection was still open ${fmtMs(spec.shutdownBudgetMs)} after cancel (${when}): each ` +
        `connection task must also watch the token, or the JoinSet must abort it (set.shutdown()).`
      );
    case 'task-panicked':
      return (
        `Task ${v.task}, spawned by your code, panicked ${when}: a reset is an io::Error for that connection, ` +
        `not a bug; match on read and write results instead of unwrap().`
      );
    case 'leaked-task':
      return (
        `serve returned ${when} while task ${v.task}, which it spawned, was still running: keep connection ` +
        `tasks in a JoinSet and end with set.shutdown().await (or join them all) before returning.`
      );
  }
}
