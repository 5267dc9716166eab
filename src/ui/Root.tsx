/**
 * Chooses the app's mode from the URL (mode.ts). Each mode loads lazily so a visitor downloads only
 * what the mode they opened needs.
 */
import { lazy, Suspense } from 'react';
import { App } from './App.tsx';
import { modeOf } from './mode.ts';

const LessonApp = lazy(() => import('./lesson/LessonApp.tsx'));
const EmbedApp = lazy(() => import('../embed/EmbedApp.tsx'));

export function Root({ search }: { search: string }) {
  const mode = modeOf(search);
  return (
    <Suspense fallback={<p className="loading">Loading Task Lab…</p>}>
      {mode === 'embed' ? <EmbedApp /> : mode === 'lab' ? <App /> : <LessonApp />}
    </Suspense>
  );
}
