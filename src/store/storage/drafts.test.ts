import { describe, expect, it } from 'vitest';
import { AppStorage } from './app-storage.ts';
import { createDraftsStore, DRAFTS_SPEC, MAX_VERSIONS, OWN_DRAFT_ID } from './drafts.ts';
import { DRAFTS_KEY, LEGACY_DRAFT_KEY } from './keys.ts';
import { MemoryStorage } from './kv.ts';
import { decodeRecord } from './record.ts';
import { salvagePrograms } from './salvage.ts';

const MINE = 'fn main() {\n    println!("mine");\n}\n';
const SHARED = 'fn main() {\n    println!("shared");\n}\n';

function setup(initial: Record<string, string> = {}) {
  const kv = new MemoryStorage(initial);
  let t = 1_000;
  const open = () => {
    const storage = new AppStorage(kv);
    return { storage, drafts: createDraftsStore(storage, 'DEFAULT', () => (t += 1_000)) };
  };
  return { kv, open };
}

describe('lab drafts', () => {
  it('starts with the default program as the learner’s own draft, written at once', () => {
    const { kv, open } = setup();
    const { drafts } = open();
    expect(drafts.getState().activeDraft()).toMatchObject({ id: OWN_DRAFT_ID, source: 'DEFAULT', kind: 'own' });
    expect(JSON.parse(kv.getItem(DRAFTS_KEY) ?? '{}')).toMatchObject({ v: 2, active: OWN_DRAFT_ID });
  });

  it('migrates the format-1 key, and removes it only after the new record is written', () => {
    const { kv, open } = setup({ [LEGACY_DRAFT_KEY]: JSON.stringify({ v: 1, source: MINE }) });
    const { drafts } = open();
    expect(drafts.getState().activeDraft().source).toBe(MINE);
    expect(kv.getItem(LEGACY_DRAFT_KEY)).toBeNull();
    expect(open().drafts.getState().activeDraft().source).toBe(MINE);
  });

  it('keeps the format-1 key when the migrated record cannot be written', () => {
    const { kv, open } = setup({ [LEGACY_DRAFT_KEY]: JSON.stringify({ v: 1, source: MINE }) });
    kv.failWrites = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const { drafts, storage } = open();
    expect(drafts.getState().activeDraft().source).toBe(MINE);
    expect(kv.getItem(LEGACY_DRAFT_KEY)).not.toBeNull();
    expect(storage.status.getState().writeFailure).toBe('the browser storage is full');
  });

  it('decodes format 2 and refuses drafts with damaged entries as a whole', () => {
    const good = { v: 2, active: 'x', drafts: [{ id: 'x', name: 'X', kind: 'shared', source: 'a', versions: [] }] };
    expect(decodeRecord(DRAFTS_SPEC, JSON.stringify(good))).toMatchObject({ kind: 'ok', value: { active: 'x' } });
    const bad = { ...good, drafts: [{ id: 'x' }] };
    expect(decodeRecord(DRAFTS_SPEC, JSON.stringify(bad)).kind).toBe('unreadable');
    expect(decodeRecord(DRAFTS_SPEC, JSON.stringify({ v: 3, drafts: [] })).kind).toBe('unreadable');
  });

  it('a shared program opens beside the learner’s own; switching loses neither', () => {
    const { open } = setup();
    const { drafts } = open();
    drafts.getState().edit(MINE);
    const shared = drafts.getState().openShared(SHARED);
    expect(shared).toMatchObject({ kind: 'shared', source: SHARED, name: 'Shared program 1' });
    drafts.getState().edit(SHARED + '// tweaked\n');
    expect(drafts.getState().switchTo(OWN_DRAFT_ID).source).toBe(MINE);
    expect(drafts.getState().switchTo(shared.id).source).toBe(SHARED + '// tweaked\n');
    // After a reload, both are still there and the shared one is still active.
    const again = open().drafts.getState();
    expect(again.drafts.map((d) => d.source)).toEqual([MINE, SHARED + '// tweaked\n']);
    expect(again.active).toBe(shared.id);
    // The same link again reuses its draft instead of adding another.
    again.switchTo(OWN_DRAFT_ID);
    expect(again.openShared(MINE).id).toBe(OWN_DRAFT_ID);
  });

  it('keeps the last few versions of a draft and can put one back', () => {
    const { open } = setup();
    const { drafts } = open();
    for (let i = 0; i < MAX_VERSIONS + 3; i++) {
      drafts.getState().edit(`v${i}`);
      drafts.getState().checkpoint();
    }
    drafts.getState().checkpoint();
    const versions = drafts.getState().activeDraft().versions;
    expect(versions.map((v) => v.source)).toEqual(['v3', 'v4', 'v5', 'v6', 'v7']);
    drafts.getState().edit('unsaved work');
    const back = drafts.getState().restoreVersion(0);
    expect(back.source).toBe('v3');
    expect(back.versions.map((v) => v.source)).toContain('unsaved work');
  });

  it('an unreadable drafts record is set aside and its programs can be recovered as drafts', () => {
    const damaged = `{"v":2,"active":"own","drafts":[{"id":"own","source":${JSON.stringify(MINE)},"versions":[{"sou`;
    const { kv, open } = setup({ [DRAFTS_KEY]: damaged });
    const { drafts, storage } = open();
    expect(drafts.getState().activeDraft().source).toBe('DEFAULT');
    drafts.getState().edit('typing right away');
    const [aside] = storage.status.getState().setAside;
    expect(kv.getItem(aside.key)).toBe(damaged);
    expect(salvagePrograms(aside.text)).toEqual([MINE]);
    const r = drafts.getState().addRecovered(salvagePrograms(aside.text));
    expect(r).toMatchObject({ kind: 'recovered', source: MINE });
    expect(drafts.getState().drafts.map((d) => d.source)).toEqual(['typing right away', MINE]);
  });
});

