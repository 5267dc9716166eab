/** The lifecycle board as a React component: a host element for its d3 controller. */
import { useController } from '../shared/use-controller.ts';
import type { ViewInput } from '../shared/view-input.ts';
import { createBoardController } from './controller.ts';
import '../shared/views.css';

export interface BoardViewProps {
  readonly input: ViewInput;
  readonly onSelectTask?: (task: number) => void;
}

export function BoardView({ input, onSelectTask }: BoardViewProps) {
  const ref = useController(createBoardController, input, { onSelectTask });
  return <div ref={ref} className="tl-host tl-host-board" data-view="board" />;
}
