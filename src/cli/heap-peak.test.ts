import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { withHeapPeak } from './heap-peak.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 2 ** 20;

describe('withHeapPeak', () => {
  it('sees memory that work took and let go before it returned', () => {
    const r = withHeapPeak(() => {
      let kept: number[][] = [];
      for (let i = 0; i < 400; i++) kept.push(new Array<number>(65_536).fill(i));
      const n = kept.length;
      kept = [];
      // Collected before the work returns: only the collection's report still sees the peak.
      gc();
      return n + kept.length;
    });
    expect(r.value).toBe(400);
    expect(process.memoryUsage().heapUsed).toBeLessThan(150 * MB);
    expect(r.bytes).toBeGreaterThan(150 * MB);
  });

  it('charges little to work that allocates little', () => {
    const r = withHeapPeak(() => [1, 2, 3].map((x) => x * 2));
    expect(r.value).toEqual([2, 4, 6]);
    expect(r.bytes).toBeLessThan(16 * MB);
  });
});
