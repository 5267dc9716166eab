/**
 * Mirrors the playback actor into the lab store (the machine drives, the store shows): the
 * position (folded into the view state by the store's timeline), the playback status, why it
 * stopped (while that still holds), speed and breakpoints. Returns the unsubscribe function.
 */
import type { Actor, SnapshotFrom } from 'xstate';
import { sameStopNote } from '../store/index.ts';
import type { LabStore, PlaybackStatus } from '../store/index.ts';
import type { PlaybackMachine } from './playback.ts';
import { stopNoteOf } from './stop-note.ts';

export type PlaybackActor = Actor<PlaybackMachine>;
export type PlaybackSnapshot = SnapshotFrom<PlaybackMachine>;

/** The machine's state as one word. */
export function playbackStatusOf(snapshot: PlaybackSnapshot): PlaybackStatus {
  const v = snapshot.value;
  return typeof v === 'string' ? v : v.session;
}

export function bindPlaybackToStore(actor: PlaybackActor, store: LabStore): () => void {
  const sync = (snapshot: PlaybackSnapshot) => {
    const s = store.getState();
    const { position, speed, breakpoints } = snapshot.context;
    if (s.position !== position || s.view.events !== position) s.actions.seek(position);
    const status = playbackStatusOf(snapshot);
    if (s.playback !== status) s.actions.setPlayback(status);
    const note = stopNoteOf(snapshot.context, status);
    if (!sameStopNote(s.stopNote, note)) s.actions.setStopNote(note);
    if (s.speed !== speed) s.actions.setSpeed(speed);
    if (s.breakpoints !== breakpoints && s.breakpoints.join() !== breakpoints.join()) {
      s.actions.setBreakpoints(breakpoints);
    }
  };
  sync(actor.getSnapshot());
  const sub = actor.subscribe(sync);
  return () => sub.unsubscribe();
}
