/**
 * Where the sync primitives hand values nobody will read (a oneshot value left in a dropped
 * receiver, messages in a dropped mpsc channel, a `select!` value that did not match): the
 * running world's `dropValue`, so the interpreter runs their destructors (design.md §5).
 */
import { currentContext } from '../context.ts';
import type { DropValue } from '../contracts.ts';

const ignore: DropValue = () => undefined;

/** The current runtime's value dropper; outside a runtime values are simply forgotten. */
export function currentDropValue(): DropValue {
  return currentContext()?.handle.world.dropValue ?? ignore;
}
