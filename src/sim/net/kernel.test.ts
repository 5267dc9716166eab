import { describe, expect, it } from 'vitest';
import { ECONNREFUSED, ECONNRESET, EPIPE, EADDRINUSE, WOULD_BLOCK } from './errors.ts';
import { IoDriver } from './io-driver.ts';
import { Kernel, STREAM_BUFFER_BYTES, type NetSocket } from './kernel.ts';
import { READABLE, READ_CLOSED, WRITABLE } from './ready.ts';

function pair(k: Kernel): { client: NetSocket; server: NetSocket; port: number } {
  const l = k.listen(0);
  if ('code' in l) throw new Error('listen failed');
  const client = k.connect(l.port);
  const server = k.accept(l);
  if (server === WOULD_BLOCK || 'code' in server) throw new Error('accept failed');
  return { client, server, port: l.port };
}

describe('loopback kernel', () => {
  it('binds ephemeral ports and refuses a second bind of the same port', () => {
    const k = new Kernel();
    const a = k.listen(0);
    if ('code' in a) throw new Error('listen failed');
    expect(k.listen(a.port)).toBe(EADDRINUSE);
  });

  it('reports a refused connect through SO_ERROR, as a non-blocking connect does', () => {
    const k = new Kernel();
    const s = k.connect(1);
    expect(s.error).toBe(ECONNREFUSED);
    expect(s.readiness() & WRITABLE).toBe(WRITABLE);
  });

  it('moves bytes, reads partially and ends with 0 after a FIN', () => {
    const k = new Kernel();
    const { client, server } = pair(k);
    expect(k.read(server, 4)).toBe(WOULD_BLOCK);
    expect(k.write(client, [1, 2, 3, 4, 5])).toBe(5);
    expect(k.read(server, 2)).toEqual([1, 2]);
    expect(k.read(server, 10)).toEqual([3, 4, 5]);
    k.shutdownWrite(client);
    expect(server.readiness() & READ_CLOSED).toBe(READ_CLOSED);
    expect(k.read(server, 10)).toEqual([]);
  });

  it('applies backpressure when the peer does not read', () => {
    const k = new Kernel();
    const { client, server } = pair(k);
    const big = new Array<number>(STREAM_BUFFER_BYTES + 10).fill(7);
    expect(k.write(client, big)).toBe(STREAM_BUFFER_BYTES);
    expect(k.write(client, [1])).toBe(WOULD_BLOCK);
    expect(client.readiness() & WRITABLE).toBe(0);
    expect(k.read(server, 100)).toHaveLength(100);
    expect(client.readiness() & WRITABLE).toBe(WRITABLE);
  });

  it('resets the peer when a socket closes with unread bytes', () => {
    const k = new Kernel();
    const { client, server } = pair(k);
    k.write(client, [1, 2, 3]);
    k.close(server);
    expect(k.read(client, 10)).toBe(ECONNRESET);
    expect(k.read(client, 10)).toEqual([]);
  });

  it('answers a write to a closed peer with a reset, then EPIPE (CLOSE_WAIT)', () => {
    const k = new Kernel();
    const { client, server } = pair(k);
    k.close(server);
    expect(k.write(client, [1])).toBe(1);
    expect(k.write(client, [1])).toBe(EPIPE);
  });
});

describe('I/O driver', () => {
  it('queues each socket once, in edge order, and reports its current readiness at the turn', () => {
    const k = new Kernel();
    const io = new IoDriver();
    const l = k.listen(0);
    if ('code' in l) throw new Error('listen failed');
    const lio = io.register(l);
    expect(io.hasEvents()).toBe(false);
    const client = k.connect(l.port);
    const cio = io.register(client);
    expect(io.hasEvents()).toBe(true);
    const seen: string[] = [];
    const waker = (name: string) => ({
      target: -1,
      clone() {
        return this;
      },
      wake: () => seen.push(name),
      wakeByRef: () => seen.push(name),
      drop: () => undefined,
      willWake: () => false,
    });
    lio.reader = waker('listener');
    cio.writer = waker('client');
    expect(io.turn()).toBe(2);
    expect(seen).toEqual(['listener', 'client']);
    expect(lio.readiness & READABLE).toBe(READABLE);
    expect(io.hasEvents()).toBe(false);
  });
});
