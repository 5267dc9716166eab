/**
 * The lab's drafts (issue 14): the learner's own program and, beside it, each program a share
 * link opened, each recovered text. Switching between them loses none; each keeps its last few
 * versions (taken when it is run, left, or replaced). Every change is written through at once.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppStorage } from './app-storage.ts';
import { DRAFTS_KEY, LEGACY_DRAFT_KEY } from './keys.ts';
import { STORAGE_FULL } from './kv.ts';
import { isRec, isWhole, type RecordSpec } from './record.ts';
import { mergeDrafts, storedDrafts } from './tab-merge.ts';

export const DRAFTS_VERSION = 2;
/** Older versions kept per draft. */
export const MAX_VERSIONS = 5;
export const OWN_DRAFT_ID = 'own';

export type DraftKind = 'own' | 'shared' | 'recovered';

export interface DraftVersion {
  readonly source: string;
  /** Milliseconds since the epoch, as the page's clock said. */
  readonly at: number;
}

export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly kind: DraftKind;
  readonly source: string;
  /** Earlier versions, oldest first, at most MAX_VERSIONS. */
  readonly versions: readonly DraftVersion[];
}

export interface Drafts {
  readonly active: string;
  readonly drafts: readonly Draft[];
}

const KINDS: readonly DraftKind[] = ['own', 'shared', 'recovered'];

function parseVersion(v: unknown): DraftVersion | undefined {
  return isRec(v) && typeof v.source === 'string' && isWhole(v.at, 0) ? { source: v.source, at: v.at } : undefined;
}

function parseDraft(v: unknown): Draft | undefined {
  if (!isRec(v) || typeof v.id !== 'string' || typeof v.source !== 'string') return undefined;
  const kind = KINDS.find((k) => k === v.kind) ?? 'own';
  const versions = Array.isArray(v.versions)
    ? v.versions.map(parseVersion).filter((x): x is DraftVersion => x !== undefined)
    : [];
  return {
    id: v.id,
    name: typeof v.name === 'string' && v.name !== '' ? v.name : v.id,
    kind,
    source: v.source,
    versions: versions.slice(-MAX_VERSIONS),
  };
}

export const DRAFTS_SPEC: RecordSpec<Drafts> = {
  key: DRAFTS_KEY,
  version: DRAFTS_VERSION,
  versionOf: (raw) => (isRec(raw) && typeof raw.v === 'number' ? raw.v : undefined),
  upgrades: {
    // Version 1 (key task-lab:lab-draft) held one program.
    1: (raw) => ({
      v: 2,
      active: OWN_DRAFT_ID,
      drafts: [
        {
          id: OWN_DRAFT_ID,
          name: 'My program',
          kind: 'own',
          source: (raw as { source: unknown }).source,
          versions: [],
        },
      ],
    }),
  },
  parse: (raw) => {
    if (!isRec(raw) || !Array.isArray(raw.drafts)) return undefined;
    const drafts: Draft[] = [];
    for (const d of raw.drafts) {
      const p = parseDraft(d);
      // A draft that does not check out makes the record unreadable as a whole (so it is set aside).
      if (p === undefined) return undefined;
      if (!drafts.some((x) => x.id === p.id)) drafts.push(p);
    }
    if (drafts.length === 0) return undefined;
    const active =
      typeof raw.active === 'string' && drafts.some((d) => d.id === raw.active) ? raw.active : drafts[0].id;
    return { active, drafts };
  },
  encode: (d) => ({ v: DRAFTS_VERSION, active: d.active, drafts: d.drafts }),
};

/** A draft this tab and another tab both changed: this tab's text and the other's. */
export interface DraftConflict {
  readonly ours: Draft;
  readonly theirs: Draft;
}

