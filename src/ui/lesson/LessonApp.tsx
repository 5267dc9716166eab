/**
 * The course mode's entry (mounted by src/ui/Root.tsx for `?lesson=…` and for the bare URL):
 * loads the bundled lessons, opens the one the URL names (or the first), and says plainly when
 * a lesson does not exist or did not validate.
 */
import { useEffect, useState } from 'react';
import { loadBundledLessons } from '../../lessons/loader.ts';
import type { LoadedLessons } from '../../lessons/loader.ts';
import { formatDiagnostic } from '../../lessons/validate.ts';
import { Deck } from './Deck.tsx';
import { readDeckUrl } from './deck-url.ts';

export function LessonApp() {
  const [loaded, setLoaded] = useState<LoadedLessons | undefined>(undefined);
  const [url] = useState(() => readDeckUrl(location.search));
  useEffect(() => {
    let live = true;
    void loadBundledLessons().then((l) => {
      if (live) setLoaded(l);
    });
    return () => {
      live = false;
    };
  }, []);
  if (loaded === undefined) return <p className="loading">Loading the lesson…</p>;
  const lesson = url.lesson === undefined ? loaded.lessons[0] : loaded.lessons.find((l) => l.id === url.lesson);
  if (lesson === undefined) {
    return (
      <main className="lesson-missing">
        <h1>Task Lab</h1>
        <p>
          {url.lesson === undefined ? 'No lesson is bundled.' : `There is no lesson called “${url.lesson}”.`} Lessons:
        </p>
        <ul>
          {loaded.lessons.map((l) => (
            <li key={l.id}>
              <a href={`?lesson=${encodeURIComponent(l.id)}`}>
                Day {l.meta.day}: {l.meta.title}
              </a>
            </li>
          ))}
        </ul>
        {loaded.diagnostics.length > 0 && (
          <pre className="diagnostics">{loaded.diagnostics.map(formatDiagnostic).join('\n')}</pre>
        )}
      </main>
    );
  }
  const course = loaded.lessons.map((l) => ({ id: l.id, day: l.meta.day, title: l.meta.title }));
  return <Deck key={lesson.id} lesson={lesson} url={url} course={course} />;
}

export default LessonApp;
