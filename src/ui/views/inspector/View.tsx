/** The task inspector as a React component: a host element for its d3 controller. */
import { useController } from '../shared/use-controller.ts';
import type { ViewInput } from '../shared/view-input.ts';
import { createInspectorController } from './controller.ts';
import '../shared/views.css';

export interface InspectorViewProps {
  readonly input: ViewInput;
}

export function InspectorView({ input }: InspectorViewProps) {
  const ref = useController(createInspectorController, input, {});
  return <div ref={ref} className="tl-host tl-host-inspector" data-view="inspector" />;
}
