/**
 * The I/O driver and SIGINT in the trace (issue 17): a program's trace names each registration,
 * each driver turn and the readiness it set, each WOULD_BLOCK that cleared readiness, each
 * Registration waker woken (and the `waker.wake` that follows it), and each Ctrl-C press.
 */
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../../run.ts';
import type { RunOptions } from '../../../run.ts';
import type { SimEvent } from '../../../../sim/index.ts';

function trace(source: string, options: RunOptions = {}): { events: SimEvent[]; exitCode: number; stdout: string } {
  const c = compile(source);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const r = runProgram(c.program, { seed: 1, ...options });
  return { events: [...r.world.trace.events()], exitCode: r.exitCode, stdout: r.stdout };
}

const ECHO = `
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 8];
        let n = sock.read(&mut buf).await.unwrap();
        sock.write_all(&buf[..n]).await.unwrap();
    });
    let mut c = TcpStream::connect(addr).await.unwrap();
    c.write_all(b"hi").await.unwrap();
    let mut buf = [0u8; 8];
    let n = c.read(&mut buf).await.unwrap();
    println!("{}", String::from_utf8_lossy(&buf[..n]));
    server.await.unwrap();
}
`;

function lastBefore(events: readonly SimEvent[], index: number, p: (e: SimEvent) => boolean): SimEvent | undefined {
  for (let i = index - 1; i >= 0; i--) if (p(events[i])) return events[i];
  return undefined;
}

const io = (events: readonly SimEvent[]) =>
  events.filter((e) => e.type.startsWith('io.') || e.type.startsWith('signal.'));

describe('I/O driver events', () => {
  it('registers the listener, then the client stream, with their ports', () => {
    const { events, stdout } = trace(ECHO);
    expect(stdout).toBe('hi\n');
    const regs = events.filter((e) => e.type === 'io.register');
    expect(regs.map((e) => (e.type === 'io.register' ? e.kind : ''))).toEqual(['listener', 'stream', 'stream']);
    const [listener, client, accepted] = regs.map((e) => (e.type === 'io.register' ? e : undefined));
    expect(listener?.peerPort).toBe(0);
    expect(client?.peerPort).toBe(listener?.localPort);
    expect(accepted?.localPort).toBe(listener?.localPort);
    expect(accepted?.peerPort).toBe(client?.localPort);
  });

  it('a turn reports the listener readable and wakes the accepting task, which then clears it', () => {
    const { events } = trace(ECHO);
    const listener = events.find((e) => e.type === 'io.register' && e.kind === 'listener');
    if (listener?.type !== 'io.register') throw new Error('no listener registered');
    const s = listener.socket;
    const seq = io(events).filter((e) => 'socket' in e && e.socket === s);
    const types = seq.map((e) => e.type);
    // register, the accept finds nothing and waits, a turn sets READABLE and wakes it, the
    // accept takes the connection, and the socket is deregistered when the task drops it
    expect(types.slice(0, 4)).toEqual(['io.register', 'io.wait', 'io.ready', 'io.wake']);
    expect(types[types.length - 1]).toBe('io.deregister');
    const ready = seq[2];
    expect(ready.type === 'io.ready' && ready.ready & 1).toBe(1);
    const turn = lastBefore(events, ready.index, (e) => e.type === 'io.turn');
    expect(turn?.type === 'io.turn' && ready.type === 'io.ready' && turn.tick === ready.tick).toBe(true);
    const wait = seq[1];
    const wake = seq[3];
    expect(wake.task).toBe(wait.task);
    expect(wake.type === 'io.wake' && wake.direction).toBe('read');
    // the Registration's waker fires right after the io.wake that names it
    const next = events[wake.index + 1];
    expect(next?.type).toBe('waker.wake');
    expect(next?.task).toBe(wake.task);
  });

  it('a WOULD_BLOCK clears readiness the socket had cached', () => {
    const { events } = trace(ECHO);
    const clears = events.filter((e) => e.type === 'io.clear');
    expect(clears.length).toBeGreaterThan(0);
    for (const c of clears) {
      if (c.type !== 'io.clear') continue;
      expect(c.cleared).not.toBe(0);
      expect(c.left & c.cleared).toBe(0);
      // it clears what an earlier turn set on the same socket
      const set = lastBefore(events, c.index, (e) => e.type === 'io.ready' && e.socket === c.socket);
      expect(set?.type === 'io.ready' && (set.ready & c.cleared) === c.cleared).toBe(true);
    }
  });
});

const CTRL_C = `
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("waiting");
    tokio::signal::ctrl_c().await.unwrap();
    println!("got Ctrl-C");
}
`;

describe('SIGINT events', () => {
  it('install, arrive, deliver, then the listener wakes', () => {
    const { events, stdout, exitCode } = trace(CTRL_C, { ctrlCAfterSteps: [1] });
    expect(stdout).toBe('waiting\ngot Ctrl-C\n');
    expect(exitCode).toBe(0);
    const sig = io(events);
    expect(sig.map((e) => e.type)).toEqual(['signal.install', 'signal.arrive', 'signal.deliver']);
    const [, arrive, deliver] = sig;
    expect(arrive.type === 'signal.arrive' && arrive.kills).toBe(false);
    // pressed after step 1, it arrives when the thread enters the driver in step 2
    expect(arrive.step).toBe(2);
    expect(deliver.type === 'signal.deliver' && deliver.woken === 1 && deliver.presses === 1).toBe(true);
    expect(events.find((e) => e.type === 'waker.wake' && e.index > deliver.index)?.task).toBe(0);
  });

  it('a press after the last step of a run waiting for Ctrl-C ends the wait', () => {
    const { stdout, exitCode } = trace(CTRL_C, { ctrlCAfterSteps: [40] });
    expect(stdout).toBe('waiting\ngot Ctrl-C\n');
    expect(exitCode).toBe(0);
  });

  it('a press before ctrl_c() is registered kills the process: exit 130, and the trace says so', () => {
    const { events, stdout, exitCode } = trace(CTRL_C, { ctrlCAfterSteps: [0] });
    expect(exitCode).toBe(130);
    expect(stdout).toBe('');
    const sig = io(events);
    expect(sig.map((e) => e.type)).toEqual(['signal.arrive']);
    expect(sig[0].type === 'signal.arrive' && sig[0].kills).toBe(true);
  });
});
