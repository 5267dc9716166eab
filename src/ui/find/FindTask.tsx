/**
 * Reaches any task (issue 14, the lab at scale): the board, queues and timeline draw only a
 * window of their tasks (10,000 live tasks would be 10,000 elements), so a task counted in a
 * "+N" is found by its id here. Selecting it keeps it drawn in every view (the views always draw
 * the selected task) and opens it in the inspector.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLab } from '../lab/lab-context.tsx';
import './find-task.css';

export function FindTask() {
  const lab = useLab();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = Number(text.trim().replace(/^#/, ''));
    const s = lab.store.getState();
    if (!Number.isSafeInteger(id) || id <= 0 || s.view.tasks.get(id) === undefined) {
      setProblem(`No task ${text.trim()} at this step (${s.view.taskCount.toLocaleString('en')} spawned so far).`);
      return;
    }
    setProblem(undefined);
    s.actions.selectTask(id);
  };
  return (
    <form className="find-task" role="search" aria-label="Find a task" onSubmit={submit}>
      <label>
        <span>Task #</span>
        <input
          type="text"
          inputMode="numeric"
          size={6}
          value={text}
          aria-label="Task id"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit">Show</button>
      {problem !== undefined && (
        <span className="find-task-problem" role="status">
          {problem}
        </span>
      )}
    </form>
  );
}
