import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLabStore, MAX_SEED, MAX_WORKERS, VIEW_NAMES } from '../store/index.ts';
import type { ViewName } from '../store/index.ts';
import {
  DEFAULT_MT_WORKERS,
  DEFAULT_URL_STATE,
  decodeUrlState,
  encodeUrlHash,
  encodeUrlState,
  MAX_SLIDE,
  MAX_STEP,
  mergeUrlState,
  urlStateOfLab,
} from './url-state.ts';
import type { UrlState, UrlTarget } from './url-state.ts';

const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
const targetArb: fc.Arbitrary<UrlTarget> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('lesson' as const), lesson: idArb, slide: fc.integer({ min: 1, max: MAX_SLIDE }) }),
  fc.record({ kind: fc.constant('program' as const), program: idArb }),
);
const viewsArb: fc.Arbitrary<ViewName[]> = fc.uniqueArray(fc.constantFrom(...VIEW_NAMES), {
  maxLength: VIEW_NAMES.length,
});
const stateArb: fc.Arbitrary<UrlState> = fc
  .record({
    target: targetArb,
    seed: fc.oneof(fc.nat(100), fc.integer({ min: 0, max: MAX_SEED })),
    step: fc.integer({ min: 0, max: MAX_STEP }),
    mt: fc.boolean(),
    workers: fc.integer({ min: 1, max: MAX_WORKERS }),
    views: fc.oneof(fc.constant(DEFAULT_URL_STATE.views), viewsArb),
    task: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
  })
  .map(({ mt, workers, ...rest }) => ({
    ...rest,
    flavor: mt ? ('multi_thread' as const) : ('current_thread' as const),
    workers: mt ? workers : 1,
  }));

describe('url state', () => {
  it('decode(encode(x)) = x with no problems (property)', () => {
    fc.assert(
      fc.property(stateArb, (x) => {
        const viaParams = decodeUrlState(encodeUrlState(x));
        expect(viaParams.problems).toEqual([]);
        expect(viaParams.state).toEqual(x);
        const viaHash = decodeUrlState(encodeUrlHash(x));
        expect(viaHash.state).toEqual(x);
        const viaQuery = decodeUrlState(`?${encodeUrlState(x).toString()}`);
        expect(viaQuery.state).toEqual(x);
      }),
      { seed: 314, numRuns: 300 },
    );
  });

  it('omits defaults and writes a stable order', () => {
    expect(encodeUrlHash(DEFAULT_URL_STATE)).toBe('#');
    const s: UrlState = {
      ...DEFAULT_URL_STATE,
      target: { kind: 'lesson', lesson: 'day-6', slide: 7 },
      step: 37,
      flavor: 'multi_thread',
      workers: DEFAULT_MT_WORKERS,
      views: ['board', 'console'],
      task: 4,
    };
    expect(encodeUrlState(s).toString()).toBe(
      'lesson=day-6&slide=7&step=37&flavor=multi_thread&views=board%2Cconsole&task=4',
    );
    expect(encodeUrlState({ ...s, views: [] }).get('views')).toBe('');
    expect(decodeUrlState('views=').state.views).toEqual([]);
  });

  it('reports bad values clearly and falls back to defaults', () => {
    const { state, problems } = decodeUrlState(
      '#seed=abc&step=-3&flavor=green&workers=0&views=board,nope,board&slide=2&task=0&lesson=bad%20id',
    );
    expect(state.seed).toBe(1);
    expect(state.step).toBe(0);
    expect(state.flavor).toBe('current_thread');
    expect(state.workers).toBe(1);
    expect(state.views).toEqual(['board']);
    expect(state.task).toBeUndefined();
    expect(state.target).toEqual({ kind: 'none' });
    expect(problems.map((p) => p.param).sort()).toEqual(
      ['flavor', 'lesson', 'seed', 'slide', 'step', 'task', 'views', 'views', 'workers'].sort(),
    );
    expect(problems.find((p) => p.param === 'seed')?.message).toBe(
      `seed: expected a whole number from 0 to ${MAX_SEED}, got "abc"; using 1`,
    );
    expect(problems.find((p) => p.param === 'flavor')?.message).toBe(
      'flavor: expected one of current_thread, multi_thread, got "green"; using current_thread',
    );
  });

  it('resolves conflicts: lesson wins over program, current_thread has one worker, repeats use the first', () => {
    const d = decodeUrlState('lesson=a&program=b&workers=8&seed=5&seed=6');
    expect(d.state.target).toEqual({ kind: 'lesson', lesson: 'a', slide: 1 });
    expect(d.state.workers).toBe(1);
    expect(d.state.seed).toBe(5);
    expect(d.problems.map((p) => p.param)).toEqual(['program', 'seed', 'workers']);
    expect(decodeUrlState('flavor=multi_thread').state.workers).toBe(DEFAULT_MT_WORKERS);
  });

  it('never throws on garbage and always yields a valid state (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (garbage) => {
        const { state } = decodeUrlState(garbage);
        expect(Number.isSafeInteger(state.seed) && state.seed >= 0).toBe(true);
        expect(Number.isSafeInteger(state.step) && state.step >= 0).toBe(true);
        expect(state.workers >= 1 && state.workers <= MAX_WORKERS).toBe(true);
        expect(state.views.every((v) => VIEW_NAMES.includes(v))).toBe(true);
        // A decoded state is canonical: it survives another round trip unchanged.
        expect(decodeUrlState(encodeUrlState(state)).state).toEqual(state);
      }),
      { seed: 2718, numRuns: 300 },
    );
    expect(() => decodeUrlState('%E0%A4%A&&==&seed=%')).not.toThrow();
  });

  it('merges into foreign parameters without touching them', () => {
    const merged = mergeUrlState(new URLSearchParams('embed=1&seed=9&step=2'), { ...DEFAULT_URL_STATE, step: 5 });
    expect(merged.toString()).toBe('embed=1&step=5');
  });

  it('reads the current moment from a lab store', () => {
    const store = createLabStore({
      program: { source: 'fn main() {}', origin: { kind: 'lesson', lesson: 'joinset', slide: 3 } },
      config: { flavor: 'multi_thread', workers: 2, seed: 12 },
      openViews: ['board'],
    });
    store.getState().actions.selectTask(2);
    expect(urlStateOfLab(store.getState())).toEqual({
      target: { kind: 'lesson', lesson: 'joinset', slide: 3 },
      seed: 12,
      step: 0,
      flavor: 'multi_thread',
      workers: 2,
      views: ['board'],
      task: 2,
    });
  });
});
