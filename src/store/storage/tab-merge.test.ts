import { describe, expect, it } from 'vitest';
import { AppStorage } from './app-storage.ts';
import { createDraftsStore, OWN_DRAFT_ID } from './drafts.ts';
import { DRAFTS_KEY } from './keys.ts';
import { MemoryStorage } from './kv.ts';

const SHARED = 'fn main() {\n    println!("shared");\n}\n';

/** Two tabs of one browser: two drafts stores over one storage. */
function twoTabs() {
  const kv = new MemoryStorage();
  let t = 1_000;
  const tab = () => createDraftsStore(new AppStorage(kv), 'DEFAULT', () => (t += 1_000));
  const a = tab();
  const b = tab();
  const stored = (id: string): string | undefined =>
    (JSON.parse(kv.getItem(DRAFTS_KEY) ?? '{}') as { drafts: { id: string; source: string }[] }).drafts.find(
      (d) => d.id === id,
    )?.source;
  return { a, b, stored };
}

describe('two tabs on one set of drafts', () => {
  it('takes in a draft the other tab opened or changed, and does not write it back over', () => {
    const { a, b, stored } = twoTabs();
    const shared = b.getState().openShared(SHARED);
    a.getState().sync();
    expect(a.getState().drafts.map((d) => d.id)).toEqual([OWN_DRAFT_ID, shared.id]);
    b.getState().edit(`${SHARED}// edited in b`);
    // A writes (its own draft) before it has heard of b's edit: b's text stays.
    a.getState().edit('mine, in a');
    expect(stored(shared.id)).toBe(`${SHARED}// edited in b`);
    expect(stored(OWN_DRAFT_ID)).toBe('mine, in a');
    expect(a.getState().drafts.find((d) => d.id === shared.id)?.source).toBe(`${SHARED}// edited in b`);
    expect(a.getState().conflicts.size).toBe(0);
  });

  it('never overwrites the newer text of a draft both tabs edit: the later tab is asked', () => {
    const { a, b, stored } = twoTabs();
    a.getState().edit('typed in a');
    b.getState().edit('typed in b');
    expect(stored(OWN_DRAFT_ID)).toBe('typed in a');
    expect(b.getState().conflict()).toMatchObject({
      ours: { id: OWN_DRAFT_ID, source: 'typed in b' },
      theirs: { source: 'typed in a' },
    });
    // More typing in b stays in b until the learner decides.
    b.getState().edit('typed in b, more');
    expect(stored(OWN_DRAFT_ID)).toBe('typed in a');
    a.getState().sync();
    expect(a.getState().conflict()).toBeUndefined();
    expect(a.getState().activeDraft().source).toBe('typed in a');
  });

  it('keeps this tab’s text as a new draft beside the other’s', () => {
    const { a, b, stored } = twoTabs();
    a.getState().edit('typed in a');
    b.getState().edit('typed in b');
    const kept = b.getState().resolveConflict('mine');
    expect(kept).toMatchObject({ source: 'typed in b', kind: 'own' });
    expect(kept.id).not.toBe(OWN_DRAFT_ID);
    expect(b.getState().conflicts.size).toBe(0);
    expect(stored(OWN_DRAFT_ID)).toBe('typed in a');
    expect(stored(kept.id)).toBe('typed in b');
    a.getState().sync();
    expect(a.getState().drafts.map((d) => d.source)).toEqual(['typed in a', 'typed in b']);
  });

  it('loads the other tab’s text, keeping this tab’s as a version', () => {
    const { a, b, stored } = twoTabs();
    a.getState().edit('typed in a');
    b.getState().edit('typed in b');
    const loaded = b.getState().resolveConflict('theirs');
    expect(loaded).toMatchObject({ id: OWN_DRAFT_ID, source: 'typed in a' });
    expect(loaded.versions.map((v) => v.source)).toContain('typed in b');
    expect(stored(OWN_DRAFT_ID)).toBe('typed in a');
    expect(b.getState().conflict()).toBeUndefined();
  });

  it('notices the other tab’s edit of the draft it shows on the storage event, and asks', () => {
    const { a, b, stored } = twoTabs();
    a.getState().edit('typed in a');
    b.getState().sync();
    // The text in b's editor does not change under the learner: b asks, and its next keystroke
    // does not overwrite a's text.
    expect(b.getState().activeDraft().source).toBe('DEFAULT');
    expect(b.getState().conflict()?.theirs.source).toBe('typed in a');
    b.getState().edit('DEFAULT, typed in b');
    expect(stored(OWN_DRAFT_ID)).toBe('typed in a');
  });
});
