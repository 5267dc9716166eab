import { describe, expect, it } from 'vitest';
import { foldRanges, innermostBlocks, linesRun, spanAt } from './fold-lines.ts';

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
  it('keeps the block of each line that ran, the structure and context; folds the rest', () => {
    // Line 12 ran, so all of main's body did: the preamble and the unused body fold.
    expect(foldRanges(SOURCE, [12])).toEqual([
      { from: 1, to: 4 },
      { from: 16, to: 19 },
    ]);
  });

  it('folds nothing shorter than a fold row is worth', () => {
    const short = ['fn a() {', '    let x = 1;', '}', 'fn b() {', '    1;', '}'].join('\n');
    expect(foldRanges(short, [2])).toEqual([]);
    expect(foldRanges(short, [])).toEqual([]);
  });

  it('keeps only the inner block when a line inside a nested block ran', () => {
    const nested = [
      'fn main() {', // 1
      '    let a = 1;', // 2
      '    let b = 2;', // 3
      '    let c = 3;', // 4
      '    let d = 4;', // 5
      '    spawn(async move {', // 6
      '        work("}");', // 7 (a brace in a string does not count)
      '    });', // 8
      '}', // 9
    ].join('\n');
    expect(innermostBlocks(nested.split('\n'))[7]).toEqual([6, 8]);
    expect(foldRanges(nested, [7])).toEqual([{ from: 2, to: 4 }]);
  });

  it('finds the span holding a line', () => {
    const spans = foldRanges(SOURCE, [12]);
    expect(spanAt(spans, 17)).toEqual({ from: 16, to: 19 });
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
