/**
 * Words for the decisions Tokio makes by randomness or timing (src/sim/choice.ts): a short label
 * per option (what the "you are the scheduler" picker shows) and one sentence per choice event
 * (the narration's second line). Options are named the way the board names things: workers by
 * number, `select!` branches by their place in the source.
 */
import type { SimEvent } from '../../sim/index.ts';

export type ChoiceEvent = Extract<SimEvent, { type: 'choice' }>;

/** The option `id` of a decision at `point`, as a short label ("worker 1", "branch 2"). */
export function optionLabel(point: string, id: number): string {
  switch (point) {
    case 'mt.turn':
      return id === 0 ? "block_on's thread" : id === 1 ? 'a blocking-pool thread' : `worker ${id - 2}`;
    case 'mt.steal_victim':
      return `from worker ${id}`;
    case 'select.start':
      return `branch ${id + 1}`;
    case 'mt.shutdown_shard':
      return `shard ${id}`;
    case 'watch.notify_slot':
      return `slot ${id}`;
    case 'ct.blocking_first':
      return id === 1 ? 'the blocking thread first' : 'the scheduler first';
    case 'ct.blocking_at_park':
      return id === 1 ? 'the blocking thread later' : 'the blocking thread now';
    case 'net.fault':
      return ['no fault', 'a reset', 'a refused connect', 'a slow peer'][id] ?? `option ${id + 1}`;
    default:
      return `option ${id + 1}`;
  }
}

/** Every option of a choice event, labelled, in option order. */
export function optionLabels(e: ChoiceEvent): string[] {
  return Array.from({ length: e.options }, (_, k) => optionLabel(e.point, e.ids[k] ?? k));
}

/** What the decision is about, as the start of a sentence. */
const QUESTION: Readonly<Record<string, string>> = {
  'mt.turn': 'Which thread acts next is up to the operating system',
  'mt.steal_victim': 'A worker with nothing to do steals, starting at a random worker',
  'select.start': 'select! polls its branches starting at a random one',
  'mt.shutdown_shard': 'Shutdown closes the owned tasks starting at a random shard',
  'watch.notify_slot': 'A watch receiver waits on a randomly picked Notify slot',
  'ct.blocking_first': 'A blocking-pool thread and the scheduler race',
  'net.fault': 'The seeded fault plan decides whether this connection fails, and how',
  'ct.blocking_at_park': 'A blocking-pool thread races the parking scheduler',
};

/** One sentence for a choice: what was decided, what was taken, what else could have been. */
export function choiceSentence(e: ChoiceEvent): string {
  const labels = optionLabels(e);
  const taken = labels[e.taken] ?? `option ${e.taken + 1}`;
  const others = labels.filter((_, k) => k !== e.taken);
  const question = QUESTION[e.point] ?? `Tokio decides ${e.point}`;
  const alt = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} or ${others[others.length - 1]}`;
  return `${question}: here ${taken} (it could have been ${alt})`;
}

/** The sentence for where an explored run parted from the most common one. */
export function partedSentence(e: ChoiceEvent, mainTook: number | undefined): string {
  const labels = optionLabels(e);
  const taken = labels[e.taken] ?? `option ${e.taken + 1}`;
  const instead = mainTook === undefined ? undefined : labels[mainTook];
  const question = QUESTION[e.point] ?? `Tokio decides ${e.point}`;
  return instead === undefined || mainTook === e.taken
    ? `Here this run parts from the most common one. ${question}: here ${taken}`
    : `Here this run parts from the most common one. ${question}: here ${taken} instead of ${instead}`;
}
