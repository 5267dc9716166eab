/**
 * The key-value storage the app persists into: the browser's localStorage in the page, a Map in
 * tests. Every call may throw (quota, private mode, a sandboxed iframe); the storage module
 * catches it and never lets it reach the learner as a crash.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/** An in-memory storage (tests, and pages where the browser offers none). */
export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  /** When set, each write throws this (tests of quota and private mode). */
  failWrites: Error | undefined = undefined;

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(initial)) this.items.set(k, v);
  }
  get length(): number {
    return this.items.size;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites !== undefined) throw this.failWrites;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
}

/** The keys of `storage` that start with `prefix`; none when the browser refuses to list them. */
export function keysWithPrefix(storage: KeyValueStorage, prefix: string): string[] {
  const out: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && k.startsWith(prefix)) out.push(k);
    }
  } catch {
    return [];
  }
  return out.sort();
}

export const STORAGE_FULL = 'the browser storage is full';

/** A sentence for a refused write, from the error the browser threw. */
export function writeFailureReason(e: unknown): string {
  const name =
    e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as Error).name) : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return STORAGE_FULL;
  if (name === 'SecurityError') return 'this browser does not allow saving here (private mode or blocked storage)';
  return 'the browser refused to save';
}
