import { describe, expect, it } from 'vitest';
import { faultText, faultWords, type FaultChoice } from './fault-choice.ts';

const base: FaultChoice = { kind: 'reset', conn: 2, by: 'server', when: 'now', bytes: 10 };

describe('the Faults menu as --fault text', () => {
  it('writes what was picked', () => {
    expect(faultText(base, 41)).toBe('reset:conn=2:step=41:by=server');
    expect(faultText({ ...base, when: 'open', by: 'client' }, 41)).toBe('reset:conn=2:by=client');
    expect(faultText({ ...base, when: 'bytes', bytes: 7.9 }, 41)).toBe('reset:conn=2:after=7:by=server');
    expect(faultText({ ...base, kind: 'refuse' }, 41)).toBe('refuse:conn=2');
    expect(faultText({ ...base, kind: 'slow' }, 41)).toBe('slow:conn=2:by=server:window=4096:delay=10');
  });

  it('says a fault in words, and shows unreadable text as it is', () => {
    expect(faultWords('reset:conn=2:step=41:by=server')).toBe('connection 2: the server resets it at step 41');
    expect(faultWords('nonsense')).toBe('nonsense');
  });
});
