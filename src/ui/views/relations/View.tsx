/** The relations view as a React component: a host element for its d3 controller. */
import { useController } from '../shared/use-controller.ts';
import type { ViewInput } from '../shared/view-input.ts';
import { createRelationsController } from './controller.ts';
import '../shared/views.css';

export interface RelationsViewProps {
  readonly input: ViewInput;
  readonly onSelectTask?: (task: number) => void;
}

export function RelationsView({ input, onSelectTask }: RelationsViewProps) {
  const ref = useController(createRelationsController, input, { onSelectTask });
  return <div ref={ref} className="tl-host tl-host-relations" data-view="relations" />;
}
