/**
 * Playback of a run's trace (design.md §2, §6): an xstate v5 machine over a position in the
 * trace. States: idle → loading → paused ⇄ playing / stepping → finished, and error. The effects
 * are actors the caller can replace with `machine.provide({ actors })`:
 * - `runner` (invoked for the whole session) starts the run and reports RUN.PROGRESS / DONE /
 *   ERROR as the trace streams in (src/flow/runner.ts builds one over the lab store);
 * - `frameTicker` (invoked while playing) sends FRAME events.
 * The machine never folds events; it asks its `trace` (PlaybackTrace) where steps start and
 * where breakpoints or "run to next" targets are.
 */
import { assign, fromCallback, sendTo, setup } from 'xstate';
import { DEFAULT_CONFIG, isSpeed } from '../store/index.ts';
import type { RunConfig } from '../store/index.ts';
import { clockFrameTicker } from './frame-ticker.ts';
import { advanceFrame, clampPosition, nextStatement, runTo, stepBack, stepsForward } from './playback-motion.ts';
import type { PlaybackContext, PlaybackEvent, PlaybackInput, RunnerInput, RunnerReport } from './playback-types.ts';

type Ctx = PlaybackContext;

const missingRunner = fromCallback<PlaybackEvent, RunnerInput, RunnerReport>(({ input, sendBack }) => {
  sendBack({ type: 'RUN.ERROR', runId: input.runId, message: 'no runner is connected to playback' });
});

function toggled(lines: readonly number[], line: number): readonly number[] {
  if (!Number.isInteger(line) || line < 1) return lines;
  return lines.includes(line) ? lines.filter((l) => l !== line) : [...lines, line].sort((a, b) => a - b);
}

/** Moves to the deep-linked step once it has streamed in (or the run ended short of it). */
function resolvePending(c: Ctx): Partial<Ctx> {
  if (c.pendingStep === undefined || (c.trace.stepCount <= c.pendingStep && !c.done)) return {};
  return { position: c.trace.positionOfStep(c.pendingStep), pendingStep: undefined };
}

/** Tries to complete the current goal with what has streamed so far. */
function pursueGoal(c: Ctx): Partial<Ctx> {
  const goal = c.goal;
  if (goal === undefined) return {};
  if (goal.kind === 'step') {
    if (c.position >= c.trace.length) return c.done ? { goal: undefined, halt: true, lastStop: { kind: 'end' } } : {};
    return { position: stepsForward(c.trace, c.position, 1), goal: undefined, halt: true, lastStop: { kind: 'step' } };
  }
  if (goal.kind === 'statement') {
    const r = nextStatement(c.trace, c.position, c.done);
    if (r.found) {
      const event = r.position - 1;
      return {
        position: r.position,
        goal: undefined,
        halt: true,
        lastStop: { kind: 'statement', line: c.trace.lineAt(event), event },
      };
    }
    return c.done ? { position: r.position, goal: undefined, halt: true, lastStop: { kind: 'end' } } : {};
  }
  const r = runTo(c.trace, c.position, goal.of);
  if (r.found) {
    return {
      position: r.position,
      goal: undefined,
      halt: true,
      lastStop: { kind: 'run-to', of: goal.of, event: r.position - 1 },
    };
  }
  return c.done
    ? { position: r.position, goal: undefined, halt: true, lastStop: { kind: 'end' } }
    : { position: r.position };
}

function restart(c: Ctx, config: RunConfig): Partial<Ctx> {
  return {
    config,
    runId: c.runId + 1,
    length: 0,
    stepCount: 0,
    done: false,
    position: 0,
    carry: 0,
    goal: undefined,
    halt: false,
    lastStop: undefined,
    error: undefined,
  };
}

