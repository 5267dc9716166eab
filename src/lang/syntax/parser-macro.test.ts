import { describe, expect, it } from 'vitest';
import { exprOf, parseErr, stmtsOf } from './test-util.ts';

describe('parser: format macros', () => {
  it('parses the format string, positional and named arguments', () => {
    expect(exprOf('println!("{} {name} {:?}", a, b, name = c + 1)')).toMatchObject({
      kind: 'FormatMacro',
      name: 'println',
      delim: '(',
      target: null,
      format: { kind: 'StrLit', value: '{} {name} {:?}' },
      args: [
        { name: null, value: { kind: 'PathExpr' } },
        { name: null, value: { kind: 'PathExpr' } },
        { name: 'name', value: { kind: 'Binary' } },
      ],
    });
  });

  it('accepts empty argument lists, trailing commas, paths and other delimiters', () => {
    expect(exprOf('println!()')).toMatchObject({ format: null, args: [] });
    expect(exprOf('panic!()')).toMatchObject({ name: 'panic', format: null });
    expect(exprOf('eprint!("x",)')).toMatchObject({ name: 'eprint', args: [] });
    expect(exprOf('std::println!["{}", 1]')).toMatchObject({
      name: 'println',
      delim: '[',
      path: { segments: [{ name: 'std' }, { name: 'println' }] },
    });
    for (const name of ['print', 'eprintln', 'format', 'unreachable', 'todo', 'unimplemented']) {
      expect(exprOf(`${name}!("a {}", 1)`)).toMatchObject({ kind: 'FormatMacro', name });
    }
  });

  it('parses write!/writeln! with a target', () => {
    expect(exprOf('write!(f, "({}, {})", self.x, self.y)')).toMatchObject({
      name: 'write',
      target: { kind: 'PathExpr' },
      format: { value: '({}, {})' },
      args: [{ value: { kind: 'Field' } }, { value: { kind: 'Field' } }],
    });
    expect(exprOf('writeln!(out)')).toMatchObject({ name: 'writeln', target: {}, format: null });
  });

  it('requires a string literal format', () => {
    expect(parseErr('fn f() { println!(x); }').message).toMatch(/format string literal/);
  });
});

describe('parser: assertion and value macros', () => {
  it('parses assert!, assert_eq!, assert_ne! with optional messages', () => {
    expect(exprOf('assert!(a > 1)')).toMatchObject({ kind: 'AssertMacro', cond: { kind: 'Binary' }, format: null });
    expect(exprOf('assert!(ok, "bad {}", x)')).toMatchObject({ format: { value: 'bad {}' }, args: [{}] });
    expect(exprOf('assert_eq!(a, b)')).toMatchObject({ kind: 'AssertCmpMacro', op: 'eq', format: null });
    expect(exprOf('assert_ne!(a, b, "m")')).toMatchObject({ op: 'ne', format: { value: 'm' } });
    expect(exprOf('debug_assert_eq!(a, b,)')).toMatchObject({ op: 'eq', name: 'debug_assert_eq' });
  });

  it('parses vec! lists and repeats', () => {
    expect(exprOf('vec![]')).toMatchObject({ kind: 'VecMacro', elems: [], repeat: null });
    expect(exprOf('vec![1, 2, 3,]')).toMatchObject({ elems: [{}, {}, {}], repeat: null });
    expect(exprOf('vec![0u8; n]')).toMatchObject({ elems: [], repeat: { value: { kind: 'IntLit' }, count: {} } });
  });

  it('parses matches! with a guard and dbg!', () => {
    expect(exprOf('matches!(x, Some(1..=5) | None if ok)')).toMatchObject({
      kind: 'MatchesMacro',
      pat: { kind: 'OrPat' },
      guard: { kind: 'PathExpr' },
    });
    expect(exprOf('dbg!(a, b + 1)')).toMatchObject({ kind: 'DbgMacro', args: [{}, { kind: 'Binary' }] });
  });
});

describe('parser: tokio macros', () => {
  it('parses select! with biased, guards, block and expression handlers and else', () => {
    const e = exprOf(`tokio::select! {
      biased;
      _ = t.cancelled() => { break done; }
      v = rx.recv(), if open => println!("{:?}", v),
      Some(x) = s.next() => x,
      else => {}
    }`);
    expect(e).toMatchObject({
      kind: 'SelectMacro',
      name: 'select',
      biased: true,
      branches: [
        { pat: { kind: 'WildPat' }, future: { kind: 'MethodCall' }, guard: null, handler: { kind: 'BlockExpr' } },
        { pat: { kind: 'IdentPat' }, guard: { kind: 'PathExpr' }, handler: { kind: 'FormatMacro' } },
        { pat: { kind: 'TupleStructPat' }, handler: { kind: 'PathExpr' } },
      ],
      elseBranch: { kind: 'BlockExpr' },
    });
  });

  it('parses select! without biased, with a last handler lacking a comma, as a value', () => {
    const [st] = stmtsOf('let r = select! { a = f => a, b = g => b };');
    expect(st).toMatchObject({ init: { kind: 'SelectMacro', biased: false, branches: [{}, {}], elseBranch: null } });
  });

  it('treats a brace-delimited select! as a statement that needs no `;`', () => {
    const st = stmtsOf('tokio::select! { _ = a => {} }\n*x = 1;');
    expect(st.map((s) => s.kind)).toEqual(['ExprStmt', 'ExprStmt']);
    expect(st[0]).toMatchObject({ semi: false, expr: { kind: 'SelectMacro' } });
    expect(st[1]).toMatchObject({ expr: { kind: 'Assign' } });
  });

  it('requires commas between expression handlers and refuses branches after else', () => {
    expect(parseErr('fn f() { tokio::select! { a = x => 1 b = y => 2 } }').message).toMatch(/expected `,`/);
    expect(parseErr('fn f() { tokio::select! { else => 1, a = x => 2 } }').message).toMatch(/must be the last/);
  });

  it('parses join!/try_join! with optional biased and trailing comma', () => {
    expect(exprOf('tokio::join!(w1, w2, w3)')).toMatchObject({
      kind: 'JoinMacro',
      isTry: false,
      futures: [{}, {}, {}],
    });
    expect(exprOf('tokio::try_join!(biased; a, b,)')).toMatchObject({ isTry: true, biased: true, futures: [{}, {}] });
  });

  it('parses both forms of pin!', () => {
    expect(exprOf('tokio::pin!(a, b)')).toMatchObject({
      kind: 'PinMacro',
      names: [{ name: 'a' }, { name: 'b' }],
      lets: [],
    });
    expect(exprOf('tokio::pin! { let s = sleep(d); let t = x; }')).toMatchObject({
      lets: [{ kind: 'LetStmt' }, { kind: 'LetStmt' }],
    });
  });

  it('refuses unknown macros with their location and the supported list', () => {
    const d = parseErr('fn main() {\n    let x = line!();\n}');
    expect(d).toMatchObject({ line: 2, col: 13, message: 'the macro `line!` is not supported' });
    expect(d.hint).toMatch(/println!/);
  });
});
