/** `--events`: the narration of every step (the same sentences the lab's Narration view shows). */
import type { SimEvent, TraceRecorder } from '../sim/index.ts';
import { narrateStep } from '../store/narration/index.ts';
import { socketLabel } from '../store/view/reduce-io.ts';

export function* narrateTrace(trace: TraceRecorder): Generator<string> {
  let flavor: 'current_thread' | 'multi_thread' = 'current_thread';
  let step: SimEvent[] = [];
  let stepNo = -1;
  const names = new Map<number, string>();
  const taskName = (id: number): string | undefined => names.get(id);
  const sockets = new Map<number, string>();
  const socketName = (id: number): string | undefined => sockets.get(id);
  const flush = function* (): Generator<string> {
    if (step.length === 0) return;
    const t = (step[0]?.time ?? 0) / 1e6;
    yield `[step ${stepNo} · ${t}ms] ${narrateStep(step, { flavor, taskName, socketName })}`;
  };
  for (const e of trace.events()) {
    if (e.type === 'runtime.created') flavor = e.flavor;
    if (e.type === 'task.spawned' && e.name !== undefined) names.set(e.task, e.name);
    if (e.type === 'io.register') sockets.set(e.socket, socketLabel(e));
    if (e.step !== stepNo) {
      yield* flush();
      step = [];
      stepNo = e.step;
    }
    step.push(e);
  }
  yield* flush();
}
