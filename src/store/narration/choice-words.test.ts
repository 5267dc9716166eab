import { describe, expect, it } from 'vitest';
import { choiceSentence, optionLabels, partedSentence, type ChoiceEvent } from './choice-words.ts';

const at = (point: string, options: number, taken: number, ids?: number[]): ChoiceEvent => ({
  index: 0,
  step: 1,
  time: 0,
  task: 0,
  type: 'choice',
  point,
  options,
  taken,
  ids: ids ?? Array.from({ length: options }, (_, i) => i),
});

// Every point src/sim/choice.ts names (CHOICE_POINT_NAMES); the store may not import the simulator.
const POINTS = [
  'mt.turn',
  'mt.steal_victim',
  'select.start',
  'mt.shutdown_shard',
  'watch.notify_slot',
  'ct.blocking_first',
  'ct.blocking_at_park',
];

describe('choice words', () => {
  it('names the options of a turn by thread, as the board does', () => {
    const e = at('mt.turn', 3, 2, [0, 2, 3]);
    expect(optionLabels(e)).toEqual(["block_on's thread", 'worker 0', 'worker 1']);
    expect(choiceSentence(e)).toBe(
      "Which thread acts next is up to the operating system: here worker 1 (it could have been block_on's thread or worker 0)",
    );
  });

  it('has a sentence of its own for every choice point', () => {
    const seen = new Set<string>();
    for (const name of POINTS) {
      const s = choiceSentence(at(name, 2, 1));
      expect(s).not.toMatch(/Tokio decides|option \d/);
      seen.add(s.split(':')[0] ?? '');
    }
    expect(seen.size).toBe(POINTS.length);
    expect(choiceSentence(at('select.start', 2, 1))).toBe(
      'select! polls its branches starting at a random one: here branch 2 (it could have been branch 1)',
    );
  });

  it('says what the most common run took where a run parts from it', () => {
    expect(partedSentence(at('mt.turn', 2, 1, [2, 3]), 0)).toBe(
      'Here this run parts from the most common one. Which thread acts next is up to the operating system: here worker 1 instead of worker 0',
    );
  });
});
