/**
 * The fault plan imitates real failures (issue 17 item 2): a recorded program that resets a
 * connection with `set_linger(Some(Duration::ZERO))` then drop, with that line taken out and a
 * `reset` fault aimed at the same moment instead, must print what real Tokio printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../src/lang/run.ts';
import { parseFault, type Fault } from '../../src/sim/index.ts';

const dir = join(import.meta.dirname, '../fixtures/net');
const LINGER_ZERO = /^\s*\w+\.set_linger\(Some\(Duration::ZERO\)\)\.unwrap\(\);\n/m;

function run(source: string, faults: readonly string[]): { stdout: string; exitCode: number } {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const plan: Fault[] = faults.map((t) => {
    const f = parseFault(t);
    if (typeof f === 'string') throw new Error(f);
    return f;
  });
  const r = runProgram(c.program, { seed: 1, faults: { faults: plan } });
  return { stdout: r.stdout, exitCode: r.exitCode };
}

describe('a reset fault gives what a real SO_LINGER 0 reset gave', () => {
  it.each([
    // the server sends "hello\n" (6 bytes), then aborts
    ['f03_reset_after_data', 'reset:conn=1:after=6:by=server'],
    // the client aborts 20 ms in, while the server waits in read()
    ['f08_reset_while_reading', 'reset:conn=1:at=20:by=client'],
    // the server aborts once it has the client's 4 bytes
    ['f09_reset_unread_then_write', 'reset:conn=1:after=4:by=server'],
  ])('%s with %s', (name, fault) => {
    const source = readFileSync(join(dir, `${name}.rs`), 'utf8');
    expect(source).toMatch(LINGER_ZERO);
    const withoutLinger = source.replace(LINGER_ZERO, '');
    const expected = readFileSync(join(dir, `${name}.txt`), 'utf8');
    // without the linger line nothing resets, so the output differs: the fault is what restores it
    expect(run(withoutLinger, []).stdout).not.toBe(expected);
    expect(run(withoutLinger, [fault])).toEqual({ stdout: expected, exitCode: 0 });
  });
});

describe('a slow reader makes the writer wait in virtual time', () => {
  const source = [
    'use std::time::Duration;',
    'use tokio::io::{AsyncReadExt, AsyncWriteExt};',
    'use tokio::net::{TcpListener, TcpStream};',
    '',
    '#[tokio::main(flavor = "current_thread", start_paused = true)]',
    'async fn main() {',
    '    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();',
    '    let addr = listener.local_addr().unwrap();',
    '    let reader = tokio::spawn(async move {',
    '        let (mut sock, _) = listener.accept().await.unwrap();',
    '        let mut buf = [0u8; 1000];',
    '        let mut total = 0;',
    '        loop {',
    '            let n = sock.read(&mut buf).await.unwrap();',
    '            if n == 0 {',
    '                break total;',
    '            }',
    '            total += n;',
    '        }',
    '    });',
    '    let start = tokio::time::Instant::now();',
    '    let mut client = TcpStream::connect(addr).await.unwrap();',
    '    client.write_all(&[1u8; 10000]).await.unwrap();',
    '    let wrote = start.elapsed();',
    '    drop(client);',
    '    let got = reader.await.unwrap();',
    '    println!("got {got} bytes; the write took {} ms", wrote.as_millis());',
    '    let _ = Duration::ZERO;',
    '}',
  ].join('\n');

  it('at full speed the write is instant; with a 1000-byte window and 5 ms per read it takes 40 ms', () => {
    expect(run(source, []).stdout).toBe('got 10000 bytes; the write took 0 ms\n');
    // 10 windows of 1000 bytes: the last enters once the 9th read has made room, and the reads
    // come 5 ms apart, the first at once: 8 pauses
    expect(run(source, ['slow:conn=1:by=server:window=1000:delay=5']).stdout).toBe(
      'got 10000 bytes; the write took 40 ms\n',
    );
  });
});

describe('a reset at an instant wakes a program that only waits on its socket', () => {
  const source = (flavor: string) =>
    [
      'use tokio::io::AsyncReadExt;',
      'use tokio::net::{TcpListener, TcpStream};',
      '',
      `#[tokio::main(flavor = "${flavor}")]`,
      'async fn main() {',
      '    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();',
      '    let addr = listener.local_addr().unwrap();',
      '    let _client = TcpStream::connect(addr).await.unwrap();',
      '    let (mut sock, _) = listener.accept().await.unwrap();',
      '    let mut buf = [0u8; 8];',
      '    match sock.read(&mut buf).await {',
      '        Ok(n) => println!("read {n}"),',
      '        Err(e) => println!("read failed: {e}"),',
      '    }',
      '}',
    ].join('\n');

  it.each(['current_thread', 'multi_thread'])('%s: the reset arrives at 50 ms instead of a hang', (flavor) => {
    expect(run(source(flavor), ['reset:conn=1:at=50:by=client'])).toEqual({
      stdout: 'read failed: Connection reset by peer (os error 104)\n',
      exitCode: 0,
    });
  });
});