export interface DraftsState extends Drafts {
  /** Drafts another tab changed while this one did too: their version, by draft id (tab-merge.ts). */
  readonly conflicts: ReadonlyMap<string, Draft>;
  /** The conflict to show first (the active draft's, else any). */
  conflict(): DraftConflict | undefined;
  /** Another tab wrote the drafts (a `storage` event): takes in what it changed. */
  sync(): void;
  /**
   * Settles the shown conflict: 'theirs' loads the other tab's text (this tab's becomes a
   * version), 'mine' keeps this tab's text as a new draft beside theirs. Returns the active draft.
   */
  resolveConflict(keep: 'theirs' | 'mine'): Draft;
  /** The draft being edited. */
  activeDraft(): Draft;
  /** The editor's text changed. */
  edit(source: string): void;
  /** Keeps the active draft's text as a version (on Run). */
  checkpoint(): void;
  /** Makes `id` the active draft (the one left keeps its text and a version of it). */
  switchTo(id: string): Draft;
  /** Opens a shared program beside the learner's own; an identical draft is reused. */
  openShared(source: string): Draft;
  /** Adds recovered programs as drafts; returns the first. */
  addRecovered(sources: readonly string[]): Draft | undefined;
  /** Puts version `index` of the active draft back (its current text becomes a version). */
  restoreVersion(index: number): Draft;
}

export type DraftsStore = StoreApi<DraftsState>;

function withVersion(d: Draft, at: number): Draft {
  const last = d.versions[d.versions.length - 1];
  if (last !== undefined && last.source === d.source) return d;
  return { ...d, versions: [...d.versions, { source: d.source, at }].slice(-MAX_VERSIONS) };
}

