/** A region of the lab screen hosting one animated view, or a labelled placeholder. */
import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { useLab } from '../lab/lab-context.tsx';
import { useViewInput } from '../views/shared/use-view-input.ts';
import { VIEWS } from './view-registry.ts';
import type { LazyView } from './view-registry.ts';

function LoadedView({ view: View, name }: { view: LazyView; name: string }) {
  const lab = useLab();
  const input = useViewInput(lab.store);
  return (
    <Suspense fallback={<p className="muted">Loading the {name} view…</p>}>
      <View input={input} onSelectTask={(task) => lab.store.getState().actions.selectTask(task)} />
    </Suspense>
  );
}

export interface ViewSlotProps {
  readonly name: string;
  readonly title: string;
  /** What the region will show, for the placeholder while its view is not built. */
  readonly placeholder: string;
  /** The region may scroll inside itself (a stage strip): it takes the keyboard focus to scroll. */
  readonly scrollable?: boolean;
  /** Controls beside the region's title (the lab's task finder). */
  readonly tools?: ReactNode;
}

export function ViewSlot({ name, title, placeholder, scrollable = false, tools }: ViewSlotProps) {
  const id = `region-${name}-title`;
  const view = VIEWS.get(name);
  return (
    <section
      className={`region region-${name}`}
      aria-labelledby={id}
      data-region={name}
      tabIndex={scrollable ? 0 : undefined}
    >
      {tools === undefined ? (
        <h2 id={id}>{title}</h2>
      ) : (
        <div className="region-title-row">
          <h2 id={id}>{title}</h2>
          {tools}
        </div>
      )}
      {view !== undefined ? <LoadedView view={view} name={name} /> : <p className="muted placeholder">{placeholder}</p>}
    </section>
  );
}
