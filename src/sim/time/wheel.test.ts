import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEREGISTERED, TimerEntry } from './entry.ts';
import { levelFor, MAX_DURATION, slotFor, Wheel } from './wheel.ts';

function entry(id: number, when: number): TimerEntry {
  const e = new TimerEntry(id, id);
  e.setExpiration(when);
  return e;
}

/** Drains everything due at or before `now`, returning the entries in firing order. */
function drain(w: Wheel, now: number): TimerEntry[] {
  const out: TimerEntry[] = [];
  for (let e = w.poll(now); e !== null; e = w.poll(now)) {
    e.fire(0);
    out.push(e);
  }
  return out;
}

describe('levelFor / slotFor (Tokio wheel tests)', () => {
  it('puts everything inside the first 64 ms at level 0', () => {
    for (let pos = 0; pos < 64; pos++) expect(levelFor(0, pos)).toBe(0);
  });

  it('matches test_level_for at every level boundary', () => {
    for (let level = 1; level < 5; level++) {
      for (let pos = level; pos < 64; pos++) {
        const a = pos * 64 ** level;
        expect(levelFor(0, a)).toBe(level);
        if (pos > level) expect(levelFor(0, a - 1)).toBe(level);
        expect(levelFor(0, a + 1)).toBe(level);
      }
    }
  });

  it('matches test_slot_for', () => {
    for (let pos = 0; pos < 64; pos++) expect(slotFor(pos, 0)).toBe(pos);
    for (let level = 1; level < 5; level++) {
      for (let pos = level; pos < 64; pos++) expect(slotFor(pos * 64 ** level, level)).toBe(pos);
    }
  });

  it('clamps far deadlines to the top level and handles ticks beyond 2^32', () => {
    expect(levelFor(0, MAX_DURATION)).toBe(5);
    expect(levelFor(0, 2 ** 40)).toBe(5);
    expect(levelFor(2 ** 33, 2 ** 33 + 5)).toBe(0);
    expect(levelFor(2 ** 33, 2 ** 33 + 64)).toBe(1);
  });
});

describe('Wheel', () => {
  it('refuses deadlines at or before elapsed', () => {
    const w = new Wheel();
    expect(w.insert(entry(1, 0))).toBe(false);
    expect(w.insert(entry(2, 1))).toBe(true);
  });

  it('fires entries that share a tick in registration order', () => {
    const w = new Wheel();
    const es = [1, 2, 3, 4].map((id) => entry(id, 110));
    for (const e of es) w.insert(e);
    expect(drain(w, 110).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(w.elapsed).toBe(110);
  });

  it('cascades from higher levels, keeping registration order for a shared deadline', () => {
    const w = new Wheel();
    // 5000 ms is at level 2 from elapsed 0; 4990 is at level 1.
    const far = entry(1, 5000);
    w.insert(far);
    expect(drain(w, 4990)).toEqual([]);
    // `far` was cascaded to level 1 (slot starting at 4992); `near` lands in that same slot,
    // newer, so both cascade again and fire oldest first.
    const near = entry(2, 5000);
    w.insert(near);
    expect(w.nextExpirationTime()).toBe(4992);
    expect(drain(w, 5000).map((e) => e.id)).toEqual([1, 2]);
  });

  it('removes entries from slots and from the pending list', () => {
    const w = new Wheel();
    const a = entry(1, 10);
    const b = entry(2, 10);
    w.insert(a);
    w.insert(b);
    w.remove(a);
    expect(drain(w, 10).map((e) => e.id)).toEqual([2]);
    expect(w.nextExpirationTime()).toBe(-1);
  });

  it('re-files an entry whose deadline was extended in place', () => {
    const w = new Wheel();
    const e = entry(1, 10);
    w.insert(e);
    expect(e.extendExpiration(30)).toBe(true);
    expect(drain(w, 20)).toEqual([]);
    expect(e.registeredWhen).toBe(30);
    expect(drain(w, 30).map((x) => x.id)).toEqual([1]);
    expect(e.registeredWhen).toBe(DEREGISTERED);
  });

  it('reports the next expiration as a slot start at higher levels', () => {
    const w = new Wheel();
    w.insert(entry(1, 100)); // level 1, slot 1 → starts at 64
    expect(w.nextExpirationTime()).toBe(64);
    expect(drain(w, 64)).toEqual([]);
    expect(w.nextExpirationTime()).toBe(100);
  });

  it('property: every entry fires exactly once, never early, in nondecreasing deadline order', () => {
    const arb = fc.record({
      deadlines: fc.array(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 300_000 })), {
        minLength: 1,
        maxLength: 60,
      }),
      steps: fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 20 }),
      batches: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(arb, ({ deadlines, steps, batches }) => {
        const w = new Wheel();
        const deadlineOf = new Map<TimerEntry, number>();
        const fired = new Map<TimerEntry, number>();
        let now = 0;
        let lastDeadline = -1;
        let next = 0;
        const insertSome = (k: number) => {
          for (let i = 0; i < k && next < deadlines.length; i++, next++) {
            const e = entry(next, now + deadlines[next]);
            deadlineOf.set(e, now + deadlines[next]);
            expect(w.insert(e)).toBe(true);
          }
        };
        insertSome(1 + batches[0]);
        for (let s = 0; next < deadlines.length || w.nextExpirationTime() >= 0; s++) {
          now += steps[s % steps.length] + 1;
          for (const e of drain(w, now)) {
            const d = deadlineOf.get(e) ?? -1;
            expect(d).toBeLessThanOrEqual(now);
            expect(d).toBeGreaterThanOrEqual(lastDeadline);
            lastDeadline = d;
            fired.set(e, (fired.get(e) ?? 0) + 1);
          }
          insertSome(s % 3 === 2 ? 0 : 1 + batches[(s + 1) % batches.length]);
          if (s > 100_000) throw new Error('did not drain');
        }
        expect(fired.size).toBe(deadlines.length);
        for (const n of fired.values()) expect(n).toBe(1);
      }),
      { seed: 20251014, numRuns: 300 },
    );
  });
});
