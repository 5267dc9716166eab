/**
 * "You are the scheduler" (issue 16): the toggle in the lab bar, and the picker that appears when
 * the lab stops at a decision. Options are buttons named as the board names things; the number
 * keys pick (src/ui/shortcuts), arrows move between them and Enter takes the focused one.
 */
import './explore.css';
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useLab } from '../lab/lab-context.tsx';
import { useExplore, useSchedule } from './use-explore.ts';

const QUESTIONS: Readonly<Record<string, string>> = {
  'mt.turn': 'Which thread acts next?',
  'mt.steal_victim': 'Where does the idle worker start stealing?',
  'select.start': 'Which select! branch is polled first?',
  'mt.shutdown_shard': 'Which shard does shutdown start at?',
  'watch.notify_slot': 'Which Notify slot does the receiver wait on?',
  'ct.blocking_first': 'Who goes first?',
  'ct.blocking_at_park': 'Does the blocking thread finish now?',
  'net.fault': 'Does this connection fail, and how?',
};

export function SchedulerToggle() {
  const lab = useLab();
  const on = useSchedule((s) => s.scheduler);
  return (
    <button
      type="button"
      className="scheduler-toggle"
      aria-pressed={on}
      aria-label="You are the scheduler"
      data-testid="scheduler-toggle"
      title="You are the scheduler: the lab stops at every choice Tokio makes and lets you pick (Y)"
      onClick={() => lab.schedule.getState().actions.setScheduler(!on)}
    >
      <span aria-hidden="true">{on ? '◉' : '○'}</span>
      <span className="bar-label"> Pick</span>
    </button>
  );
}

export function ExploreToggle() {
  const lab = useLab();
  const open = useExplore((s) => s.panelOpen);
  const toggle = () => lab.explore.getState().actions.setPanelOpen(!open);
  return (
    <button
      type="button"
      className="explore-toggle"
      aria-expanded={open}
      aria-label="Explore schedules"
      data-testid="explore-toggle"
      title="Explore schedules (X)"
      onClick={toggle}
    >
      <span aria-hidden="true">⇉</span>
      <span className="bar-label"> Explore</span>
    </button>
  );
}

export function ChoicePicker() {
  const lab = useLab();
  const pending = useSchedule((s) => s.pending);
  const list = useRef<HTMLDivElement>(null);
  if (pending === undefined) return null;
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const d =
      e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (d === 0) return;
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.findIndex((b) => b === document.activeElement);
    buttons[(at + d + buttons.length) % buttons.length]?.focus();
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    // A new question is a new picker: it mounts with the focus on the option the run would take.
    <section
      key={`${pending.event}:${pending.decision}`}
      className="choice-picker"
      aria-labelledby="choice-question"
      data-testid="choice-picker"
    >
      <h2 id="choice-question">
        You are the scheduler: {QUESTIONS[pending.point] ?? 'Which option?'}{' '}
        <span className="choice-decision">decision {pending.decision + 1}</span>
      </h2>
      <div className="choice-options" role="group" aria-label="Options" ref={list} onKeyDown={move}>
        {pending.labels.map((label, k) => (
          <button
            key={k}
            type="button"
            data-testid="choice-option"
            className={k === pending.taken ? 'choice-option drawn' : 'choice-option'}
            autoFocus={k === pending.taken}
            onClick={() => lab.driver.pick(k)}
          >
            <kbd>{k + 1}</kbd> {label}
            {k === pending.taken && <span className="choice-drawn"> (the seed's pick)</span>}
          </button>
        ))}
      </div>
    </section>
  );
}
