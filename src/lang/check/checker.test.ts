import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOk } from '../syntax/test-util.ts';
import { walk } from '../syntax/visit.ts';
import { checkProgram, parseAndCheck } from './index.ts';
import { IMPLEMENTABLE_TRAITS } from './checker.ts';

const EXAMPLES = new URL('../../../tests/fixtures/examples/', import.meta.url);

function refusals(source: string): string[] {
  return checkProgram(parseOk(source)).map((d) => d.message);
}

describe('checker accepts the subset', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.rs')))('example %s', (file) => {
    expect(checkProgram(parseOk(readFileSync(new URL(file, EXAMPLES), 'utf8')))).toEqual([]);
  });

  it('accepts supported trait impls, own traits, simple trait objects and derives', () => {
    const src = `
      #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
      struct P { x: i32 }
      impl std::fmt::Display for P { fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { Ok(()) } }
      impl From<i32> for P { fn from(x: i32) -> Self { P { x } } }
      impl Speak for P {}
      trait Speak {}
      type Job = Box<dyn Fn(i32) -> i32 + Send + Sync + 'static>;
      static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
      fn main() { tokio::pin!(f); if let Some(x) = y { } let c = move |x| async move { x }; }`;
    expect(refusals(src)).toEqual([]);
  });

  it.each(IMPLEMENTABLE_TRAITS)('accepts impl %s (run by the interpreter: interp/user-traits.test.ts)', (name) => {
    expect(refusals(`impl ${name} for S {}`)).toEqual([]);
  });
});

describe('checker refuses what the interpreter does not run', () => {
  it.each([
    ['fn f() { unsafe { g() } }', '`unsafe` blocks are not supported'],
    ['unsafe fn f() {}', '`unsafe fn` is not supported'],
    ['extern "C" fn f() {}', '`extern` functions are not supported'],
    ['trait Tr {}\nunsafe impl Tr for S {}', '`unsafe impl` is not supported'],
    ['unsafe trait T {}', '`unsafe` and `auto` traits are not supported'],
    ['mod other;', 'modules in other files are not supported'],
    ['static mut X: u8 = 0;', '`static mut` is not supported'],
    ['fn f(p: *const u8) {}', 'raw pointers are not supported'],
    ['fn f(x: Box<dyn Read + Write>) {}', 'trait objects with more than one trait are not supported'],
    ['fn f() { if let Some(x) = a && x > 1 {} }', '`let` chains (`if let … && …`) are not supported'],
    ['fn f() { while let Some(x) = a && b {} }', '`let` chains (`if let … && …`) are not supported'],
    // a self type that is not a plain path (`<Vec<u8> as Default>::default()` is desugared: parseAndCheck)
    ['fn f() { let n = <[u8]>::len(&x); }', 'qualified paths (`<T as Trait>::name`) are not supported'],
    ['fn f() { let p = tokio::pin!(x); }', '`pin!` is only supported as a statement'],
    // a program's own `Hasher` runs, its own `BuildHasher` does not
    [
      'impl std::hash::BuildHasher for S { type Hasher = H; fn build_hasher(&self) -> H { H } }',
      'implementing the trait `BuildHasher` is not supported',
    ],
    ['impl !Send for S {}', 'negative impls (`impl !Trait for T`) are not supported'],
    ['#[derive(Serialize)] struct S;', '`#[derive(Serialize)]` is not supported'],
    ['fn f() { tokio::select! {} }', '`select!` needs at least one branch'],
  ])('%s', (src, message) => {
    expect(refusals(src)).toEqual([message]);
  });

  it('gives every refusal a location and a hint, sorted by position', () => {
    const src = 'fn f() {\n    let x = unsafe { 1 };\n}\nstatic mut Y: u8 = 0;\nmod other;';
    const ds = checkProgram(parseOk(src));
    expect(ds.map((d) => [d.line, d.col])).toEqual([
      [2, 13],
      [4, 1],
      [5, 1],
    ]);
    for (const d of ds) {
      expect(d.file).toBe('src/main.rs');
      expect(d.hint).toBeTruthy();
      expect(d.endLine).toBeDefined();
    }
  });

  it('refuses a select! with more than 64 branches', () => {
    const branches = Array.from({ length: 65 }, (_, i) => `_ = f${i} => {}`).join('\n');
    expect(refusals(`fn f() { tokio::select! { ${branches} } }`)).toEqual(['`select!` supports at most 64 branches']);
  });
});

describe('parseAndCheck', () => {
  it('returns the program when it is runnable', () => {
    const r = parseAndCheck('fn main() { println!("hi"); }', 'src/x.rs');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.program.file).toBe('src/x.rs');
  });

  it('returns parse errors and checker refusals as diagnostics', () => {
    const a = parseAndCheck('fn main() { let = ; }');
    expect(a.ok).toBe(false);
    const b = parseAndCheck('fn main() { unsafe {} }', 'lesson.rs');
    expect(b).toMatchObject({ ok: false, diagnostics: [{ file: 'lesson.rs', line: 1, col: 13 }] });
  });
});

describe('qualified paths with a plain self type are read as the type path', () => {
  it.each([
    ['fn f() { let n = <A as Named>::NAME; }', 'A::NAME'],
    ['fn f() { let v = <Vec<u8> as Default>::default(); }', 'Vec::default'],
    ['fn f() { let p = <Point>::new(); }', 'Point::new'],
    ['fn f<T: Make>() { T::make(); <T as Make>::make(); }', 'T::make'],
  ])('%s', (src, path) => {
    const r = parseAndCheck(src);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const paths: string[] = [];
    walk(r.program, (n) => {
      if (n.kind === 'Path' && n.segments.length > 1) paths.push(n.segments.map((s) => s.name).join('::'));
      return true;
    });
    expect(paths).toContain(path);
    expect(paths.every((p) => !p.includes('<'))).toBe(true);
  });
});
