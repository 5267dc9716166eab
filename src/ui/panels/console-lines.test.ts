import { describe, expect, it } from 'vitest';
import { createLabTimeline, traceBuilder } from '../../store/index.ts';
import { consoleLinesOf } from './console-lines.ts';

function viewAfter(build: (b: ReturnType<typeof traceBuilder>) => unknown) {
  const b = traceBuilder();
  build(b);
  const t = createLabTimeline();
  t.append(b.build());
  return t.head;
}

describe('consoleLinesOf', () => {
  it('shows finished lines in write order, then the unfinished tails', () => {
    const view = viewAfter((b) => b.print('a\nb').eprint('oops\n').print('c\n'));
    const shown = consoleLinesOf(view);
    expect(shown.lines.map((l) => `${l.stream}:${l.text}`)).toEqual(['stdout:a', 'stderr:oops', 'stdout:bc']);
    expect(shown.hidden).toBe(0);
  });

  it('keeps only the last lines and counts the rest', () => {
    const view = viewAfter((b) => {
      for (let i = 0; i < 10; i++) b.print(`${i}\n`);
      b.print('tail');
    });
    const shown = consoleLinesOf(view, 4);
    expect(shown.lines.map((l) => l.text)).toEqual(['7', '8', '9', 'tail']);
    expect(shown.hidden).toBe(7);
  });

  it('keeps at most maxChars characters: whole lines from the end, then the end of one more', () => {
    const view = viewAfter((b) => {
      b.print('aaaaaaaaaa\n').print('bbbbbbbbbb\n').print('cccccccccc\n').print('dd');
    });
    const shown = consoleLinesOf(view, 1000, 15);
    expect(shown.lines.map((l) => l.text)).toEqual(['bbb', 'cccccccccc', 'dd']);
    expect(shown.hidden).toBe(1);
    expect(shown.cutChars).toBe(7);
    // Within both budgets nothing is cut.
    expect(consoleLinesOf(view, 1000, 32)).toMatchObject({ hidden: 0, cutChars: 0 });
  });
});
