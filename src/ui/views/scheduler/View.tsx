/** The scheduler view as a React component: a host element for its d3 controller. */
import { useController } from '../shared/use-controller.ts';
import type { ViewInput } from '../shared/view-input.ts';
import { createSchedulerController } from './controller.ts';
import '../shared/views.css';

export interface SchedulerViewProps {
  readonly input: ViewInput;
  readonly onSelectTask?: (task: number) => void;
}

export function SchedulerView({ input, onSelectTask }: SchedulerViewProps) {
  const ref = useController(createSchedulerController, input, { onSelectTask });
  return <div ref={ref} className="tl-host tl-host-scheduler" data-view="scheduler" />;
}
