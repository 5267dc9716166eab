/**
 * Presenter mode's sync (issue 6 "Classroom"): one machine per window, in one of two roles.
 * - presenter: publishes its DeckState whenever it changes, answers every audience's hello, and
 *   repeats the state as a heartbeat so a window that missed a message catches up; it also keeps
 *   the talk's timer (running / paused / reset).
 * - audience: says hello (again every HELLO_RETRY_MS until answered), then follows: each state
 *   received is emitted as `remote.state` for the shell to apply. After SILENCE_MS with no word
 *   from the presenter it goes back to waiting, and says so.
 * All timing runs on the actor system's clock (xstate SimulatedClock in tests).
 */
import { assign, emit, fromCallback, setup } from 'xstate';
import type { SyncChannel } from './channel.ts';
import { sameDeckState, SYNC_VERSION } from './protocol.ts';
import type { DeckState, SyncMessage } from './protocol.ts';

export const HELLO_RETRY_MS = 1000;
export const HEARTBEAT_MS = 2000;
export const SILENCE_MS = 5000;
export const TIMER_TICK_MS = 1000;

export type SyncRole = 'presenter' | 'audience';

export interface SyncInput {
  readonly role: SyncRole;
  readonly channel: SyncChannel;
  /** Tells this window's messages from others' (and from its own echo, where a channel has one). */
  readonly id: string;
  readonly state?: DeckState;
}

export interface SyncContext {
  readonly role: SyncRole;
  readonly channel: SyncChannel;
  readonly id: string;
  /** presenter: the state last published; audience: the state last received. */
  readonly state: DeckState | undefined;
  /** Audience windows that said hello (presenter). */
  readonly audiences: readonly string[];
  readonly elapsedMs: number;
}

export type SyncEvent =
  | { readonly type: 'LOCAL'; readonly state: DeckState }
  | { readonly type: 'MESSAGE'; readonly message: SyncMessage }
  | { readonly type: 'TIMER.TOGGLE' }
  | { readonly type: 'TIMER.RESET' }
  | { readonly type: 'CLOSE' };

export type SyncEmitted = { readonly type: 'remote.state'; readonly state: DeckState };

const listener = fromCallback<SyncEvent, { channel: SyncChannel; id: string }>(({ input, sendBack }) =>
  input.channel.listen((message) => {
    if (message.from !== input.id) sendBack({ type: 'MESSAGE', message });
  }),
);

function post(c: SyncContext, message: SyncMessage): void {
  c.channel.post(message);
}

export const syncMachine = setup({
  types: {
    context: {} as SyncContext,
    events: {} as SyncEvent,
    input: {} as SyncInput,
    emitted: {} as SyncEmitted,
  },
  actors: { listener },
  guards: {
    isPresenter: ({ context }) => context.role === 'presenter',
    changed: ({ context, event }) => event.type === 'LOCAL' && !sameDeckState(context.state, event.state),
    isHello: ({ event }) => event.type === 'MESSAGE' && event.message.type === 'hello',
    isState: ({ event }) => event.type === 'MESSAGE' && event.message.type === 'state',
    isBye: ({ event }) => event.type === 'MESSAGE' && event.message.type === 'bye',
    isNewState: ({ context, event }) =>
      event.type === 'MESSAGE' && event.message.type === 'state' && !sameDeckState(context.state, event.message.state),
  },
  actions: {
    adopt: assign(({ event }) => (event.type === 'LOCAL' ? { state: event.state } : {})),
    publish: ({ context }) => {
      if (context.state !== undefined)
        post(context, { v: SYNC_VERSION, type: 'state', from: context.id, state: context.state });
    },
    noteAudience: assign(({ context, event }) => {
      if (event.type !== 'MESSAGE' || context.audiences.includes(event.message.from)) return {};
      return { audiences: [...context.audiences, event.message.from] };
    }),
    forgetAudience: assign(({ context, event }) =>
      event.type === 'MESSAGE' ? { audiences: context.audiences.filter((a) => a !== event.message.from) } : {},
    ),
    hello: ({ context }) => post(context, { v: SYNC_VERSION, type: 'hello', from: context.id }),
    bye: ({ context }) => post(context, { v: SYNC_VERSION, type: 'bye', from: context.id }),
    receive: assign(({ event }) =>
      event.type === 'MESSAGE' && event.message.type === 'state' ? { state: event.message.state } : {},
    ),
    apply: emit(({ event }) => {
      if (event.type !== 'MESSAGE' || event.message.type !== 'state') throw new Error('apply needs a state message');
      return { type: 'remote.state' as const, state: event.message.state };
    }),
    tick: assign(({ context }) => ({ elapsedMs: context.elapsedMs + TIMER_TICK_MS })),
    resetTimer: assign({ elapsedMs: 0 }),
  },
}).createMachine({
  id: 'presenter-sync',
  context: ({ input }) => ({
    role: input.role,
    channel: input.channel,
    id: input.id,
    state: input.state,
    audiences: [],
    elapsedMs: 0,
  }),
  invoke: { src: 'listener', input: ({ context }) => ({ channel: context.channel, id: context.id }) },
  initial: 'choosing',
  states: {
    choosing: {
      always: [{ guard: 'isPresenter', target: 'presenter' }, { target: 'audience' }],
    },
    presenter: {
      type: 'parallel',
      entry: 'publish',
      on: { CLOSE: { target: 'closed', actions: 'bye' } },
      states: {
        sync: {
          initial: 'live',
          states: {
            live: {
              after: { [HEARTBEAT_MS]: { target: 'live', reenter: true, actions: 'publish' } },
              on: {
                LOCAL: { guard: 'changed', actions: ['adopt', 'publish'] },
                MESSAGE: [
                  { guard: 'isHello', actions: ['noteAudience', 'publish'] },
                  { guard: 'isBye', actions: 'forgetAudience' },
                ],
              },
            },
          },
        },
        timer: {
          initial: 'running',
          on: { 'TIMER.RESET': { actions: 'resetTimer' } },
          states: {
            running: {
              after: { [TIMER_TICK_MS]: { target: 'running', reenter: true, actions: 'tick' } },
              on: { 'TIMER.TOGGLE': 'paused' },
            },
            paused: { on: { 'TIMER.TOGGLE': 'running' } },
          },
        },
      },
    },
    audience: {
      initial: 'waiting',
      on: { CLOSE: 'closed' },
      states: {
        waiting: {
          entry: 'hello',
          after: { [HELLO_RETRY_MS]: { target: 'waiting', reenter: true } },
          // The hello after the first state tells a presenter that opened later about this window.
          on: { MESSAGE: { guard: 'isState', target: 'following', actions: ['receive', 'apply', 'hello'] } },
        },
        following: {
          after: { [SILENCE_MS]: 'waiting' },
          on: {
            MESSAGE: [
              { guard: 'isNewState', target: 'following', reenter: true, actions: ['receive', 'apply'] },
              // A heartbeat: nothing to apply, but the presenter is still there.
              { guard: 'isState', target: 'following', reenter: true },
              { guard: 'isBye', target: 'waiting' },
            ],
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});

export type SyncMachine = typeof syncMachine;
