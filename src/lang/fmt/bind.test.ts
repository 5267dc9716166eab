/** Argument binding: slot numbering, captures, `{:.*}`, and rustc's argument errors (rustc 1.95). */
import { describe, expect, test } from 'vitest';
import { compileFormat } from './format.ts';
import type { BoundPlaceholder } from './bind.ts';

function slots(s: string, positional: number, named: string[] = []): BoundPlaceholder[] {
  const r = compileFormat(s, { positional, named });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.pieces.filter((p): p is BoundPlaceholder => typeof p !== 'string');
}

function error(s: string, positional: number, named: string[] = []): string {
  const r = compileFormat(s, { positional, named });
  return r.ok ? 'ok' : r.error.message;
}

describe('slots', () => {
  test('implicit arguments count up; explicit ones do not consume', () => {
    expect(slots('{} {0} {} {1}', 2).map((p) => p.arg)).toEqual([0, 0, 1, 1]);
  });
  test('{:.*} takes the precision slot before the value slot', () => {
    const [p] = slots('{:.*}', 2);
    expect([p.precisionArg, p.arg]).toEqual([0, 1]);
    expect(slots('{} {:.*} {}', 4).map((q) => q.arg)).toEqual([0, 2, 3]);
  });
  test('named arguments follow the positional ones; captures follow the named ones', () => {
    const r = compileFormat('{a} {x} {b:>w$} {x} {}', { positional: 1, named: ['a', 'b'] });
    if (!r.ok) throw new Error(r.error.message);
    const ps = r.value.pieces.filter((p): p is BoundPlaceholder => typeof p !== 'string');
    expect(ps.map((p) => p.arg)).toEqual([1, 3, 2, 3, 0]);
    expect(ps[2].widthArg).toBe(4);
    expect(r.value.captures).toEqual(['x', 'w']);
    expect(r.value.argCount).toBe(5);
  });
  test('literal counts stay inline', () => {
    const [p] = slots('{:>8.3}', 1);
    expect([p.width, p.widthArg, p.precision, p.precisionArg]).toEqual([8, -1, 3, -1]);
  });
});

describe('errors', () => {
  test.each<[string, number, string[], string]>([
    ['{} {}', 1, [], '2 positional arguments in format string, but there is 1 argument'],
    ['{}', 0, [], '1 positional argument in format string, but no arguments were given'],
    ['{:.*}', 1, [], '2 positional arguments in format string, but there is 1 argument'],
    ['{1}', 1, [], 'invalid reference to positional argument 1 (there is 1 argument)'],
    ['{5}', 0, [], 'invalid reference to positional argument 5 (no arguments were given)'],
    ['{} {3}', 2, [], 'invalid reference to positional argument 3 (there are 2 arguments)'],
    ['{:1$}', 1, [], 'invalid reference to positional argument 1 (there is 1 argument)'],
    ['{}', 2, [], 'argument never used'],
    ['{}', 3, [], 'multiple unused formatting arguments'],
    ['{0} {}', 2, [], 'argument never used'],
    ['{a}', 0, ['a', 'b'], 'named argument never used'],
    ['{a} {}', 1, ['a'], 'ok'],
    ['{:1$} {}', 2, [], 'ok'],
  ])('%s with %i positional %j', (s, positional, named, message) => {
    expect(error(s, positional, named)).toBe(message);
  });
});
