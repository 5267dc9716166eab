import { describe, expect, it } from 'vitest';
import { gutterKinds, missReason } from './breakpoint-gutter.ts';

describe('the breakpoint gutter', () => {
  it('marks the lines the run stops at, and judges each breakpoint against them', () => {
    const kinds = gutterKinds([3, 7, 40], new Set([3, 5]), 20);
    expect([...kinds].sort((a, b) => a[0] - b[0])).toEqual([
      [3, 'hit'],
      [5, 'stop'],
      [7, 'miss'],
    ]);
  });

  it('judges nothing before a run is known', () => {
    expect([...gutterKinds([2], undefined, 10)]).toEqual([[2, 'unknown']]);
  });

  it('says why the run never stops on a line', () => {
    expect(missReason('    // sum the parts')).toMatch(/comment/);
    expect(missReason('   ')).toMatch(/blank/);
    expect(missReason('    });')).toMatch(/closing brace/);
    expect(missReason('#[tokio::main(flavor = "current_thread")]')).toMatch(/attribute/);
    expect(missReason('async fn fetch(id: u32) -> u32 {')).toMatch(/declaration/);
    expect(missReason('pub(crate) fn area() {')).toMatch(/declaration/);
    expect(missReason('        .map(|x| x + 1)')).toMatch(/did not run|continues a statement/);
    // a statement that merely mentions a keyword is code, not a declaration
    expect(missReason('let function = 3;')).toMatch(/did not run/);
  });
});
