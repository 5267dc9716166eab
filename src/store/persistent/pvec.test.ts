import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PVec } from './pvec.ts';

describe('PVec', () => {
  it('keeps old versions intact after set', () => {
    const a = PVec.empty<string>().push('x').push('y');
    const b = a.set(1, 'z');
    expect(a.slice()).toEqual(['x', 'y']);
    expect(b.slice()).toEqual(['x', 'z']);
  });

  it('grows across trie levels and supports holes', () => {
    let v = PVec.empty<number>();
    v = v.set(5, 5).set(40_000, 7);
    expect(v.size).toBe(40_001);
    expect(v.get(5)).toBe(5);
    expect(v.get(40_000)).toBe(7);
    expect(v.get(6)).toBeUndefined();
    expect(v.get(-1)).toBeUndefined();
    const seen: [number, number][] = [];
    v.forEach((value, i) => seen.push([i, value]));
    expect(seen).toEqual([
      [5, 5],
      [40_000, 7],
    ]);
  });

  it('rejects bad indices', () => {
    expect(() => PVec.empty<number>().set(-1, 1)).toThrow(RangeError);
    expect(() => PVec.empty<number>().set(1.5, 1)).toThrow(RangeError);
    expect(() => PVec.empty<number>().set(2 ** 30, 1)).toThrow(RangeError);
  });

  it('from() equals repeated push', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 3000 }), (xs) => {
        const built = PVec.from(xs);
        let pushed = PVec.empty<number>();
        for (const x of xs) pushed = pushed.push(x);
        expect(built.slice()).toEqual(xs);
        expect(pushed.slice()).toEqual(xs);
        expect(built.size).toBe(xs.length);
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('behaves like a copied array under random sets (model test)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 5000 }), fc.option(fc.integer(), { nil: undefined })), { maxLength: 200 }),
        (ops) => {
          const model = new Map<number, number>();
          let v = PVec.empty<number>();
          const versions: [PVec<number>, Map<number, number>][] = [];
          for (const [i, x] of ops) {
            v = v.set(i, x);
            if (x === undefined) model.delete(i);
            else model.set(i, x);
            versions.push([v, new Map(model)]);
          }
          for (const [version, snapshot] of versions) {
            const entries: [number, number][] = [];
            version.forEach((value, i) => entries.push([i, value]));
            expect(entries).toEqual([...snapshot.entries()].sort((a, b) => a[0] - b[0]));
          }
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it('forEachWhile visits what forEach visits, in order, until told to stop (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.integer()), { maxLength: 60 }), fc.nat(70), (ops, stop) => {
        let v = PVec.empty<number>();
        for (const [i, x] of ops) v = v.set(i, x);
        const all: [number, number][] = [];
        v.forEach((x, i) => all.push([i, x]));
        const some: [number, number][] = [];
        v.forEachWhile((x, i) => {
          some.push([i, x]);
          return some.length < stop;
        });
        expect(some).toEqual(all.slice(0, Math.max(1, stop)).slice(0, all.length));
      }),
    );
  });
});
