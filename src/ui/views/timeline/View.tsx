/** The timeline as a React component: a host element for its d3 controller. */
import { useController } from '../shared/use-controller.ts';
import type { ViewInput } from '../shared/view-input.ts';
import { createTimelineController } from './controller.ts';
import '../shared/views.css';

export interface TimelineViewProps {
  readonly input: ViewInput;
  readonly onSelectTask?: (task: number) => void;
}

export function TimelineView({ input, onSelectTask }: TimelineViewProps) {
  const ref = useController(createTimelineController, input, { onSelectTask });
  return <div ref={ref} className="tl-host tl-host-timeline" data-view="timeline" />;
}
