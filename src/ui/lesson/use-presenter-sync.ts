/**
 * Connects this window to the presenter channel of its lesson (src/flow/presenter): a presenter
 * publishes what it shows whenever the lab or the deck changes; an audience follows what it
 * receives. Solo windows open no channel. The sync actor lives in a small external store, so
 * React reads it with useSyncExternalStore.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createActor } from 'xstate';
import type { Actor } from 'xstate';
import { broadcastChannel } from '../../flow/presenter/channel.ts';
import { channelName } from '../../flow/presenter/protocol.ts';
import { syncMachine } from '../../flow/presenter/sync-machine.ts';
import type { SyncMachine } from '../../flow/presenter/sync-machine.ts';
import type { WindowRole } from './deck-url.ts';
import type { LessonSession } from './lesson-session.ts';

export type SyncActor = Actor<SyncMachine>;

function windowId(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

class SyncSlot {
  actor: SyncActor | undefined;
  private readonly listeners = new Set<() => void>();
  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  readonly get = (): SyncActor | undefined => this.actor;
  set(actor: SyncActor | undefined): void {
    this.actor = actor;
    for (const l of this.listeners) l();
  }
}

/** Opens the channel for `role` and returns the function that closes it. */
export function connectSync(session: LessonSession, role: 'presenter' | 'audience', slot: SyncSlot): () => void {
  const channel = broadcastChannel(channelName(session.lesson.id));
  const a = createActor(syncMachine, { input: { role, channel, id: windowId(), state: session.deckState() } });
  const stops: (() => void)[] = [];
  if (role === 'audience') {
    const sub = a.on('remote.state', (e) => session.follow(e.state));
    stops.push(() => sub.unsubscribe());
  } else {
    const publish = () => a.send({ type: 'LOCAL', state: session.deckState() });
    stops.push(session.lab.store.subscribe(publish));
    const sub = session.actor.subscribe(publish);
    stops.push(() => sub.unsubscribe());
  }
  a.start();
  slot.set(a);
  const bye = () => a.send({ type: 'CLOSE' });
  window.addEventListener('pagehide', bye);
  return () => {
    window.removeEventListener('pagehide', bye);
    for (const s of stops) s();
    a.send({ type: 'CLOSE' });
    a.stop();
    channel.close();
    slot.set(undefined);
  };
}

export function usePresenterSync(session: LessonSession, role: WindowRole): SyncActor | undefined {
  const [slot] = useState(() => new SyncSlot());
  useEffect(() => {
    if (role === 'solo' || typeof BroadcastChannel === 'undefined') return undefined;
    return connectSync(session, role, slot);
  }, [session, role, slot]);
  return useSyncExternalStore(slot.subscribe, slot.get);
}
