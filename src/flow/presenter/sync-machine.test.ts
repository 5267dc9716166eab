import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { memoryHub } from './channel.ts';
import { isSyncMessage, SYNC_VERSION } from './protocol.ts';
import type { DeckState } from './protocol.ts';
import { HEARTBEAT_MS, HELLO_RETRY_MS, SILENCE_MS, syncMachine, TIMER_TICK_MS } from './sync-machine.ts';
import type { SyncEmitted, SyncRole } from './sync-machine.ts';

/** SimulatedClock schedules a re-armed timer from the new now, so advance in small steps. */
function advance(clock: SimulatedClock, ms: number): void {
  for (let t = 0; t < ms; t += 100) clock.increment(100);
}

const S1: DeckState = { lesson: 'day06', slide: 1, seed: 1, step: 0, playing: false, mode: 'slide' };

function windowOn(hub: ReturnType<typeof memoryHub>, clock: SimulatedClock, role: SyncRole, id: string) {
  const applied: DeckState[] = [];
  const actor = createActor(syncMachine, {
    input: { role, channel: hub.join(), id, ...(role === 'presenter' ? { state: S1 } : {}) },
    clock,
  });
  actor.on('remote.state', (e: SyncEmitted) => applied.push(e.state));
  actor.start();
  return { actor, applied, value: () => actor.getSnapshot().value, ctx: () => actor.getSnapshot().context };
}

describe('presenter sync', () => {
  it('an audience that opens after the presenter catches up through its hello', () => {
    const hub = memoryHub();
    const clock = new SimulatedClock();
    const presenter = windowOn(hub, clock, 'presenter', 'P');
    const audience = windowOn(hub, clock, 'audience', 'A');
    expect(audience.applied).toEqual([S1]);
    expect(audience.value()).toEqual({ audience: 'following' });
    expect(presenter.ctx().audiences).toEqual(['A']);
  });

  it('an audience that opens first keeps saying hello until a presenter answers', () => {
    const hub = memoryHub();
    const clock = new SimulatedClock();
    const audience = windowOn(hub, clock, 'audience', 'A');
    advance(clock, HELLO_RETRY_MS * 3);
    expect(hub.log.filter((m) => m.type === 'hello')).toHaveLength(4);
    expect(audience.value()).toEqual({ audience: 'waiting' });
    const presenter = windowOn(hub, clock, 'presenter', 'P');
    expect(audience.applied).toEqual([S1]);
    expect(presenter.ctx().audiences).toEqual(['A']);
    expect(presenter.ctx().audiences).toEqual(['A']);
  });

  it('slide, seed, step and play state follow the presenter; repeats are not re-applied', () => {
    const hub = memoryHub();
    const clock = new SimulatedClock();
    const presenter = windowOn(hub, clock, 'presenter', 'P');
    const audience = windowOn(hub, clock, 'audience', 'A');
    const s2 = { ...S1, slide: 7, seed: 42, step: 13, playing: true };
    presenter.actor.send({ type: 'LOCAL', state: s2 });
    presenter.actor.send({ type: 'LOCAL', state: { ...s2 } });
    presenter.actor.send({ type: 'LOCAL', state: { ...s2, mode: 'blank' } });
    expect(audience.applied).toEqual([S1, s2, { ...s2, mode: 'blank' }]);
    advance(clock, HEARTBEAT_MS * 2);
    expect(audience.applied).toHaveLength(3);
    expect(audience.value()).toEqual({ audience: 'following' });
  });

  it('the audience notices a silent presenter, and a closing one', () => {
    const hub = memoryHub();
    const clock = new SimulatedClock();
    const presenter = windowOn(hub, clock, 'presenter', 'P');
    const audience = windowOn(hub, clock, 'audience', 'A');
    presenter.actor.send({ type: 'CLOSE' });
    expect(audience.value()).toEqual({ audience: 'waiting' });
    const other = new SimulatedClock();
    const hub2 = memoryHub();
    windowOn(hub2, other, 'presenter', 'P').actor.stop();
    const lonely = windowOn(hub2, other, 'audience', 'A');
    expect(lonely.value()).toEqual({ audience: 'waiting' });
    const hub3 = memoryHub();
    const c3 = new SimulatedClock();
    const p3 = windowOn(hub3, c3, 'presenter', 'P');
    const a3 = windowOn(hub3, c3, 'audience', 'A');
    p3.actor.stop(); // a crashed window sends no bye
    advance(c3, SILENCE_MS);
    expect(a3.value()).toEqual({ audience: 'waiting' });
  });

  it('keeps the talk timer: runs, pauses, resets', () => {
    const hub = memoryHub();
    const clock = new SimulatedClock();
    const p = windowOn(hub, clock, 'presenter', 'P');
    advance(clock, TIMER_TICK_MS * 5);
    expect(p.ctx().elapsedMs).toBe(5000);
    p.actor.send({ type: 'TIMER.TOGGLE' });
    advance(clock, TIMER_TICK_MS * 5);
    expect(p.ctx().elapsedMs).toBe(5000);
    p.actor.send({ type: 'TIMER.TOGGLE' });
    advance(clock, TIMER_TICK_MS);
    p.actor.send({ type: 'TIMER.RESET' });
    expect(p.ctx().elapsedMs).toBe(0);
  });

  it('rejects malformed and foreign-version messages', () => {
    expect(isSyncMessage({ v: SYNC_VERSION, type: 'state', from: 'x', state: { ...S1, slide: 0 } })).toBe(false);
    expect(isSyncMessage({ v: 99, type: 'hello', from: 'x' })).toBe(false);
    expect(isSyncMessage({ v: SYNC_VERSION, type: 'state', from: 'x', state: { ...S1, mode: 'party' } })).toBe(false);
    expect(isSyncMessage({ v: SYNC_VERSION, type: 'state', from: 'x', state: S1 })).toBe(true);
  });
});
