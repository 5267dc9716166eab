import { describe, expect, it } from 'vitest';
import { UNUSED_FUTURE_MEANING, problemText, taskMeaning } from './problem-text.ts';

const unused = {
  line: 7,
  col: 5,
  message: 'unused implementer of `Future` that must be used',
  hint: 'futures do nothing unless you `.await` or poll them',
  severity: 'warning',
} as const;

describe('problemText', () => {
  it('marks a warning as a warning and says what an unused future means for tasks', () => {
    const text = problemText(unused);
    expect(text.startsWith('⚠ line 7:5: warning: unused implementer of `Future`')).toBe(true);
    expect(text.endsWith(UNUSED_FUTURE_MEANING)).toBe(true);
    expect(taskMeaning(unused)).toBe(UNUSED_FUTURE_MEANING);
  });

  it('leaves errors and other warnings in rustc words alone', () => {
    const error = { line: 2, col: 9, message: 'mismatched types', hint: 'expected `u32`, found `&str`' };
    expect(problemText(error)).toBe('✕ line 2:9: mismatched types — expected `u32`, found `&str`');
    expect(taskMeaning({ ...unused, hint: 'unused variable' })).toBeUndefined();
    // The sentence belongs to the warning only: an error quoting the same words gets none.
    expect(taskMeaning({ ...unused, severity: undefined })).toBeUndefined();
  });
});
