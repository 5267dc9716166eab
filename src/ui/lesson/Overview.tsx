/** Every slide at a glance (`o`): arrows move the selection, Enter or a click opens it. */
import { useEffect, useRef } from 'react';
import type { Lesson } from '../../lessons/types.ts';

/** A lesson of the course as the overview lists it. */
export interface CourseEntry {
  readonly id: string;
  readonly day: number;
  readonly title: string;
}

export interface OverviewProps {
  readonly lesson: Lesson;
  /** Every bundled lesson, in day order (the course's index). */
  readonly course?: readonly CourseEntry[];
  readonly selection: number;
  readonly current: number;
  readonly visited: readonly string[];
  readonly open: (index: number) => void;
}

export function Overview({ lesson, course = [], selection, current, visited, open }: OverviewProps) {
  const list = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    const el = list.current?.querySelectorAll('button')[selection];
    el?.focus({ preventScroll: false });
  }, [selection]);
  return (
    <nav className="overview" aria-label="All slides">
      <h2>All slides</h2>
      <ol ref={list}>
        {lesson.slides.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className={`overview-card${i === selection ? ' selected' : ''}`}
              aria-current={i === current ? 'page' : undefined}
              onClick={() => open(i)}
            >
              <span className="overview-number">{i + 1}</span>
              <span className="overview-title">{s.title}</span>
              <span className="overview-marks">
                {visited.includes(s.id) && <span title="seen">✓ seen</span>}
                {s.quizzes.length > 0 && <span title="has a quiz">? quiz</span>}
                {s.challenge !== undefined && <span title="the challenge">★ challenge</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {course.length > 1 && (
        <>
          <h2>The course</h2>
          <ul className="overview-course" data-testid="course-index">
            {course.map((l) => (
              <li key={l.id}>
                <a href={`?lesson=${encodeURIComponent(l.id)}`} aria-current={l.id === lesson.id ? 'page' : undefined}>
                  Day {l.day}: {l.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
