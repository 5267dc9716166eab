import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppStorage } from './app-storage.ts';
import { LEGACY_PROGRESS_BACKUP_KEY, PROGRESS_KEY, SET_ASIDE_PREFIX } from './keys.ts';
import { MemoryStorage } from './kv.ts';
import { PROGRESS_SPEC, ProgressBook, readLessonProgress } from './progress.ts';
import { decodeRecord } from './record.ts';

const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });

describe('progress storage', () => {
  it('round-trips slide, visits, answers, code and the challenge through storage', () => {
    const kv = new MemoryStorage();
    const book = new ProgressBook(new AppStorage(kv));
    book.visit('day06', 3, 'cut-off');
    book.visit('day06', 4, 'panic');
    book.visit('day06', 3, 'cut-off');
    book.saveCode('day06', 'challenge', 'fn main() { /* mine */ }');
    book.saveAnswer('day06', 'detached#0', { response: { choice: 1 }, grade: { correct: true, expected: 'x' } });
    book.saveChallenge('day06', { passed: false, seeds: 4, seedsPassed: 2 });
    const again = new ProgressBook(new AppStorage(kv)).lesson('day06');
    expect(again).toEqual({
      slide: 3,
      visited: ['cut-off', 'panic'],
      code: { challenge: 'fn main() { /* mine */ }' },
      answers: { 'detached#0': { response: { choice: 1 }, grade: { correct: true, expected: 'x' } } },
      challenge: { passed: false, seeds: 4, seedsPassed: 2 },
    });
    expect(JSON.parse(kv.getItem(PROGRESS_KEY) ?? '{}')).toMatchObject({ version: 1 });
  });

  it('resetting code removes it', () => {
    const book = new ProgressBook(new AppStorage(new MemoryStorage()));
    book.saveCode('l', 's', 'x');
    expect(book.saveCode('l', 's', undefined).code).toEqual({});
  });

  it('sets damaged JSON aside (not deleted, not overwritten by later saves) and starts fresh', () => {
    const damaged = '{"version":1,"lessons":{"day06":{"code":{"challenge":"my co';
    const kv = new MemoryStorage({ [PROGRESS_KEY]: damaged });
    const storage = new AppStorage(kv);
    const book = new ProgressBook(storage);
    expect(book.lesson('day06').code).toEqual({});
    expect(storage.status.getState().problems.join(' ')).toMatch(/not readable JSON/);
    book.saveCode('day06', 'challenge', 'new');
    const aside = storage.status.getState().setAside;
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ from: PROGRESS_KEY, text: damaged, what: 'your lesson progress' });
    expect(kv.getItem(aside[0].key)).toBe(damaged);
    // A second visit finds the copy again and does not make another.
    new ProgressBook(new AppStorage(kv));
    expect([...kv.items.keys()].filter((k) => k.startsWith(SET_ASIDE_PREFIX))).toHaveLength(1);
  });

  it('drops only the fields that do not check out', () => {
    const p = readLessonProgress({
      slide: -3,
      visited: ['a', 7, 'a', 'b'],
      answers: { good: { response: { text: 'hi' } }, bad: { response: {} }, worse: 3 },
      code: { s: 'ok', t: 42 },
      challenge: { passed: 'yes' },
    });
    expect(p).toEqual({
      slide: 1,
      visited: ['a', 'b'],
      answers: { good: { response: { text: 'hi' } } },
      code: { s: 'ok' },
    });
  });

  it('migrates format 0 (before versioning) and reads format 1', () => {
    const v0 = decodeRecord(PROGRESS_SPEC, '{"lessons":{"x":{"slide":2,"code":{"s":"fn main() {}"}}}}');
    expect(v0).toMatchObject({ kind: 'ok', upgradedFrom: 0 });
    if (v0.kind === 'ok') expect(v0.value.lessons.x).toMatchObject({ slide: 2, code: { s: 'fn main() {}' } });
    const v1 = decodeRecord(PROGRESS_SPEC, '{"version":1,"lessons":{"x":{"slide":4}}}');
    expect(v1).toMatchObject({ kind: 'ok', value: { version: 1, lessons: { x: { slide: 4 } } } });
  });

  it('sets a future version aside instead of erasing it', () => {
    const kv = new MemoryStorage({ [PROGRESS_KEY]: '{"version":2,"lessons":{}}' });
    const storage = new AppStorage(kv);
    new ProgressBook(storage);
    expect(storage.status.getState().problems.join(' ')).toMatch(/newer version/);
    expect(storage.status.getState().setAside.map((r) => r.text)).toEqual(['{"version":2,"lessons":{}}']);
  });

  it('lists the backup key progress format 1 wrote for unreadable text', () => {
    const kv = new MemoryStorage({ [LEGACY_PROGRESS_BACKUP_KEY]: 'old junk' });
    expect(new AppStorage(kv).status.getState().setAside).toEqual([
      {
        key: LEGACY_PROGRESS_BACKUP_KEY,
        from: LEGACY_PROGRESS_BACKUP_KEY,
        text: 'old junk',
        what: 'your lesson progress',
      },
    ]);
  });

  it('a refused write is reported, never thrown, and the next good write clears the warning', () => {
    const kv = new MemoryStorage();
    const storage = new AppStorage(kv);
    const book = new ProgressBook(storage);
    kv.failWrites = quota;
    expect(() => book.saveCode('l', 's', 'x')).not.toThrow();
    expect(book.saving).toBe(false);
    expect(storage.status.getState().writeFailure).toBe('the browser storage is full');
    expect(book.lesson('l').code).toEqual({ s: 'x' });
    kv.failWrites = undefined;
    book.saveCode('l', 's', 'y');
    expect(storage.status.getState().writeFailure).toBeUndefined();
  });

  it('with no storage at all, every write says so', () => {
    const storage = new AppStorage(undefined);
    new ProgressBook(storage).visit('l', 1, 'a');
    expect(storage.status.getState().writeFailure).toMatch(/does not allow saving/);
  });

  it('property: any stored text reads without throwing into a well-formed progress', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ version: 1, lessons: { x: v } })),
        ),
        (text) => {
          const book = new ProgressBook(new AppStorage(new MemoryStorage({ [PROGRESS_KEY]: text })));
          const l = book.lesson('x');
          expect(Number.isSafeInteger(l.slide) && l.slide >= 1).toBe(true);
          expect(Array.isArray(l.visited)).toBe(true);
          for (const c of Object.values(l.code)) expect(typeof c).toBe('string');
        },
      ),
      { seed: 21, numRuns: 300 },
    );
  });
});
