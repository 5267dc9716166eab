/**
 * `.into()` to std conversion targets (`io::Error: From<JoinError>`, user `From` impls on a type
 * named `Error`) and `collect()` into a built-in `FromIterator` type (`JoinSet`).
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const MAIN = '#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n';

describe('into and collect', () => {
  it('turns a JoinError into an io::Error of kind Other (tokio From impl)', () => {
    const out = stdoutOf(`${MAIN}    let e = tokio::spawn(async { panic!("x") }).await.unwrap_err();
    let io: std::io::Error = e.into();
    println!("{} {:?}", io, io.kind());
}
`);
    expect(out).toBe('task panicked Other\n');
  });

  it('uses a user From impl for a user type named Error', () => {
    const out = stdoutOf(`#[derive(Debug)]
enum Error { Code(u8) }
impl From<u8> for Error { fn from(c: u8) -> Self { Error::Code(c) } }
fn main() {
    let e: Error = 7u8.into();
    println!("{:?}", e);
}
`);
    expect(out).toBe('Code(7)\n');
  });

  it('collects futures into a JoinSet', () => {
    const out = stdoutOf(`use tokio::task::JoinSet;
${MAIN}    let mut set: JoinSet<u32> = (1..=3u32).map(|n| async move { n * 2 }).collect();
    println!("len={}", set.len());
    let mut got = Vec::new();
    while let Some(r) = set.join_next().await { got.push(r.unwrap()); }
    got.sort();
    println!("{:?}", got);
}
`);
    expect(out).toBe('len=3\n[2, 4, 6]\n');
  });
});
