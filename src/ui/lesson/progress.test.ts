import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_KEY, parseProgress, PROGRESS_KEY, ProgressBook, readLessonProgress } from './progress.ts';
import type { StorageLike } from './progress.ts';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('progress storage', () => {
  it('round-trips slide, visits, answers, code and the challenge through storage', () => {
    const storage = new MemoryStorage();
    const book = new ProgressBook(storage);
    book.visit('day06', 3, 'cut-off');
    book.visit('day06', 4, 'panic');
    book.visit('day06', 3, 'cut-off');
    book.saveCode('day06', 'challenge', 'fn main() { /* mine */ }');
    book.saveAnswer('day06', 'detached#0', { response: { choice: 1 }, grade: { correct: true, expected: 'x' } });
    book.saveChallenge('day06', { passed: false, seeds: 4, seedsPassed: 2 });
    const again = new ProgressBook(storage).lesson('day06');
    expect(again).toEqual({
      slide: 3,
      visited: ['cut-off', 'panic'],
      code: { challenge: 'fn main() { /* mine */ }' },
      answers: { 'detached#0': { response: { choice: 1 }, grade: { correct: true, expected: 'x' } } },
      challenge: { passed: false, seeds: 4, seedsPassed: 2 },
    });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}')).toMatchObject({ version: 1 });
  });

  it('resetting code removes it', () => {
    const book = new ProgressBook(new MemoryStorage());
    book.saveCode('l', 's', 'x');
    expect(book.saveCode('l', 's', undefined).code).toEqual({});
  });

  it('keeps unreadable data aside instead of losing it, and starts fresh', () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{"version":1,"lessons":{"day06":{"code":{"challenge":"my co');
    const book = new ProgressBook(storage);
    expect(book.problem).toMatch(/could not be read/);
    expect(book.lesson('day06').code).toEqual({});
    expect(storage.getItem(BACKUP_KEY)).toContain('my co');
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

  it('reads data from before versioning, refuses a future version without erasing it', () => {
    expect(parseProgress('{"lessons":{"x":{"slide":2}}}').progress.lessons.x?.slide).toBe(2);
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, '{"version":2,"lessons":{}}');
    expect(new ProgressBook(storage).problem).toMatch(/another version/);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"version":2,"lessons":{}}');
  });

  it('a refused write is reported, never thrown', () => {
    const storage = new MemoryStorage();
    const book = new ProgressBook(storage);
    storage.failWrites = true;
    expect(() => book.saveCode('l', 's', 'x')).not.toThrow();
    expect(book.saving).toBe(false);
    expect(book.lesson('l').code).toEqual({ s: 'x' });
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
          const { progress } = parseProgress(text);
          for (const l of Object.values(progress.lessons)) {
            expect(Number.isSafeInteger(l.slide) && l.slide >= 1).toBe(true);
            expect(Array.isArray(l.visited)).toBe(true);
            for (const c of Object.values(l.code)) expect(typeof c).toBe('string');
          }
        },
      ),
      { seed: 21, numRuns: 300 },
    );
  });
});
