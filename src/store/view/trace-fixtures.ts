/**
 * Small traces several tests share (store, flow and controls), so a change to what a step records
 * is made once.
 */
import type { SimEvent } from '../../sim/index.ts';
import { traceBuilder } from './trace-builder.ts';

/** Three simulator steps (0, 1, 2): task 1 spawned and queued; polled (pending); a print. */
export function threeStepTrace(): SimEvent[] {
  return traceBuilder()
    .spawn(1)
    .push('local', 1)
    .nextStep()
    .pop('local', 1)
    .pollStart(1, 3)
    .pollEnd(1, 'pending')
    .nextStep()
    .print('two\n')
    .build();
}
