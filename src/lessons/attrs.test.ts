import { describe, expect, it } from 'vitest';
import { parseAttrs, printAttrs } from './attrs.ts';

describe('parseAttrs', () => {
  it('reads bare, quoted and flag attributes', () => {
    const r = parseAttrs('at="task.abort" task=3 say="a \\"quoted\\" word" flag');
    expect(r.ok && [...r.attrs]).toEqual([
      ['at', 'task.abort'],
      ['task', '3'],
      ['say', 'a "quoted" word'],
      ['flag', true],
    ]);
  });

  it.each([
    ['at="x', 'the value of "at" has no closing quote'],
    ['task=', 'attribute "task" has no value after "="'],
    ['task=1 task=2', 'attribute "task" is given twice'],
    ['"x"', 'expected an attribute name at ""x""'],
    ['a="b"c', 'expected a space after the value of "a"'],
  ])('rejects %s', (text, message) => {
    expect(parseAttrs(text)).toEqual({ ok: false, message });
  });

  it('prints what it parses', () => {
    const text = printAttrs([
      ['at', 'stdout'],
      ['nth', 2],
      ['text', 'say "hi" \\ bye'],
      ['skip', undefined],
    ]);
    expect(text).toBe('{at="stdout" nth=2 text="say \\"hi\\" \\\\ bye"}');
    const back = parseAttrs(text.slice(1, -1));
    expect(back.ok && Object.fromEntries(back.attrs)).toEqual({ at: 'stdout', nth: '2', text: 'say "hi" \\ bye' });
  });
});
