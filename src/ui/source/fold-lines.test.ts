import { describe, expect, it } from 'vitest';
import { foldRanges, linesRun, spanAt } from './fold-lines.ts';

const SOURCE = [
  'use std::time::Duration;', // 1
  'use tokio::time::sleep;', // 2
  '// a long comment', // 3
  '// that says little', // 4
  '', // 5
  '#[tokio::main(flavor = "current_thread")]', // 6
  'async fn main() {', // 7
  '    let a = 1;', // 8
  '    let b = 2;', // 9
  '    let c = 3;', // 10
  '    let d = 4;', // 11
  '    println!("{}", a + b + c + d);', // 12
  '}', // 13
  '', // 14
  'fn unused() {', // 15
  '    let x = 1;', // 16
  '    let y = 2;', // 17
  '    let z = 3;', // 18
  '}', // 19
].join('\n');

describe('folding to the lines that matter', () => {
  it('keeps what ran, the structure and a line of context; folds the rest', () => {
    const spans = foldRanges(SOURCE, [12]);
    // The preamble up to the blank line, the lines between the signature and the kept line,
    // and the unused function's body.
    expect(spans).toEqual([
      { from: 1, to: 4 },
      { from: 8, to: 10 },
      { from: 16, to: 19 },
    ]);
  });

  it('folds nothing shorter than a fold row is worth', () => {
    expect(foldRanges(SOURCE, [9, 12])).toEqual([
      { from: 1, to: 4 },
      { from: 16, to: 19 },
    ]);
  });

  it('finds the span holding a line', () => {
    const spans = foldRanges(SOURCE, [12]);
    expect(spanAt(spans, 9)).toEqual({ from: 8, to: 10 });
    expect(spanAt(spans, 12)).toBeUndefined();
  });

  it("reads the run's lines from its events", () => {
    const events = [
      { type: 'task.spawned', line: 8 },
      { type: 'poll.start', line: 9 },
      { type: 'statement', line: 12 },
      { type: 'queue.push' },
    ];
    expect(linesRun({ length: events.length, eventAt: (i) => events[i] })).toEqual(new Set([8, 9, 12]));
  });
});