describe('lab drafts when the storage is full', () => {
  it('keeps the texts by dropping the stored versions, and says nothing is wrong once that fits', () => {
    const kv = new MemoryStorage();
    const storage = new AppStorage(kv);
    const drafts = createDraftsStore(storage, 'DEFAULT', () => 5);
    for (let i = 0; i < 4; i++) {
      drafts.getState().edit(`v${i}`);
      drafts.getState().checkpoint();
    }
    // The quota admits a record without versions only.
    const setItem = kv.setItem.bind(kv);
    kv.setItem = (k, v) => {
      if (v.length > 150) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      setItem(k, v);
    };
    drafts.getState().edit('the latest text');
    const stored = JSON.parse(kv.getItem(DRAFTS_KEY) ?? '{}') as { drafts: { source: string; versions: unknown[] }[] };
    expect(stored.drafts[0]).toMatchObject({ source: 'the latest text', versions: [] });
    expect(storage.status.getState().writeFailure).toBeUndefined();
    expect(drafts.getState().activeDraft().versions).toHaveLength(4);
  });

  it('warns when even the texts do not fit', () => {
    const kv = new MemoryStorage();
    const storage = new AppStorage(kv);
    const drafts = createDraftsStore(storage, 'DEFAULT', () => 5);
    kv.failWrites = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    drafts.getState().edit('unsaved');
    expect(storage.status.getState().writeFailure).toBe('the browser storage is full');
    expect(drafts.getState().activeDraft().source).toBe('unsaved');
  });
});

describe('salvagePrograms', () => {
  it('takes code-like strings from JSON, cut-off JSON, or the whole text', () => {
    expect(salvagePrograms(JSON.stringify({ a: { b: ['fn main() {}', 'x'] } }))).toEqual(['fn main() {}']);
    expect(salvagePrograms('{"code":"fn main() {\\n  go()')).toEqual(['fn main() {\n  go()']);
    expect(salvagePrograms('just some text')).toEqual(['just some text']);
    expect(salvagePrograms('  ')).toEqual([]);
  });
});
