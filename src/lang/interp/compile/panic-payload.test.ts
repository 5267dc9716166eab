/**
 * The payload type of `panic!` (`&'static str` or `String`), which `downcast_ref` tells apart. The
 * expected kinds were printed by the same program compiled with rustc 1.95 (edition 2021), with
 * \`catch_unwind\` in place of the spawned tasks.
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const PROGRAM = `fn kind(p: &(dyn std::any::Any + Send)) -> &'static str {
    if p.is::<&str>() { "str" } else if p.is::<String>() { "String" } else { "other" }
}
#[tokio::main]
async fn main() {
    std::panic::set_hook(Box::new(|info| println!("{} at {}", kind(info.payload()), info.location().unwrap().line())));
    let x = 5;
    let _ = tokio::spawn(async move { panic!("plain") }).await;
    let _ = tokio::spawn(async move { panic!() }).await;
    let _ = tokio::spawn(async move { panic!("n={}", 3) }).await;
    let _ = tokio::spawn(async move { panic!("n={} s={}", 7u8, "lit") }).await;
    let _ = tokio::spawn(async move { panic!("{}", 3) }).await;
    let _ = tokio::spawn(async move { panic!("{}", "lit") }).await;
    let _ = tokio::spawn(async move { panic!("{} {}", 1, 2) }).await;
    let _ = tokio::spawn(async move { panic!("{:?}", 3) }).await;
    let _ = tokio::spawn(async move { panic!("{:>4}", 3) }).await;
    let _ = tokio::spawn(async move { panic!("{}", x) }).await;
    let _ = tokio::spawn(async move { panic!("{x}") }).await;
    let _ = tokio::spawn(async move { panic!("v {}", 1.5) }).await;
    let _ = tokio::spawn(async move { panic!("v {}", 'c') }).await;
    let _ = tokio::spawn(async move { panic!("v {}", true) }).await;
    let _ = tokio::spawn(async move { panic!("v {}", 3000000000u32) }).await;
    let _ = tokio::spawn(async move { panic!("v {0} {0}", 4) }).await;
    let _ = tokio::spawn(async move { panic!("v {a}", a = 4) }).await;
    let _ = tokio::spawn(async move { panic!("v {{}} {}", 4) }).await;
    let _ = tokio::spawn(async move { panic!("v {0} {0:?}", 4) }).await;
    let _ = tokio::spawn(async move { panic!("v {}", -1) }).await;
    let _ = tokio::spawn(async move { panic!("v {}", -1i64) }).await;
    let _ = tokio::spawn(async move { panic!("v {}", (1)) }).await;
    let _ = tokio::spawn(async move { panic!("v {} {}", ("a"), 2u64) }).await;
}
`;

/** One line per panic, in source order (rustc 1.95). */
const RUSTC_KINDS = [
  'str',
  'str',
  'str',
  'str',
  'String',
  'String',
  'str',
  'String',
  'String',
  'String',
  'String',
  'String',
  'String',
  'String',
  'str',
  'str',
  'str',
  'str',
  'String',
  'String',
  'String',
  'str',
  'str',
];

describe('panic! payload type', () => {
  it('is &str when format_args! inlines every argument, else String', () => {
    const out = stdoutOf(PROGRAM);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/ at \d+$/, '')),
    ).toEqual(RUSTC_KINDS);
  });

  it('reports each panic at its own line', () => {
    const lines = stdoutOf(PROGRAM)
      .trimEnd()
      .split('\n')
      .map((l) => Number(l.split(' at ')[1]));
    expect(lines).toEqual(Array.from({ length: RUSTC_KINDS.length }, (_, i) => i + 8));
  });
});
