/**
 * The one view an embed shows (`view=`, default the board), from the lab's view registry; while a
 * view's code is absent from the build, a plain list of tasks and their lifecycle stands in.
 */
import { Suspense } from 'react';
import { selectView, taskList } from '../store/index.ts';
import type { ViewName } from '../store/index.ts';
import { useLab, useLabState } from '../ui/lab/lab-context.tsx';
import { VIEWS } from '../ui/layout/view-registry.ts';
import type { LazyView } from '../ui/layout/view-registry.ts';
import { useViewInput } from '../ui/views/shared/use-view-input.ts';

function RegisteredView({ view: View }: { view: LazyView }) {
  const lab = useLab();
  const input = useViewInput(lab.store);
  return (
    <Suspense fallback={<p className="embed-muted">Loading…</p>}>
      <View input={input} onSelectTask={(task) => lab.store.getState().actions.selectTask(task)} />
    </Suspense>
  );
}

function TaskListView() {
  const view = useLabState(selectView);
  const tasks = taskList(view);
  if (tasks.length === 0) return <p className="embed-muted">No tasks yet.</p>;
  return (
    <ul className="embed-tasks">
      {tasks.map((t) => (
        <li key={t.id}>
          task {t.id}
          {t.name === undefined ? '' : ` “${t.name}”`}: {t.lifecycle}
        </li>
      ))}
    </ul>
  );
}

export function EmbedStage({ view }: { readonly view: ViewName }) {
  const registered = VIEWS.get(view);
  return (
    // tl-fit-height (board/controller.ts FIT_HEIGHT_CLASS): the board fills the frame, no inner scroll.
    <div className="embed-stage tl-fit-height" data-view={view}>
      {registered === undefined ? <TaskListView /> : <RegisteredView view={registered} />}
    </div>
  );
}
