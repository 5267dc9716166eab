/**
 * The page's one AppStorage over localStorage, shared by the lab and the lessons so both show the
 * same set-aside records and write warnings. Where the browser offers no storage (a sandboxed
 * iframe, some privacy modes) every write reports a failure, which the notice shows.
 */
import { AppStorage } from '../../store/storage/index.ts';
import type { KeyValueStorage } from '../../store/storage/index.ts';

function localStorageOrUndefined(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

let page: AppStorage | undefined;

export function pageAppStorage(): AppStorage {
  page ??= new AppStorage(localStorageOrUndefined());
  return page;
}
