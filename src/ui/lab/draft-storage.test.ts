import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, persistDrafts, readDraft, writeDraft, type DraftStorage } from './draft-storage.ts';
import { createUiStore } from './ui-store.ts';

function memory(initial: Record<string, string> = {}): DraftStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('lab draft storage', () => {
  it('round-trips the program text', () => {
    const s = memory();
    expect(writeDraft(s, 'fn main() {}\n')).toBe(true);
    expect(readDraft(s)).toBe('fn main() {}\n');
  });

  it.each([
    ['not json', '{oops'],
    ['another version', JSON.stringify({ v: 2, source: 'x' })],
    ['no source', JSON.stringify({ v: 1 })],
    ['a number', '42'],
  ])('ignores %s', (_name, stored) => {
    expect(readDraft(memory({ [DRAFT_KEY]: stored }))).toBeUndefined();
  });

  it('never throws when the browser refuses', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readDraft(refusing)).toBeUndefined();
    expect(writeDraft(refusing, 'x')).toBe(false);
    expect(readDraft(undefined)).toBeUndefined();
  });

  it('saves each edit of the draft, and stops when unsubscribed', () => {
    const s = memory();
    const ui = createUiStore('a');
    const stop = persistDrafts(ui, s);
    ui.getState().setDraft('b');
    expect(readDraft(s)).toBe('b');
    ui.getState().setHelpOpen(true);
    expect(readDraft(s)).toBe('b');
    stop();
    ui.getState().setDraft('c');
    expect(readDraft(s)).toBe('b');
  });
});
