/** The storage module: the only code that reads or writes the browser's storage (see keys.ts). */
export { AppStorage } from './app-storage.ts';
export type { SetAsideRecord, StorageStatus, StorageStatusStore } from './app-storage.ts';
export { createDraftsStore, DRAFTS_SPEC, MAX_VERSIONS, OWN_DRAFT_ID } from './drafts.ts';
export type { Draft, DraftKind, Drafts, DraftsState, DraftsStore, DraftVersion } from './drafts.ts';
export * from './keys.ts';
export { MemoryStorage } from './kv.ts';
export type { KeyValueStorage } from './kv.ts';
export {
  EMPTY_LESSON_PROGRESS,
  lessonProgress,
  PROGRESS_SPEC,
  ProgressBook,
  readLessonProgress,
  withLesson,
} from './progress.ts';
export type { ChallengeResult, LessonProgress, Progress, SavedAnswer } from './progress.ts';
export { decodeRecord } from './record.ts';
export type { RecordSpec } from './record.ts';
export { salvagePrograms } from './salvage.ts';
