/**
 * The stage (issue 11): the picture column the course, the lab and the embed share. The board
 * takes the height left over; the scheduler and inspector strips size to their content and, when
 * short of room, the scheduler's picture shrinks to fit and the inspector scrolls inside itself, so nothing here ever pushes the board off screen.
 * `tl-fit-height` (board/controller.ts) makes the board fill its slot rather than grow.
 */
import type { ReactNode } from 'react';
import { CauseLayer } from './CauseLayer.tsx';
import { ViewSlot } from './view-slot.tsx';
import './stage.css';

export interface StageProps {
  /** The scheduler and inspector strips under the board (an embed at 640×360 may drop them). */
  readonly strips?: boolean;
  /** Controls beside the board's title (the lab's task finder). */
  readonly boardTools?: ReactNode;
}

export function Stage({ strips = true, boardTools }: StageProps) {
  return (
    <section className="stage tl-fit-height" data-view="stage" aria-label="Stage">
      <ViewSlot
        name="board"
        title="Tasks"
        placeholder="The lifecycle board shows every task here."
        tools={boardTools}
      />
      {strips && (
        <ViewSlot name="scheduler" title="Scheduler" placeholder="Run queues, workers and timers appear here." />
      )}
      {strips && (
        <ViewSlot
          name="inspector"
          title="Inspector"
          placeholder="Select a task to see its cell and state word."
          scrollable
        />
      )}
      <CauseLayer />
    </section>
  );
}