function freshId(drafts: readonly Draft[], kind: DraftKind): string {
  let n = 1;
  while (drafts.some((d) => d.id === `${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/** Reads the drafts (migrating the version-1 key), or starts with `initial` as the learner's own. */
function loadDrafts(storage: AppStorage, initial: string): Drafts {
  const current = storage.read(DRAFTS_SPEC);
  if (current !== undefined) return current;
  if (storage.getText(DRAFTS_KEY) === null) {
    const legacy = storage.read(DRAFTS_SPEC, LEGACY_DRAFT_KEY);
    if (legacy !== undefined) {
      // The old key goes only once its program is safely under the new one.
      if (storage.write(DRAFTS_SPEC, legacy)) storage.remove(LEGACY_DRAFT_KEY);
      return legacy;
    }
  }
  return {
    active: OWN_DRAFT_ID,
    drafts: [{ id: OWN_DRAFT_ID, name: 'My program', kind: 'own', source: initial, versions: [] }],
  };
}

/**
 * Writes the drafts; when the storage is full, writes them again without their older versions
 * (the texts matter more than their history; the versions stay in memory for this visit).
 */
function saveDrafts(storage: AppStorage, d: Drafts): boolean {
  if (storage.write(DRAFTS_SPEC, d)) return true;
  if (storage.status.getState().writeFailure !== STORAGE_FULL) return false;
  return storage.write(DRAFTS_SPEC, { active: d.active, drafts: d.drafts.map((x) => ({ ...x, versions: [] })) });
}

/**
 * The drafts store over `storage`. `initial` is the program the learner starts with when nothing
 * is saved; `now` is the page's clock (versions are stamped with it).
 */
export function createDraftsStore(storage: AppStorage, initial: string, now: () => number): DraftsStore {
  const loaded = loadDrafts(storage, initial);
  // The drafts as this tab last read or wrote them: what another tab's changes are told by.
  let base: readonly Draft[] = loaded.drafts;
  // The stored text `base` came from: while it is unchanged no other tab has written.
  let seen: string | null = null;
  const store = createStore<DraftsState>()((set, get) => {
    /** Merges in what another tab stored since `base`. */
    const merged = (drafts: readonly Draft[]) => {
      const text = storage.getText(DRAFTS_KEY);
      if (text === seen) return { drafts, conflicts: get().conflicts };
      seen = text;
      const stored = storage.read(DRAFTS_SPEC);
      if (stored === undefined) return { drafts, conflicts: get().conflicts };
      const m = mergeDrafts(base, drafts, stored.drafts, get().conflicts, get().active);
      base = stored.drafts;
      return m;
    };
    const commit = (next: Drafts) => {
      const m = merged(next.drafts);
      set({ active: next.active, drafts: m.drafts, conflicts: m.conflicts });
      const written = storedDrafts(m.drafts, m.conflicts);
      if (saveDrafts(storage, { active: next.active, drafts: written })) {
        base = written;
        seen = storage.getText(DRAFTS_KEY);
      }
    };
    const mapActive = (f: (d: Draft) => Draft): readonly Draft[] => {
      const { drafts, active } = get();
      return drafts.map((d) => (d.id === active ? f(d) : d));
    };
    const activate = (drafts: readonly Draft[], id: string): Draft => {
      commit({ active: id, drafts });
      return get().activeDraft();
    };
    return {
      ...loaded,
      conflicts: new Map(),
      conflict: () => {
        const { conflicts, active, drafts } = get();
        const id = conflicts.has(active) ? active : [...conflicts.keys()][0];
        const theirs = id === undefined ? undefined : conflicts.get(id);
        const ours = drafts.find((d) => d.id === id);
        return theirs === undefined || ours === undefined ? undefined : { ours, theirs };
      },
      sync: () => {
        const m = merged(get().drafts);
        set({ drafts: m.drafts, conflicts: m.conflicts });
      },
      resolveConflict: (keep) => {
        const c = get().conflict();
        if (c === undefined) return get().activeDraft();
        const { ours, theirs } = c;
        const conflicts = new Map(get().conflicts);
        conflicts.delete(ours.id);
        set({ conflicts });
        if (keep === 'theirs') {
          const kept = withVersion(ours, now());
          const drafts = get().drafts.map((d) => (d.id === ours.id ? { ...kept, source: theirs.source } : d));
          return activate(drafts, ours.id);
        }
        const id = freshId(get().drafts, 'own');
        const mine: Draft = { ...ours, id, name: `${ours.name} (this tab)`, kind: 'own' };
        const drafts = get().drafts.map((d) => (d.id === ours.id ? theirs : d));
        return activate([...drafts, mine], id);
      },
      activeDraft: () => {
        const { drafts, active } = get();
        return drafts.find((d) => d.id === active) ?? drafts[0];
      },
      edit: (source) => {
        if (get().activeDraft().source === source) return;
        commit({ active: get().active, drafts: mapActive((d) => ({ ...d, source })) });
      },
      checkpoint: () => {
        const drafts = mapActive((d) => withVersion(d, now()));
        if (drafts.some((d, i) => d !== get().drafts[i])) commit({ active: get().active, drafts });
      },
      switchTo: (id) => {
        if (!get().drafts.some((d) => d.id === id)) return get().activeDraft();
        return activate(
          mapActive((d) => withVersion(d, now())),
          id,
        );
      },
      openShared: (source) => {
        const same = get().drafts.find((d) => d.source === source);
        if (same !== undefined) return get().switchTo(same.id);
        const drafts = mapActive((d) => withVersion(d, now()));
        const id = freshId(drafts, 'shared');
        const n = drafts.filter((d) => d.kind === 'shared').length + 1;
        const draft: Draft = { id, name: `Shared program ${n}`, kind: 'shared', source, versions: [] };
        return activate([...drafts, draft], id);
      },
      addRecovered: (sources) => {
        let drafts = [...get().drafts];
        let first: string | undefined;
        for (const source of sources) {
          if (drafts.some((d) => d.source === source)) continue;
          const id = freshId(drafts, 'recovered');
          const n = drafts.filter((d) => d.kind === 'recovered').length + 1;
          drafts = [...drafts, { id, name: `Recovered ${n}`, kind: 'recovered', source, versions: [] }];
          first ??= id;
        }
        if (first === undefined) {
          const existing = get().drafts.find((d) => sources.includes(d.source));
          return existing === undefined ? undefined : get().switchTo(existing.id);
        }
        commit({ active: get().active, drafts });
        return get().switchTo(first);
      },
      restoreVersion: (index) => {
        const cur = get().activeDraft();
        const v = cur.versions[index];
        if (v === undefined) return cur;
        const kept = withVersion(cur, now());
        const versions = kept.versions.filter((x) => x !== v);
        return activate(
          mapActive(() => ({ ...kept, source: v.source, versions })),
          cur.id,
        );
      },
    };
  });
  // A new or migrated record is written at once, so the next visit reads the same drafts.
  if (storage.getText(DRAFTS_KEY) === null) saveDrafts(storage, loaded);
  seen = storage.getText(DRAFTS_KEY);
  return store;
}
