import { describe, expect, it } from 'vitest';
import { ECONNREFUSED, ECONNRESET, EPIPE, WOULD_BLOCK } from './errors.ts';
import { type Fault, FaultPlan, describeFault, formatFault, parseFault } from './faults.ts';
import { Kernel, type NetSocket } from './kernel.ts';
import { READABLE, READ_CLOSED, WRITABLE } from './ready.ts';

function fault(text: string): Fault {
  const f = parseFault(text);
  if (typeof f === 'string') throw new Error(f);
  return f;
}

/** A kernel with a hand-given plan; `applied` collects what the trace would record. */
function faulty(...texts: string[]): { k: Kernel; applied: string[] } {
  const k = new Kernel();
  const applied: string[] = [];
  k.faults = new FaultPlan(texts.map(fault), null, 1, (_o, drawn) => drawn);
  k.onFault = (f, conn, port) => applied.push(`${f.kind} conn ${conn} port ${port}`);
  return { k, applied };
}

function pair(k: Kernel, port?: number): { client: NetSocket; server: NetSocket } {
  const l = k.listen(port ?? 0);
  if ('code' in l) throw new Error('listen failed');
  const client = k.connect(l.port);
  const server = k.accept(l);
  if (server === WOULD_BLOCK || 'code' in server) throw new Error('accept failed');
  return { client, server };
}

describe('fault plan text', () => {
  it('reads back what it writes', () => {
    for (const t of [
      'reset:conn=2:after=10:by=client',
      'reset:port=8080:step=40:by=server',
      'reset:conn=1:at=5:by=client',
      'reset:conn=3:by=server',
      'refuse:port=8080',
      'slow:conn=1:by=server:window=512:delay=5',
    ])
      expect(formatFault(fault(t))).toBe(t);
  });

  it('fills in defaults', () => {
    expect(fault('reset:conn=2')).toEqual({
      kind: 'reset',
      target: { kind: 'conn', conn: 2 },
      at: { kind: 'open' },
      by: 'client',
    });
    expect(formatFault(fault('slow:port=9'))).toBe('slow:port=9:by=server:window=4096:delay=10');
  });

  it('refuses bad text with one line that names the problem', () => {
    expect(parseFault('explode:conn=1')).toMatch(/unknown fault "explode"/);
    expect(parseFault('reset')).toMatch(/exactly one of conn=N or port=P/);
    expect(parseFault('reset:conn=1:port=2')).toMatch(/exactly one/);
    expect(parseFault('reset:conn=0')).toMatch(/conn=0: must be at least 1/);
    expect(parseFault('reset:conn=x')).toMatch(/conn=x: expected a whole number/);
    expect(parseFault('refuse:conn=1:after=3')).toMatch(/unknown part "after=3"/);
    expect(parseFault('reset:conn=1:after=3:step=4')).toMatch(/at most one/);
    expect(parseFault('reset:conn=1:by=nobody')).toMatch(/expected client or server/);
    expect(parseFault('slow:conn=1:window=0')).toMatch(/window=0/);
  });

  it('describes a fault in words', () => {
    expect(describeFault(fault('reset:conn=2:after=10'))).toBe('connection 2: the client resets it after 10 bytes');
    expect(describeFault(fault('refuse:port=80'))).toBe('connections to port 80: connect refused');
  });
});

describe('reset fault', () => {
  it('at once: the other end reads ConnectionReset once, then end of stream', () => {
    const { k, applied } = faulty('reset:conn=1:by=server');
    const { client, server } = pair(k);
    expect(applied).toEqual([`reset conn 1 port ${server.port}`]);
    expect(client.readiness() & (READABLE | READ_CLOSED)).toBe(READABLE | READ_CLOSED);
    expect(k.read(client, 10)).toBe(ECONNRESET);
    expect(k.read(client, 10)).toEqual([]);
    // the resetting end is dead too: it reads the end and cannot write
    expect(k.read(server, 10)).toEqual([]);
    expect(k.write(server, [1])).toBe(EPIPE);
  });

  it('a write after the reset gets ConnectionReset, then BrokenPipe (as Linux)', () => {
    const { k } = faulty('reset:conn=1:by=server');
    const { client } = pair(k);
    expect(k.write(client, [1, 2])).toBe(ECONNRESET);
    expect(k.write(client, [1, 2])).toBe(EPIPE);
  });

  it('after N bytes: exactly N bytes pass, they are read before the error', () => {
    const { k, applied } = faulty('reset:conn=1:after=3:by=client');
    const { client, server } = pair(k);
    expect(applied).toEqual([]);
    expect(k.write(client, [1, 2])).toBe(2);
    expect(k.write(client, [3, 4, 5])).toBe(1);
    expect(applied).toHaveLength(1);
    expect(k.read(server, 10)).toEqual([1, 2, 3]);
    expect(k.read(server, 10)).toBe(ECONNRESET);
    expect(k.write(client, [9])).toBe(EPIPE);
  });

  it('counts bytes in both directions, only on the connection aimed at', () => {
    const { k, applied } = faulty('reset:conn=2:after=2:by=server');
    const first = pair(k);
    expect(k.write(first.client, [1, 2, 3])).toBe(3);
    const second = pair(k);
    expect(k.write(second.server, [1])).toBe(1);
    expect(k.write(second.client, [2, 3])).toBe(1);
    expect(applied).toEqual([`reset conn 2 port ${second.server.port}`]);
    expect(k.read(first.server, 10)).toEqual([1, 2, 3]);
  });

  it('at a step or an instant: applied when the scheduler reaches it', () => {
    const { k, applied } = faulty('reset:conn=1:step=5:by=server', 'reset:conn=2:at=10:by=server');
    const a = pair(k);
    const b = pair(k);
    k.atStep(4, 9_000_000);
    expect(applied).toEqual([]);
    k.atStep(5, 9_000_000);
    expect(applied).toEqual([`reset conn 1 port ${a.server.port}`]);
    k.atStep(6, 10_000_000);
    expect(applied).toHaveLength(2);
    expect(k.read(a.client, 1)).toBe(ECONNRESET);
    expect(k.read(b.client, 1)).toBe(ECONNRESET);
  });

  it('an instant still to come is the next wake-up; reaching it applies the reset', () => {
    const { k, applied } = faulty('reset:conn=1:at=30:by=server');
    const { client } = pair(k);
    expect(k.nextFaultAt()).toBe(30_000_000);
    k.faultsAt(29_999_999);
    expect(applied).toEqual([]);
    k.faultsAt(30_000_000);
    expect(applied).toHaveLength(1);
    expect(k.nextFaultAt()).toBe(Infinity);
    expect(k.read(client, 1)).toBe(ECONNRESET);
  });

  it('a connection in CLOSE_WAIT (the peer sent FIN first) reports BrokenPipe', () => {
    const { k } = faulty('reset:conn=1:after=1:by=server');
    const { client, server } = pair(k);
    k.shutdownWrite(server);
    expect(k.write(server, [1])).toBe(EPIPE);
    expect(k.write(client, [1])).toBe(1);
    expect(k.read(client, 4)).toBe(EPIPE);
  });
});

