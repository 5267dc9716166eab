/**
 * The one owner of the browser storage (issue 14 "the learner's work is never lost"): every
 * record is read and written here, through its versioned spec. A record that cannot be read is
 * copied aside under its own key before anything can overwrite it, and stays there until the
 * learner recovers, downloads or discards it; a refused write is remembered so the page can say
 * that work is not being saved. Nothing here throws.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { describeKey, LEGACY_PROGRESS_BACKUP_KEY, SET_ASIDE_PREFIX } from './keys.ts';
import { keysWithPrefix, writeFailureReason, type KeyValueStorage } from './kv.ts';
import { decodeRecord, encodeRecord, type RecordSpec } from './record.ts';

/** A record kept aside because it could not be read. */
export interface SetAsideRecord {
  /** The key it is kept under now. */
  readonly key: string;
  /** The key it was read from. */
  readonly from: string;
  readonly text: string;
  /** What it held, in words ("your lab programs"). */
  readonly what: string;
}

export interface StorageStatus {
  readonly setAside: readonly SetAsideRecord[];
  /** Why the last write failed, while writes keep failing; undefined once one succeeds. */
  readonly writeFailure: string | undefined;
  /** Why a record was set aside on this visit, for the notice. */
  readonly problems: readonly string[];
}

export type StorageStatusStore = StoreApi<StorageStatus>;

function setAsideKeyOf(from: string, n: number): string {
  return `${SET_ASIDE_PREFIX}${from}:${n}`;
}

function fromOfSetAsideKey(key: string): string {
  if (key === LEGACY_PROGRESS_BACKUP_KEY) return key;
  const rest = key.slice(SET_ASIDE_PREFIX.length);
  const i = rest.lastIndexOf(':');
  return i < 0 ? rest : rest.slice(0, i);
}

export class AppStorage {
  readonly status: StorageStatusStore;

  /** `kv` undefined: the browser offers no storage here; every write then reports a failure. */
  constructor(private readonly kv: KeyValueStorage | undefined) {
    this.status = createStore<StorageStatus>()(() => ({ setAside: [], writeFailure: undefined, problems: [] }));
    this.refreshSetAside();
  }

  /** The record's value; undefined when nothing usable is stored (an unreadable one is set aside). */
  read<T>(spec: RecordSpec<T>, key: string = spec.key): T | undefined {
    const text = this.getText(key);
    const d = decodeRecord(spec, text);
    if (d.kind === 'ok') return d.value;
    if (d.kind === 'unreadable' && text !== null) {
      this.keepAside(key, text);
      this.status.setState((s) => ({ problems: [...s.problems, `Saved data (${describeKey(key)}) ${d.reason}.`] }));
    }
    return undefined;
  }

  /** Writes the record; false (and a warning in `status`) when the browser refused. */
  write<T>(spec: RecordSpec<T>, value: T): boolean {
    const r = this.setText(spec.key, encodeRecord(spec, value));
    if (r === true) {
      if (this.status.getState().writeFailure !== undefined) this.status.setState({ writeFailure: undefined });
      return true;
    }
    this.status.setState({ writeFailure: r });
    return false;
  }

  /** Removes a key (only ever one whose content was written elsewhere first). */
  remove(key: string): void {
    try {
      this.kv?.removeItem(key);
    } catch {
      // A key that cannot be removed is harmless: it is migrated again next time.
    }
  }

  getText(key: string): string | null {
    try {
      return this.kv?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** Forgets a set-aside record: only on the learner's request. */
  discardSetAside(key: string): void {
    this.remove(key);
    this.refreshSetAside();
  }

  /** Copies `text` aside (once per distinct text); returns the key it is kept under. */
  private keepAside(from: string, text: string): string | undefined {
    const existing = this.status.getState().setAside.find((r) => r.from === from && r.text === text);
    if (existing !== undefined) return existing.key;
    let n = 1;
    while (this.getText(setAsideKeyOf(from, n)) !== null) n++;
    const key = setAsideKeyOf(from, n);
    const ok = this.setText(key, text);
    this.refreshSetAside();
    if (ok !== true) {
      // Nowhere to copy it: keep it in memory for this visit so it can still be downloaded.
      this.status.setState((s) => ({ setAside: [...s.setAside, { key, from, text, what: describeKey(from) }] }));
      return undefined;
    }
    return key;
  }

  private setText(key: string, text: string): true | string {
    if (this.kv === undefined) return 'this browser does not allow saving here';
    try {
      this.kv.setItem(key, text);
      return true;
    } catch (e) {
      return writeFailureReason(e);
    }
  }

  private refreshSetAside(): void {
    if (this.kv === undefined) return;
    const keys = keysWithPrefix(this.kv, SET_ASIDE_PREFIX);
    if (this.getText(LEGACY_PROGRESS_BACKUP_KEY) !== null) keys.push(LEGACY_PROGRESS_BACKUP_KEY);
    const setAside: SetAsideRecord[] = [];
    for (const key of keys) {
      const text = this.getText(key);
      if (text === null) continue;
      const from = fromOfSetAsideKey(key);
      setAside.push({ key, from, text, what: describeKey(from) });
    }
    this.status.setState({ setAside });
  }
}
