/**
 * Panics as Rust reports them (messages and locations checked against rustc 1.95, which also
 * prints a thread id and a leading blank line that the brief's format leaves out), exit codes
 * (101 panic, 1 for `Err` from main), unwinding drops, hooks, and the runaway guard.
 */
import { describe, expect, it } from 'vitest';
import { runRust } from './test-support.ts';

const NOTE = 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n';

describe('panics', () => {
  it('reports u32 subtraction overflow at the expression, exits 101', () => {
    const r = runRust(`fn main() {
    println!("before");
    let x: u32 = 3;
    let y: u32 = 5;
    let z = x - y;
    println!("unreachable {}", z);
}
`);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(`thread 'main' panicked at src/main.rs:5:13:\nattempt to subtract with overflow\n${NOTE}`);
    expect(r.exitCode).toBe(101);
  });

  it('panics on i32 overflow of inferred literals (default i32)', () => {
    const r = runRust(`fn main() {
    let mut x = 2147483600;
    for _ in 0..100 { x += 1; }
    println!("{}", x);
}
`);
    expect(r.stderr).toContain('attempt to add with overflow');
    expect(r.exitCode).toBe(101);
  });

  it('runs destructors while unwinding, innermost first', () => {
    const r = runRust(`struct G(&'static str);
impl Drop for G { fn drop(&mut self) { println!("drop {}", self.0); } }
fn inner(n: i32) -> i32 {
    let _g = G("inner guard");
    let v: Vec<i32> = Vec::new();
    if n > 0 { return v[n as usize]; }
    0
}
fn main() {
    let _a = G("main guard");
    let o: Option<i32> = None;
    println!("{}", o.map(|x| x + 1).unwrap_or(7));
    inner(2);
}
`);
    expect(r.stdout).toBe('7\ndrop inner guard\ndrop main guard\n');
    expect(r.stderr).toBe(
      `thread 'main' panicked at src/main.rs:6:24:\nindex out of bounds: the len is 0 but the index is 2\n${NOTE}`,
    );
    expect(r.exitCode).toBe(101);
  });

  it('prints `Error: {:?}` and exits 1 when main returns Err', () => {
    const r = runRust(`fn main() -> Result<(), String> {
    println!("start");
    let r: Result<i32, String> = Err("bad thing".to_string());
    let v = r?;
    println!("{}", v);
    Ok(())
}
`);
    expect(r.stdout).toBe('start\n');
    expect(r.stderr).toBe('Error: "bad thing"\n');
    expect(r.exitCode).toBe(1);
  });

  it('uses the exact std messages of unwrap / expect / assert_eq', () => {
    const cases: [string, string][] = [
      ['let o: Option<i32> = None; o.unwrap();', 'called `Option::unwrap()` on a `None` value'],
      ['let r: Result<i32, String> = Err("e".into()); r.unwrap();', 'called `Result::unwrap()` on an `Err` value: "e"'],
      ['let r: Result<i32, String> = Err("e".into()); r.expect("ctx");', 'ctx: "e"'],
      ['assert_eq!(1 + 1, 3);', 'assertion `left == right` failed\n  left: 2\n right: 3'],
      ['assert!(1 > 2, "math is {}", "hard");', 'math is hard'],
      ['unreachable!("x {}", 1);', 'internal error: entered unreachable code: x 1'],
      ['todo!();', 'not yet implemented'],
    ];
    for (const [body, msg] of cases) {
      const r = runRust(`fn main() {\n    ${body}\n}\n`);
      expect(r.stderr.split('\n').slice(1).join('\n')).toBe(`${msg}\n${NOTE}`);
      expect(r.exitCode).toBe(101);
    }
  });

  it('prints the backtrace note once per process', () => {
    const r = runRust(`#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(async { panic!("first") });
    let b = tokio::spawn(async { panic!("second") });
    println!("{} {}", a.await.is_err(), b.await.is_err());
}
`);
    expect(r.stdout).toBe('true true\n');
    expect(r.stderr).toBe(
      `thread 'main' panicked at src/main.rs:3:34:\nfirst\n${NOTE}thread 'main' panicked at src/main.rs:4:34:\nsecond\n`,
    );
    expect(r.exitCode).toBe(0);
  });

  it('calls a hook installed with set_hook instead of the default text', () => {
    const r = runRust(`fn main() {
    std::panic::set_hook(Box::new(|info| {
        println!("hook: {}", info);
    }));
    panic!("custom {}", 5);
}
`);
    expect(r.stdout).toBe('hook: panicked at src/main.rs:5:5:\ncustom 5\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(101);
  });

  it('stops a loop that never yields with a located message', () => {
    const r = runRust(
      `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async {
        let mut n = 0u64;
        loop { n = n.wrapping_add(1); }
    });
    h.await.unwrap();
}
`,
      { maxSteps: 10_000 },
    );
    expect(r.exitCode).toBe(124);
    expect(r.error).toContain('src/main.rs:5:9');
    expect(r.error).toContain('task 1');
  });

  // columns printed by rustc 1.95 for this program (with `let i = std::env::args().count() + 2;`
  // and `which` from argv): a slice/array index at the indexed expression, a Vec index (the
  // `Index` impl) at the `[`, overflow at the start of the whole binary expression, a method
  // panic at the method name
  it.each([
    ['a', '6:38'],
    ['v', '7:41'],
    ['o', '8:65'],
    ['u', '9:70'],
    ['n', '11:10'],
  ])('locates the %s panic at %s', (which, at) => {
    const r = runRust(`fn main() {
    let v = vec![1, 2, 3];
    let a = [1, 2, 3];
    let i = 3;
    let which = "${which}";
    if which == "a" { println!("{}", a  [i]); }
    if which == "v" { println!("{}", v  [i]); }
    if which == "o" { let x: u8 = 200 + i as u8; println!("{}", x  *  (i as u8) * 100); }
    if which == "u" { let o: Option<u8> = None; println!("{}", o  .  unwrap()); }
    if which == "n" { let o: Option<u8> = None; println!("{}", o
        .expect("boom")); }
}
`);
    expect(r.stderr.split('\n')[0]).toBe(`thread 'main' panicked at src/main.rs:${at}:`);
  });
});
