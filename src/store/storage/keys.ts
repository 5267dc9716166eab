/**
 * Every key Task Lab keeps in the browser's storage, in one place: what a key holds is decided
 * here and nowhere else, so two features can never write one key with different shapes.
 */
export const KEY_PREFIX = 'task-lab:';

/** The lab's drafts: the learner's own program, opened share links, recovered text. */
export const DRAFTS_KEY = 'task-lab:drafts';
/** The lab's single draft before version 2 (`{ v: 1, source }`), migrated into DRAFTS_KEY. */
export const LEGACY_DRAFT_KEY = 'task-lab:lab-draft';
/** The lessons' progress: slide, visits, answers, edited code, challenge result. */
export const PROGRESS_KEY = 'task-lab:progress';
/** Where progress v1 kept unreadable text aside; listed with the other set-aside records. */
export const LEGACY_PROGRESS_BACKUP_KEY = 'task-lab:progress:unreadable';
/** Records that could not be read are kept under `SET_ASIDE_PREFIX + <their key> + ':' + n`. */
export const SET_ASIDE_PREFIX = 'task-lab:set-aside:';

/** What a key holds, in words, for notices. */
export function describeKey(key: string): string {
  if (key === DRAFTS_KEY || key === LEGACY_DRAFT_KEY) return 'your lab programs';
  if (key === PROGRESS_KEY || key === LEGACY_PROGRESS_BACKUP_KEY) return 'your lesson progress';
  return 'saved data';
}
