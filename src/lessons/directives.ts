/**
 * The leaf directives of a slide — `::scenario{…}`, `::cue{…}`, `::challenge{…}`, `::explore{…}` — and the info
 * string of an inline ```` ```rust scenario=<name> ```` fence: attributes in, typed records out.
 */
import type { Attrs } from './attrs.ts';
import { printAttrs } from './attrs.ts';
import { CLAIM_KEYS, claimAttrs, readClaims } from './cue-claims.ts';
import { MATCHER_KEYS, matcherAttrs, readInt, readMatcher, readRange, readString } from './matcher.ts';
import { CHALLENGE_KINDS } from './types.ts';
import type { ChallengeRef, Cue, CueAction, ExploreRef, ExploreStrategyName, LineRange, ScenarioRef } from './types.ts';

export type DirectiveResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const LEAF_DIRECTIVES = ['scenario', 'cue', 'challenge', 'explore'] as const;
export const CONTAINER_DIRECTIVES = ['notes', 'quiz'] as const;

const ACTIONS: readonly CueAction[] = ['pause', 'highlight', 'inspect'];
const NAME = /^[a-z0-9][a-z0-9_-]*$/;

function onlyKeys(attrs: Attrs, allowed: readonly string[], what: string): string | undefined {
  for (const key of attrs.keys()) {
    if (!allowed.includes(key)) return `${what} has no attribute "${key}"; it takes ${allowed.join(', ')}`;
  }
  return undefined;
}

/** A path relative to the lesson folder: no leading slash, no `..`, the given extension. */
function checkPath(path: string, key: string, ext: string): string | undefined {
  if (path.startsWith('/') || path.split('/').includes('..')) return `${key}= is a path inside the lesson folder`;
  if (!path.endsWith(ext)) return `${key}= names a ${ext} file`;
  return undefined;
}

function readSeedFocus(attrs: Attrs): DirectiveResult<{ seed?: number; focus?: LineRange }> {
  const seed = readInt(attrs, 'seed', 0);
  if (!seed.ok) return { ok: false, message: seed.message };
  const focus = readRange(attrs, 'focus');
  if (!focus.ok) return { ok: false, message: focus.message };
  return {
    ok: true,
    value: {
      ...(seed.value !== undefined ? { seed: seed.value } : {}),
      ...(focus.value ? { focus: focus.value } : {}),
    },
  };
}

export function parseScenarioDirective(attrs: Attrs, line: number): DirectiveResult<ScenarioRef> {
  const bad = onlyKeys(attrs, ['file', 'seed', 'focus'], '::scenario');
  if (bad) return { ok: false, message: bad };
  const file = readString(attrs, 'file');
  if (!file.ok) return file;
  if (file.value === undefined) return { ok: false, message: '::scenario needs file="<name>.rs"' };
  const badPath = checkPath(file.value, 'file', '.rs');
  if (badPath) return { ok: false, message: badPath };
  const rest = readSeedFocus(attrs);
  if (!rest.ok) return rest;
  return { ok: true, value: { kind: 'file', file: file.value, ...rest.value, line } };
}

/** The attributes after `rust` in a scenario fence's info string. */
export function parseScenarioFence(attrs: Attrs, source: string, line: number): DirectiveResult<ScenarioRef> {
  const bad = onlyKeys(attrs, ['scenario', 'seed', 'focus'], 'a scenario fence');
  if (bad) return { ok: false, message: bad };
  const name = attrs.get('scenario');
  if (typeof name !== 'string' || !NAME.test(name)) {
    return {
      ok: false,
      message: 'an inline scenario needs a name: ```rust scenario=<name> (its expected stdout is <name>.txt)',
    };
  }
  const rest = readSeedFocus(attrs);
  if (!rest.ok) return rest;
  return { ok: true, value: { kind: 'inline', name, source, ...rest.value, line } };
}