export const playbackMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as PlaybackEvent,
    input: {} as PlaybackInput,
  },
  actors: { runner: missingRunner, frameTicker: clockFrameTicker },
  guards: {
    isCurrentRun: ({ context, event }) => 'runId' in event && event.runId === context.runId,
    hasTrace: ({ context }) => (context.length > 0 || context.done) && context.pendingStep === undefined,
    halted: ({ context }) => context.halt,
    running: ({ context }) => !context.done,
    atEndOfRun: ({ context }) => context.done && context.position >= context.length,
    resumeAfterLoad: ({ context }) =>
      context.resumeAfterLoad && (context.length > 0 || context.done) && context.pendingStep === undefined,
  },
  actions: {
    noteProgress: assign(({ context, event }) => {
      if (event.type !== 'RUN.PROGRESS' && event.type !== 'RUN.DONE') return {};
      const next = { ...context, length: event.length, stepCount: event.stepCount, done: event.type === 'RUN.DONE' };
      return { length: next.length, stepCount: next.stepCount, done: next.done, ...resolvePending(next) };
    }),
    pursueGoal: assign(({ context }) => pursueGoal(context)),
    noteError: assign(({ event }) => (event.type === 'RUN.ERROR' ? { error: event.message } : {})),
    load: assign(({ context, event }) => {
      if (event.type !== 'LOAD') return {};
      return {
        ...restart(context, event.config ?? context.config),
        program: event.program,
        pendingStep: event.step,
        resumeAfterLoad: event.resume === true,
      };
    }),
    changeSeed: assign(({ context, event }) => {
      if (event.type !== 'CHANGE_SEED') return {};
      const keepStep = context.pendingStep ?? context.trace.stepAtPosition(context.position);
      // A new seed is a new schedule: the forced decisions and the presses belonged to the old one.
      return {
        ...restart(context, { ...context.config, seed: event.seed, replayKey: undefined, ctrlCAfterSteps: undefined }),
        pendingStep: keepStep,
      };
    }),
    seek: assign(({ context, event }) => {
      if (event.type !== 'SEEK') return {};
      const position =
        event.unit === 'step' ? context.trace.positionOfStep(event.to) : clampPosition(context.trace, event.to);
      return { position, carry: 0, pendingStep: undefined };
    }),
    stepBack: assign(({ context }) => ({
      position: stepBack(context.trace, context.position),
      carry: 0,
      pendingStep: undefined,
    })),
    rewind: assign({ position: 0, carry: 0, goal: undefined, pendingStep: undefined }),
    startStep: assign({ goal: { kind: 'step' }, pendingStep: undefined }),
    startStatement: assign({ goal: { kind: 'statement' }, pendingStep: undefined }),
    startRunTo: assign(({ event }) =>
      event.type === 'RUN_TO_NEXT' ? { goal: { kind: 'run-to', of: event.kind }, pendingStep: undefined } : {},
    ),
    cancelGoal: assign({ goal: undefined, lastStop: { kind: 'pause' } }),
    clearHalt: assign({ halt: false, carry: 0 }),
    clearResume: assign({ resumeAfterLoad: false }),
    noteEnd: assign({ lastStop: { kind: 'end' } }),
    frame: assign(({ context, event }) => {
      if (event.type !== 'FRAME') return {};
      const r = advanceFrame(
        context.trace,
        context.position,
        context.carry,
        context.speed,
        event.dt,
        context.breakpoints,
      );
      if (r.hit < 0) return { position: r.position, carry: r.carry };
      const line = context.trace.lineAt(r.hit);
      return { position: r.position, carry: 0, halt: true, lastStop: { kind: 'breakpoint', line, event: r.hit } };
    }),
    setSpeed: assign(({ event }) => (event.type === 'SET_SPEED' && isSpeed(event.speed) ? { speed: event.speed } : {})),
    toggleBreakpoint: assign(({ context, event }) =>
      event.type === 'TOGGLE_BREAKPOINT' ? { breakpoints: toggled(context.breakpoints, event.line) } : {},
    ),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
    trace: input.trace,
    program: undefined,
    config: input.config ?? DEFAULT_CONFIG,
    runId: 0,
    length: 0,
    stepCount: 0,
    done: false,
    position: 0,
    speed: input.speed ?? 1,
    breakpoints: [...new Set(input.breakpoints ?? [])].sort((a, b) => a - b),
    carry: 0,
    goal: undefined,
    pendingStep: undefined,
    resumeAfterLoad: false,
    halt: false,
    lastStop: undefined,
    error: undefined,
  }),
  initial: 'idle',
  on: {
    SET_SPEED: { actions: 'setSpeed' },
    TOGGLE_BREAKPOINT: { actions: 'toggleBreakpoint' },
    LOAD: { target: '.session', reenter: true, actions: 'load' },
  },
  states: {
    idle: {},
    error: {
      on: { CHANGE_SEED: { target: 'session', actions: 'changeSeed' } },
    },
    session: {
      invoke: {
        id: 'runner',
        src: 'runner',
        input: ({ context }): RunnerInput => ({
          runId: context.runId,
          program: context.program ?? { source: '', origin: { kind: 'scratch' } },
          config: context.config,
        }),
      },
      on: {
        'RUN.PROGRESS': { guard: 'isCurrentRun', actions: 'noteProgress' },
        'RUN.DONE': { guard: 'isCurrentRun', actions: 'noteProgress' },
        'RUN.ERROR': { guard: 'isCurrentRun', target: 'error', actions: 'noteError' },
        CHANGE_SEED: { target: 'session', reenter: true, actions: 'changeSeed' },
        STOP: { guard: 'running', target: '.paused', actions: ['cancelGoal', sendTo('runner', { type: 'STOP' })] },
      },
      initial: 'loading',
      states: {
        loading: {
          always: [
            { guard: 'resumeAfterLoad', target: 'playing', actions: 'clearResume' },
            { guard: 'hasTrace', target: 'paused' },
          ],
        },
        paused: {
          always: { guard: 'atEndOfRun', target: 'finished', actions: 'noteEnd' },
          on: {
            PLAY: 'playing',
            STEP_FORWARD: { target: 'stepping', actions: 'startStep' },
            NEXT_STATEMENT: { target: 'stepping', actions: 'startStatement' },
            RUN_TO_NEXT: { target: 'stepping', actions: 'startRunTo' },
            STEP_BACK: { actions: 'stepBack' },
            SEEK: { actions: 'seek' },
            RESET: { actions: 'rewind' },
          },
        },
        playing: {
          invoke: { src: 'frameTicker' },
          always: [
            { guard: 'halted', target: 'paused', actions: 'clearHalt' },
            { guard: 'atEndOfRun', target: 'finished', actions: 'noteEnd' },
          ],
          on: {
            FRAME: { actions: 'frame' },
            PAUSE: { target: 'paused', actions: 'cancelGoal' },
            STEP_FORWARD: { target: 'stepping', actions: 'startStep' },
            NEXT_STATEMENT: { target: 'stepping', actions: 'startStatement' },
            RUN_TO_NEXT: { target: 'stepping', actions: 'startRunTo' },
            STEP_BACK: { target: 'paused', actions: 'stepBack' },
            SEEK: { actions: 'seek' },
            RESET: { target: 'paused', actions: 'rewind' },
          },
        },
        stepping: {
          entry: 'pursueGoal',
          always: [
            { guard: 'halted', target: 'paused', actions: 'clearHalt' },
            { guard: 'atEndOfRun', target: 'finished', actions: 'noteEnd' },
          ],
          on: {
            'RUN.PROGRESS': { guard: 'isCurrentRun', actions: ['noteProgress', 'pursueGoal'] },
            'RUN.DONE': { guard: 'isCurrentRun', actions: ['noteProgress', 'pursueGoal'] },
            PAUSE: { target: 'paused', actions: 'cancelGoal' },
            STEP_BACK: { target: 'paused', actions: ['cancelGoal', 'stepBack'] },
            SEEK: { target: 'paused', actions: ['cancelGoal', 'seek'] },
            RESET: { target: 'paused', actions: 'rewind' },
          },
        },
        finished: {
          on: {
            PLAY: { target: 'playing', actions: 'rewind' },
            STEP_BACK: { target: 'paused', actions: 'stepBack' },
            SEEK: { target: 'paused', actions: 'seek' },
            RESET: { target: 'paused', actions: 'rewind' },
          },
        },
      },
    },
  },
});

export type PlaybackMachine = typeof playbackMachine;
