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
      kind: 'run',
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
        ctrlCAt: [],
        faults: [],
        faultRate: undefined,
      },
    });
  });
  it('reads network faults: --fault repeated, --faults-seeded once', () => {
    const r = parseSimArgs([
      'p.rs',
      '--fault',
      'reset:conn=2:after=10',
      '--fault=refuse:port=8080',
      '--fault',
      'slow:conn=1:window=512',
      '--faults-seeded',
      '0.2',
    ]);
    expect(r).toMatchObject({
      kind: 'run',
      args: {
        faults: [
          { kind: 'reset', target: { kind: 'conn', conn: 2 }, at: { kind: 'bytes', bytes: 10 }, by: 'client' },
          { kind: 'refuse', target: { kind: 'port', port: 8080 } },
          { kind: 'slow', target: { kind: 'conn', conn: 1 }, by: 'server', window: 512, delayMs: 10 },
        ],
        faultRate: 0.2,
      },
    });
    expect(parseSimArgs(['p.rs', '--faults-seeded', '1'])).toMatchObject({ args: { faultRate: 1 } });
  });
  it('names the grammar when --fault has no value', () => {
    const r = parseSimArgs(['p.rs', '--fault']);
    expect(r.kind === 'error' ? r.message : '').toMatch(/^--fault takes a fault: reset:\(conn=N\|port=P\)/);
  });
  it('reads Ctrl-C presses, one or a comma-separated list', () => {
    expect(parseSimArgs(['p.rs', '--ctrl-c-at', '300'])).toMatchObject({ kind: 'run', args: { ctrlCAt: [300] } });
    expect(parseSimArgs(['p.rs', '--ctrl-c-at=100,250'])).toMatchObject({ kind: 'run', args: { ctrlCAt: [100, 250] } });
  });
  it('defaults the seed to 1 and leaves the rest to the program', () => {
    expect(parseSimArgs(['p.rs'])).toMatchObject({
      kind: 'run',
      args: { seed: 1, flavor: undefined, workers: undefined },
    });
  });
  it('reads the explore options, with defaults', () => {
    expect(parseSimArgs(['p.rs', '--explore'])).toMatchObject({
      kind: 'run',
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
    expect(r).toMatchObject({
      kind: 'run',
      args: { explore: { strategy: 'dfs', runs: 50, depth: 9, preemptions: 0 } },
    });
    expect(parseSimArgs(['p.rs', '--replay', '7-1.1'])).toMatchObject({ kind: 'run', args: { replay: '7-1.1' } });
  });
  it.each([
    [['p.rs', '--runs', '5'], '--runs only goes with --explore.'],
    [['p.rs', '--explore', '--strategy', 'bfs'], '--strategy takes random, pct or dfs, got bfs.'],
    [['p.rs', '--explore', '--replay', '1'], '--explore and --replay do not go together: replay one key at a time.'],
    [['p.rs', '--replay'], '--replay takes a replay key.'],
    [['p.rs', '--ctrl-c-at'], '--ctrl-c-at takes a whole number, got nothing.'],
    [['p.rs', '--ctrl-c-at', '10,x'], '--ctrl-c-at takes a whole number, got x.'],
    [['p.rs', '--fault', 'boom:conn=1'], '--fault boom:conn=1: unknown fault "boom" (expected reset, refuse or slow).'],
    [['p.rs', '--fault', 'reset:conn=0'], '--fault reset:conn=0: conn=0: must be at least 1.'],
    [['p.rs', '--fault', 'refuse'], '--fault refuse: refuse: give exactly one of conn=N or port=P.'],
    [['p.rs', '--faults-seeded', '1.5'], '--faults-seeded takes a rate from 0 to 1, got 1.5.'],
    [['p.rs', '--faults-seeded', '0.1', '--faults-seeded', '0.2'], '--faults-seeded was given twice.'],
  ])('refuses %j', (argv, message) => {
    expect(parseSimArgs(argv)).toEqual({ kind: 'error', message });
  });
  it.each([
    [['p.rs', '--seed'], '--seed takes a whole number, got nothing.'],
    [['p.rs', '--seed', 'x'], '--seed takes a whole number, got x.'],
    [['p.rs', '--workers', '0'], '--workers must be at least 1, got 0.'],
    [['p.rs', '--workers', '1000000'], '--workers must be at most 64, got 1000000.'],
    [['p.rs', '--seed', '99999999999999999999'], '--seed must be at most 9007199254740991, got 99999999999999999999.'],
    [['p.rs', '--max-steps', '0'], '--max-steps must be at least 1, got 0.'],
    [['p.rs', '--seed', '1', '--seed', '2'], '--seed was given twice.'],
    [['p.rs', '--events=yes'], '--events takes no value.'],
    [['p.rs', '--trace', ''], '--trace takes an output file name.'],
    [['p.rs', '--trace', '--events'], '--trace takes an output file name.'],
    [['p.rs', '--flavor', 'local'], '--flavor takes current_thread or multi_thread, got local.'],
    [['p.rs', '--bogus'], 'unknown option --bogus.'],
    [['a.rs', 'b.rs'], 'one program at a time: got a.rs and b.rs.'],
    [[], 'name the Rust program to run.'],
  ])('refuses %j', (argv, message) => {
    expect(parseSimArgs(argv)).toEqual({ kind: 'error', message });
  });
  it('reads --flag=value like --flag value, and --help wins', () => {
    expect(parseSimArgs(['p.rs', '--seed=9', '--flavor=multi_thread'])).toMatchObject({
      kind: 'run',
      args: { seed: 9, flavor: 'multi_thread' },
    });
    expect(parseSimArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseSimArgs(['p.rs', '-h'])).toEqual({ kind: 'help' });
  });
});