export function parseCue(attrs: Attrs, line: number): DirectiveResult<Cue> {
  const bad = onlyKeys(attrs, ['action', 'say', ...MATCHER_KEYS, ...CLAIM_KEYS], '::cue');
  if (bad) return { ok: false, message: bad };
  const action = attrs.get('action');
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
    return { ok: false, message: `::cue needs action= one of ${ACTIONS.map((a) => `"${a}"`).join(', ')}` };
  }
  const say = readString(attrs, 'say');
  if (!say.ok) return say;
  const task = readInt(attrs, 'task', 0);
  if (!task.ok) return task;
  const sayPart = say.value !== undefined ? { say: say.value } : {};
  const claims = readClaims(attrs, task.value);
  if (!claims.ok) return { ok: false, message: `::cue: ${claims.message}` };
  const claimPart = claims.value.length > 0 ? { claims: claims.value } : {};
  if (!attrs.has('at')) {
    if (claims.value.length > 0)
      return { ok: false, message: 'a claim is checked at the moment the cue fires, so it needs at="<event>"' };
    if (action === 'pause') return { ok: false, message: 'a pause cue needs at="<event>"' };
    if (task.value === undefined) return { ok: false, message: `a ${action} cue needs task=<id>` };
    for (const k of ['nth', 'transition', 'text']) {
      if (attrs.has(k)) return { ok: false, message: `${k}= filters an event, so it needs at="<event>"` };
    }
    return { ok: true, value: { action: action as CueAction, task: task.value, ...sayPart, line } };
  }
  // A pause waits for that task's event; highlight and inspect name their subject, not a filter.
  const claimKeys: readonly string[] = CLAIM_KEYS;
  const matchAttrs = new Map(
    [...attrs].filter(([k]) => !claimKeys.includes(k) && (action === 'pause' || k !== 'task')),
  );
  const when = readMatcher(matchAttrs);
  if (!when.ok) return { ok: false, message: `::cue: ${when.message}` };
  if (action !== 'pause' && task.value === undefined) return { ok: false, message: `a ${action} cue needs task=<id>` };
  return {
    ok: true,
    value: {
      action: action as CueAction,
      when: when.value,
      ...(task.value !== undefined ? { task: task.value } : {}),
      ...sayPart,
      ...claimPart,
      line,
    },
  };
}

export function parseChallenge(attrs: Attrs, line: number): DirectiveResult<ChallengeRef> {
  const bad = onlyKeys(attrs, ['starter', 'solution', 'kind'], '::challenge');
  if (bad) return { ok: false, message: bad };
  const starter = attrs.get('starter');
  const solution = attrs.get('solution');
  if (typeof starter !== 'string' || typeof solution !== 'string') {
    return { ok: false, message: '::challenge needs starter="<file>.rs" and solution="solutions/<file>.rs"' };
  }
  const badPath = checkPath(starter, 'starter', '.rs') ?? checkPath(solution, 'solution', '.rs');
  if (badPath) return { ok: false, message: badPath };
  if (!solution.startsWith('solutions/')) {
    return { ok: false, message: 'solution= lives under solutions/, which the app never loads' };
  }
  const kind = attrs.get('kind');
  if (kind === undefined) return { ok: true, value: { starter, solution, line } };
  const known = CHALLENGE_KINDS.find((k) => k === kind);
  if (known === undefined) {
    return { ok: false, message: `::challenge kind= is one of ${CHALLENGE_KINDS.map((k) => `"${k}"`).join(', ')}` };
  }
  return { ok: true, value: { starter, solution, kind: known, line } };
}

const STRATEGIES: readonly ExploreStrategyName[] = ['random', 'pct', 'dfs'];
/** A slide's exploration runs while the class watches: keep it to seconds. */
const MAX_SLIDE_RUNS = 5000;

export function parseExplore(attrs: Attrs, line: number): DirectiveResult<ExploreRef> {
  const bad = onlyKeys(attrs, ['strategy', 'runs'], '::explore');
  if (bad) return { ok: false, message: bad };
  const strategy = attrs.get('strategy') ?? 'pct';
  if (typeof strategy !== 'string' || !(STRATEGIES as readonly string[]).includes(strategy)) {
    return { ok: false, message: `::explore needs strategy= one of ${STRATEGIES.map((s) => `"${s}"`).join(', ')}` };
  }
  const runs = readInt(attrs, 'runs', 1);
  if (!runs.ok) return { ok: false, message: runs.message };
  if ((runs.value ?? 0) > MAX_SLIDE_RUNS) return { ok: false, message: `::explore runs= is at most ${MAX_SLIDE_RUNS}` };
  return { ok: true, value: { strategy: strategy as ExploreStrategyName, runs: runs.value ?? 500, line } };
}

const rangeText = (r: LineRange | undefined): string | undefined =>
  r === undefined ? undefined : r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`;

export function printScenario(s: ScenarioRef): string {
  if (s.kind === 'file') {
    return `::scenario${printAttrs([
      ['file', s.file],
      ['seed', s.seed],
      ['focus', rangeText(s.focus)],
    ])}`;
  }
  const longest = Math.max(2, ...(s.source.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const seed = s.seed !== undefined ? ` seed=${s.seed}` : '';
  const focus = s.focus ? ` focus=${rangeText(s.focus)}` : '';
  return `${fence}rust scenario=${s.name}${seed}${focus}\n${s.source}\n${fence}`;
}

export function printCue(c: Cue): string {
  const when = c.when ? matcherAttrs(c.when).filter(([k]) => k !== 'task') : [];
  return `::cue${printAttrs([
    ['action', c.action],
    ...when,
    ['task', c.task],
    ['say', c.say],
    ...claimAttrs(c.claims ?? [], c.task),
  ])}`;
}

export function printChallenge(c: ChallengeRef): string {
  return `::challenge${printAttrs([
    ['starter', c.starter],
    ['solution', c.solution],
    ['kind', c.kind],
  ])}`;
}

export function printExplore(e: ExploreRef): string {
  return `::explore${printAttrs([
    ['strategy', e.strategy],
    ['runs', e.runs],
  ])}`;
}
