/**
 * Keeps the address bar on the place shown: lesson, slide, seed (when not the slide's own) and
 * step (while paused; a playing lab would flood the history API), plus the window's role.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { writeDeckUrl } from './deck-url.ts';
import type { LessonSession } from './lesson-session.ts';

export function useDeckUrl(session: LessonSession, index: number, projector: boolean): void {
  const seed = useStore(session.lab.store, (s) => s.config.seed);
  const step = useStore(session.lab.store, (s) => s.stepPosition);
  const playing = useStore(session.lab.store, (s) => s.playback === 'playing' || s.playback === 'loading');
  const check = useSyncExternalStore(session.subscribe, () => session.current?.check ?? false);
  useEffect(() => {
    if (playing) return;
    const search = writeDeckUrl(location.search, {
      lesson: session.lesson.id,
      slide: index + 1,
      seed: seed === session.defaultSeed(index) && !check ? undefined : seed,
      step,
      role: session.role,
      projector,
      check,
    });
    if (search !== location.search) history.replaceState(history.state, '', search + location.hash);
  }, [session, index, seed, step, playing, projector, check]);
}
