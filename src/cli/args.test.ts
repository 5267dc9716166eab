import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './args.ts';

describe('parseSimArgs', () => {
  it('reads every option', () => {
    const r = parseSimArgs([
      'p.rs',
      '--seed',
      '7',
      '--flavor',
      'multi_thread',
      '--workers',
      '4',
      '--max-steps',
      '99',
      '--trace',
      't.json',
      '--events',
    ]);
    expect(r).toEqual({
      ok: true,
      args: {
        file: 'p.rs',
        seed: 7,
        flavor: 'multi_thread',
        workers: 4,
        maxSteps: 99,
        trace: 't.json',
        events: true,
        explore: undefined,
        replay: undefined,
      },
    });
  });
  it('defaults the seed to 1 and leaves the rest to the program', () => {
    expect(parseSimArgs(['p.rs'])).toMatchObject({
      ok: true,
      args: { seed: 1, flavor: undefined, workers: undefined },
    });
  });
  it('reads the explore options, with defaults', () => {
    expect(parseSimArgs(['p.rs', '--explore'])).toMatchObject({
      ok: true,
      args: { explore: { strategy: 'random', runs: 100, depth: undefined, preemptions: undefined } },
    });
    const r = parseSimArgs([
      'p.rs',
      '--explore',
      '--strategy',
      'dfs',
      '--runs',
      '50',
      '--depth',
      '9',
      '--preemptions',
      '0',
    ]);
    expect(r).toMatchObject({ ok: true, args: { explore: { strategy: 'dfs', runs: 50, depth: 9, preemptions: 0 } } });
    expect(parseSimArgs(['p.rs', '--replay', '7-1.1'])).toMatchObject({ ok: true, args: { replay: '7-1.1' } });
  });
  it.each([
    [['p.rs', '--runs', '5'], '--runs only goes with --explore.'],
    [['p.rs', '--explore', '--strategy', 'bfs'], '--strategy takes random, pct or dfs, got bfs.'],
    [['p.rs', '--explore', '--replay', '1'], '--explore and --replay do not go together: replay one key at a time.'],
    [['p.rs', '--replay'], '--replay takes a replay key.'],
  ])('refuses %j', (argv, message) => {
    expect(parseSimArgs(argv)).toEqual({ ok: false, message });
  });
  it.each([
    [['p.rs', '--seed'], '--seed takes a whole number, got nothing.'],
    [['p.rs', '--seed', 'x'], '--seed takes a whole number, got x.'],
    [['p.rs', '--workers', '0'], '--workers must be at least 1, got 0.'],
    [['p.rs', '--flavor', 'local'], '--flavor takes current_thread or multi_thread, got local.'],
    [['p.rs', '--bogus'], 'unknown option --bogus.'],
    [['a.rs', 'b.rs'], 'one program at a time: got a.rs and b.rs.'],
    [[], 'name the Rust program to run.'],
  ])('refuses %j', (argv, message) => {
    expect(parseSimArgs(argv)).toEqual({ ok: false, message });
  });
});
