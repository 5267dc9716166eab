/** A region of the lab screen hosting one animated view, or a labelled placeholder. */
import { memo, Suspense, useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useLab } from '../lab/lab-context.tsx';
import { useViewInput } from '../views/shared/use-view-input.ts';
import { VIEWS } from './view-registry.ts';
import type { LazyView } from './view-registry.ts';
import type { ViewInput } from '../views/shared/view-input.ts';

/** Whether `ref`'s element is on screen (or near it); true until the observer first says. */
function useOnScreen(ref: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || el === null || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)), {
      rootMargin: '0px',
    });
    observer.observe(el);
    // A printed page shows every view as it is now.
    const print = (): void => setOnScreen(true);
    window.addEventListener('beforeprint', print);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, [ref, enabled]);
  return onScreen || !enabled;
}

interface ViewHostProps {
  readonly View: LazyView;
  readonly input: ViewInput;
  /** False: keep drawing the input last drawn (the region is off screen). */
  readonly live: boolean;
  readonly onSelectTask: (task: number) => void;
}

/** Renders the view again only when live and its input changed (the callback only reaches the store). */
const ViewHost = memo(
  function ViewHost({ View, input, onSelectTask }: ViewHostProps) {
    return <View input={input} onSelectTask={onSelectTask} />;
  },
  (before, after) => !after.live || (before.input === after.input && before.View === after.View),
);

function LoadedView({
  view: View,
  name,
  region,
  idleOffScreen,
}: {
  view: LazyView;
  name: string;
  region: RefObject<HTMLElement | null>;
  idleOffScreen: boolean;
}) {
  const lab = useLab();
  const input = useViewInput(lab.store);
  // Off screen the view keeps the input it last drew and catches up when scrolled to: with 10,000
  // tasks the timeline's update alone is several ms of every seek and frame (issue 15).
  const onScreen = useOnScreen(region, idleOffScreen);
  return (
    <Suspense fallback={<p className="muted">Loading the {name} view…</p>}>
      <ViewHost
        View={View}
        input={input}
        live={onScreen}
        onSelectTask={(task) => lab.store.getState().actions.selectTask(task)}
      />
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
  /** The view is not updated while its region is off screen (the views under the lab's fold). */
  readonly idleOffScreen?: boolean;
}

export function ViewSlot({
  name,
  title,
  placeholder,
  scrollable = false,
  tools,
  idleOffScreen = false,
}: ViewSlotProps) {
  const id = `region-${name}-title`;
  const view = VIEWS.get(name);
  const region = useRef<HTMLElement | null>(null);
  return (
    <section
      ref={region}
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
      {view !== undefined ? (
        <LoadedView view={view} name={name} region={region} idleOffScreen={idleOffScreen} />
      ) : (
        <p className="muted placeholder">{placeholder}</p>
      )}
    </section>
  );
}