describe('SO_LINGER 0', () => {
  it('closing aborts with a reset instead of a FIN', () => {
    const k = new Kernel();
    const { client, server } = pair(k);
    expect(k.write(server, [104, 105])).toBe(2);
    server.linger = 0;
    k.close(server);
    expect(k.read(client, 10)).toEqual([104, 105]);
    expect(k.read(client, 10)).toBe(ECONNRESET);
    expect(k.read(client, 10)).toEqual([]);
  });

  it('a non-zero linger closes cleanly', () => {
    const k = new Kernel();
    const { client, server } = pair(k);
    server.linger = 3;
    k.close(server);
    expect(k.read(client, 10)).toEqual([]);
  });
});

describe('refuse fault', () => {
  it('refuses the aimed connect although a listener exists, and only that one', () => {
    const { k, applied } = faulty('refuse:conn=2');
    const l = k.listen(0);
    if ('code' in l) throw new Error('listen failed');
    expect(k.connect(l.port).error).toBe(null);
    const refused = k.connect(l.port);
    expect(refused.error).toBe(ECONNREFUSED);
    expect(refused.readiness() & WRITABLE).toBe(WRITABLE);
    expect(k.connect(l.port).error).toBe(null);
    expect(l.backlog).toHaveLength(2);
    expect(applied).toEqual([`refuse conn 2 port ${l.port}`]);
  });

  it('by port: every connect to it', () => {
    const { k, applied } = faulty('refuse:port=8080');
    const l = k.listen(8080);
    if ('code' in l) throw new Error('listen failed');
    expect(k.connect(8080).error).toBe(ECONNREFUSED);
    expect(k.connect(8080).error).toBe(ECONNREFUSED);
    expect(applied).toHaveLength(2);
  });
});

describe('slow fault', () => {
  it('the slow end has a small window: the writer meets backpressure early', () => {
    const { k, applied } = faulty('slow:conn=1:by=server:window=4:delay=7');
    const { client, server } = pair(k);
    expect(applied).toHaveLength(1);
    expect(server.readDelayNs).toBe(7_000_000);
    expect(k.write(client, [1, 2, 3, 4, 5, 6])).toBe(4);
    expect(k.write(client, [5])).toBe(WOULD_BLOCK);
    expect(client.readiness() & WRITABLE).toBe(0);
    expect(k.read(server, 2)).toEqual([1, 2]);
    expect(client.readiness() & WRITABLE).toBe(WRITABLE);
    // the other direction keeps the normal window
    expect(k.write(server, new Array<number>(100).fill(1))).toBe(100);
  });
});

describe('seeded faults', () => {
  function seededRun(seed: number, rate: number, force?: number): string[] {
    const k = new Kernel();
    const applied: string[] = [];
    k.faults = new FaultPlan([], { rate }, seed, (_o, drawn) => force ?? drawn);
    k.onFault = (f) => applied.push(formatFault(f));
    const l = k.listen(0);
    if ('code' in l) throw new Error('listen failed');
    for (let i = 0; i < 40; i++) {
      const c = k.connect(l.port);
      k.write(c, new Array<number>(100).fill(1));
    }
    return applied;
  }

  it('replays: the same seed gives the same faults, rate 0 none, rate 1 one per connect', () => {
    expect(seededRun(7, 0.3)).toEqual(seededRun(7, 0.3));
    expect(seededRun(7, 0.3)).not.toEqual(seededRun(8, 0.3));
    expect(seededRun(7, 0)).toEqual([]);
    expect(seededRun(7, 1)).toHaveLength(40);
  });

  it('the chooser decides: forcing option 2 refuses every connect', () => {
    const applied = seededRun(7, 0, 2);
    expect(applied).toHaveLength(40);
    expect(applied.every((a) => a.startsWith('refuse:conn='))).toBe(true);
  });
});
