/** `npm run sim` with network faults (issue 17 item 2): the flags, their refusals, their effect. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sim } from './run-sim.ts';

const ECHO = join(ROOT, 'tests/fixtures/net/n01_echo_once.rs');

function oneLine(r: ReturnType<typeof sim>, line: string): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`${line}\n`);
}

describe('npm run sim --fault', () => {
  it('without faults the echo runs as recorded', () => {
    expect(sim(ECHO)).toMatchObject({ code: 0, stdout: 'server read 5 bytes\nclient got "hello"\n' });
  });

  it('reset by the server: the client reads ConnectionReset with Linux text', () => {
    const r = sim(ECHO, '--fault', 'reset:conn=1:by=server');
    expect(r.code).toBe(101);
    expect(r.stderr).toContain('Os { code: 104, kind: ConnectionReset, message: "Connection reset by peer" }');
  });

  it('reset by the client after 3 bytes: the client, which reset it, writes no more (BrokenPipe)', () => {
    const r = sim(ECHO, '--fault', 'reset:conn=1:after=3:by=client');
    expect(r.code).toBe(101);
    expect(r.stderr).toContain('kind: BrokenPipe');
  });

  it('refuse: the connect fails although the listener exists', () => {
    const r = sim(ECHO, '--fault', 'refuse:conn=1');
    expect(r.code).toBe(101);
    expect(r.stderr).toContain('Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }');
  });

  it('a fault aimed at another connection changes nothing', () => {
    expect(sim(ECHO, '--fault', 'refuse:conn=2', '--fault', 'reset:port=1')).toMatchObject({ code: 0 });
  });

  it('the narration says which connection failed and how', () => {
    const r = sim(ECHO, '--fault', 'reset:conn=1:by=server', '--events');
    expect(r.stderr).toMatch(/connection 1: the server reset it, so the client gets ConnectionReset/);
  });

  it('seeded faults replay: the same seed and rate give the same run', () => {
    const a = sim(ECHO, '--faults-seeded', '1', '--seed', '5', '--events');
    const b = sim(ECHO, '--faults-seeded', '1', '--seed', '5', '--events');
    expect(a).toEqual(b);
    expect(a.stderr).toMatch(/\(a planned fault\)/);
  });

  it('--explore varies the seeded faults and names the decision a failing group took', () => {
    const r = sim(ECHO, '--explore', '--runs', '20', '--faults-seeded', '0.5');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Os { code: 111, kind: ConnectionRefused');
    expect(r.stdout).toContain('(net.fault, 4 options): a refused connect');
  });

  it('--help lists the fault flags', () => {
    const r = sim('--help');
    expect(r.stdout).toContain('--fault SPEC');
    expect(r.stdout).toContain('--faults-seeded R');
    expect(r.stdout).toContain('refuse:conn=N or refuse:port=P');
  });

  it('each bad flag is one line', () => {
    oneLine(
      sim(ECHO, '--fault', 'reset:conn=2:after=x'),
      'sim: --fault reset:conn=2:after=x: after=x: expected a whole number. (see --help)',
    );
    oneLine(
      sim(ECHO, '--faults-seeded', 'lots'),
      'sim: --faults-seeded takes a rate from 0 to 1, got lots. (see --help)',
    );
  });
});
