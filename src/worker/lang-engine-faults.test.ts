import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEvent } from '../sim/index.ts';
import { LANG_ENGINE } from './lang-engine.ts';

const ECHO = readFileSync(join(import.meta.dirname, '../../tests/fixtures/net/n01_echo_once.rs'), 'utf8');
const CONFIG = { flavor: 'current_thread', workers: 1, seed: 1 } as const;

function runWith(faults: readonly string[], rate?: number): { end: string; types: string[] } {
  const c = LANG_ENGINE.compile(ECHO, 'src/main.rs');
  if (!c.ok) throw new Error(c.problems[0].message);
  const run = c.start({ ...CONFIG, faults, ...(rate !== undefined ? { faultRate: rate } : {}) });
  let r = run.advance(1000);
  for (let i = 0; i < 100 && r.kind === 'running'; i++) r = run.advance(1000);
  const types: string[] = [];
  for (const raw of run.trace.raws(0)) types.push(decodeEvent(raw, (i) => run.trace.string(i)).type);
  return {
    end: r.kind === 'failed' ? r.problem.message : r.kind === 'finished' ? `exit ${r.exitCode}` : r.kind,
    types,
  };
}

describe('a run config with faults (the lab Faults menu)', () => {
  it('applies them: the trace has the connect and the fault, and the program panics', () => {
    const plain = runWith([]);
    expect(plain.end).toBe('exit 0');
    expect(plain.types).toContain('net.connect');
    expect(plain.types).not.toContain('net.fault');
    const faulty = runWith(['refuse:conn=1']);
    expect(faulty.end).toBe('exit 101');
    expect(faulty.types).toContain('net.fault');
  });

  it('refuses a fault it cannot read, saying which', () => {
    expect(() => runWith(['reset:conn=x'])).toThrow('fault reset:conn=x: conn=x: expected a whole number');
  });

  it('draws faults from the seed at the rate given (the menu’s random faults), as `--faults-seeded` does', () => {
    const drawn = runWith([], 1);
    // every connect gets a fault at rate 1; which one the seed decides, and the trace shows it
    expect(drawn.types).toContain('net.fault');
    expect(drawn.types).toContain('choice');
    expect(runWith([], 1)).toEqual(drawn);
    expect(() => runWith([], 1.5)).toThrow('the fault rate must be in (0, 1], not 1.5');
  });
});
