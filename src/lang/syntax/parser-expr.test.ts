import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { exprOf, parseErr, sexpr, stmtsOf } from './test-util.ts';

function s(code: string): string {
  return sexpr(exprOf(code));
}

describe('parser: operator precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b % c', '(% (/ a b) c)'],
    ['a << 1 + 2', '(<< a (+ 1 2))'],
    ['a & b | c ^ d', '(| (& a b) (^ c d))'],
    ['a == b && c < d || e', '(|| (&& (== a b) (< c d)) e)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['-a * b', '(* (- a) b)'],
    ['!a.b()', '(! (.b a))'],
    ['*a.b', '(* (.b a))'],
    ['&mut a[0]', '(&mut ([] a 0))'],
    ['&&x', '(& (& x))'],
    ['-x as u8 + 1', '(+ (as (- x)) 1)'],
    ['a as u8 as u32', '(as (as a))'],
    ['a * b as f64', '(* a (as b))'],
    ['x = y = 3', '(= x (= y 3))'],
    ['x += a * 2', '(+= x (* a 2))'],
    ['a..b + 1', '(.. a (+ b 1))'],
    ['..=n', '(..= _ n)'],
    ['a..', '(.. a _)'],
    ['..', '(.. _ _)'],
    ['a || b..c', '(.. (|| a b) c)'],
    ['x = a..b', '(= x (.. a b))'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['f(x)?.y.await?', '(? (await (.y (? (call f x)))))'],
    ['t.0.1', '(.1 (.0 t))'],
    ['a[1][2]', '([] ([] a 1) 2)'],
    ['1.max(2)', '(.max 1 2)'],
  ])('%s', (code, expected) => {
    expect(s(code)).toBe(expected);
  });

  it('refuses chained comparisons like rustc', () => {
    expect(parseErr('fn f() { a < b < c }').message).toMatch(/cannot be chained/);
    expect(parseErr('fn f() { a == b == c }').message).toMatch(/cannot be chained/);
  });

  it('keeps the operator span of binary expressions', () => {
    const e = exprOf('a  +  b') as Extract<Expr, { kind: 'Binary' }>;
    expect([e.opSpan.line, e.opSpan.col]).toEqual([2, 4]);
    expect([e.span.col, e.span.endCol]).toEqual([1, 8]);
  });
});

describe('parser: literals', () => {
  it('keeps values, suffixes and source text', () => {
    const e = exprOf('(100u64, 1_000, 0xff, 2.5f32, "a\\tb", r#"x"#, \'c\', true, b\'z\')');
    expect(e.kind).toBe('Tuple');
    if (e.kind !== 'Tuple') return;
    expect(e.elems.map((x) => x.kind)).toEqual([
      'IntLit',
      'IntLit',
      'IntLit',
      'FloatLit',
      'StrLit',
      'StrLit',
      'CharLit',
      'BoolLit',
      'ByteLit',
    ]);
    expect(e.elems[0]).toMatchObject({ value: 100n, suffix: 'u64', text: '100u64' });
    expect(e.elems[2]).toMatchObject({ value: 255n, suffix: null });
    expect(e.elems[3]).toMatchObject({ value: 2.5, suffix: 'f32' });
    expect(e.elems[4]).toMatchObject({ value: 'a\tb', raw: -1 });
    expect(e.elems[5]).toMatchObject({ value: 'x', raw: 1 });
  });
});

describe('parser: postfix, paths and calls', () => {
  it('parses method calls with turbofish and generic paths', () => {
    const e = exprOf('v.iter().collect::<Vec<Vec<u8>>>()');
    expect(e).toMatchObject({ kind: 'MethodCall', method: 'collect', args: [] });
    if (e.kind !== 'MethodCall') return;
    expect(e.turbofish?.[0]).toMatchObject({ kind: 'TypeArg', type: { kind: 'PathType' } });
    const p = exprOf('Vec::<i32>::with_capacity(3)');
    expect(p.kind).toBe('Call');
    if (p.kind !== 'Call' || p.callee.kind !== 'PathExpr') return;
    expect(p.callee.path.segments.map((x) => [x.name, x.args?.kind ?? null])).toEqual([
      ['Vec', 'AngleArgs'],
      ['with_capacity', null],
    ]);
  });

  it('parses `.await`, `?`, fields and tuple indices', () => {
    expect(s('h.await??')).toBe('(? (? (await h)))');
    expect(s('self.items.len()')).toBe('(.len (.items self))');
    expect(s('x.0 .0')).toBe('(.0 (.0 x))');
  });

  it('parses `_` as an expression for discarding assignments', () => {
    expect(s('_ = f()')).toBe('(= _ (call f))');
  });
});

describe('parser: struct literals and their restriction', () => {
  it('parses shorthand, explicit and base fields', () => {
    const e = exprOf('Point { x, y: 2, ..base }');
    expect(e).toMatchObject({
      kind: 'StructLit',
      fields: [
        { name: 'x', shorthand: true, value: { kind: 'PathExpr' } },
        { name: 'y', shorthand: false, value: { kind: 'IntLit' } },
      ],
      base: { kind: 'PathExpr' },
    });
    expect(exprOf('E::V { 0: a }')).toMatchObject({ kind: 'StructLit', fields: [{ name: '0' }] });
  });

  it('does not take `{` after a condition as a struct literal', () => {
    const e = exprOf('if x == y { 1 } else { 2 }');
    expect(e).toMatchObject({ kind: 'If', cond: { kind: 'Binary' } });
    expect(exprOf('match s { _ => 1 }')).toMatchObject({ kind: 'Match', scrutinee: { kind: 'PathExpr' } });
    expect(exprOf('while go { }')).toMatchObject({ kind: 'While', cond: { kind: 'PathExpr' } });
    expect(exprOf('for p in ps { }')).toMatchObject({ kind: 'For', iter: { kind: 'PathExpr' } });
  });

  it('refuses a struct literal in scrutinee position but accepts it in parentheses', () => {
    expect(() => exprOf('match P { x: 1 } { _ => 0 }')).toThrow();
    expect(exprOf('match (P { x: 1 }) { _ => 0 }')).toMatchObject({
      scrutinee: { kind: 'Paren', expr: { kind: 'StructLit' } },
    });
    expect(exprOf('if f(P { x: 1 }) { }')).toMatchObject({ cond: { kind: 'Call' } });
  });
});

describe('parser: control flow', () => {
  it('parses if / else if / else and if let', () => {
    const e = exprOf('if let Some(x) = o { x } else if b { 1 } else { 2 }');
    expect(e).toMatchObject({
      kind: 'If',
      cond: { kind: 'Let', pat: { kind: 'TupleStructPat' } },
      else: { kind: 'If', else: { kind: 'BlockExpr' } },
    });
  });

  it('parses let chains as && over Let (the checker decides)', () => {
    expect(sexpr((exprOf('if let Some(x) = a && x > 3 {}') as Extract<Expr, { kind: 'If' }>).cond)).toBe(
      '(&& (let a) (> x 3))',
    );
  });

  it('refuses `let` outside conditions', () => {
    expect(parseErr('fn f() { let x = let y = 1; }').message).toMatch(/`let` is only allowed/);
    expect(parseErr('fn f() { if (let x = 1) {} }').message).toMatch(/`let` is only allowed/);
  });

  it('parses loops with labels, break values and continue', () => {
    const e = exprOf("'outer: loop { 'inner: while a { break 'outer 5; } continue; }");
    expect(e).toMatchObject({ kind: 'Loop', label: 'outer' });
    if (e.kind !== 'Loop') return;
    expect(e.body.stmts[0]).toMatchObject({
      kind: 'ExprStmt',
      semi: false,
      expr: {
        kind: 'While',
        label: 'inner',
        body: { stmts: [{ expr: { kind: 'Break', label: 'outer', value: { kind: 'IntLit' } } }] },
      },
    });
    expect(exprOf("'b: { break 'b 1; }")).toMatchObject({ kind: 'BlockExpr', label: 'b' });
    expect(exprOf('loop { break }')).toMatchObject({ body: { tail: { kind: 'Break', value: null } } });
  });

  it('parses for with a pattern and while let', () => {
    expect(exprOf('for (i, d) in v.iter().enumerate() {}')).toMatchObject({
      kind: 'For',
      pat: { kind: 'TuplePat' },
      iter: { kind: 'MethodCall' },
    });
    expect(exprOf('while let Some(r) = set.join_next().await {}')).toMatchObject({
      kind: 'While',
      cond: { kind: 'Let', expr: { kind: 'Await' } },
    });
  });

  it('parses match arms with guards, blocks and optional commas', () => {
    const e = exprOf('match n { 0 => a, x if x > 1 => { b } 2 | 3 => c, _ => d }');
    if (e.kind !== 'Match') throw new Error('match');
    expect(e.arms.map((a) => [a.pat.kind, a.guard?.kind ?? null, a.body.kind])).toEqual([
      ['LitPat', null, 'PathExpr'],
      ['IdentPat', 'Binary', 'BlockExpr'],
      ['OrPat', null, 'PathExpr'],
      ['WildPat', null, 'PathExpr'],
    ]);
    expect(parseErr('fn f() { match n { 0 => a 1 => b } }').message).toMatch(/expected `,`/);
  });

  it('parses return, async blocks, unsafe blocks and closures', () => {
    expect(exprOf('return')).toMatchObject({ kind: 'Return', value: null });
    expect(exprOf('async move { 1 }')).toMatchObject({ kind: 'AsyncBlock', isMove: true });
    expect(exprOf('async { }')).toMatchObject({ kind: 'AsyncBlock', isMove: false });
    expect(exprOf('unsafe { f() }')).toMatchObject({ kind: 'Unsafe' });
    expect(exprOf('move |a, b: i32| a + b')).toMatchObject({
      kind: 'Closure',
      isMove: true,
      isAsync: false,
      params: [{ type: null }, { type: { kind: 'PathType' } }],
      body: { kind: 'Binary' },
    });
    expect(exprOf('|| -> u8 { 1 }')).toMatchObject({ kind: 'Closure', params: [], ret: { kind: 'PathType' } });
    expect(exprOf('async move |x| x')).toMatchObject({
      kind: 'Closure',
      isMove: true,
      body: { kind: 'AsyncBlock', isMove: true, block: { tail: { kind: 'PathExpr' } } },
    });
    expect(exprOf('|&(a, b)| a')).toMatchObject({ params: [{ pat: { kind: 'RefPat' } }] });
  });
});

describe('parser: statements', () => {
  it('parses let with type, without init, and let-else', () => {
    const [a, b, c] = stmtsOf('let mut x: u8 = 1; let y; let Some(z) = o else { return; };');
    expect(a).toMatchObject({ kind: 'LetStmt', pat: { kind: 'IdentPat', mutable: true }, type: { kind: 'PathType' } });
    expect(b).toMatchObject({ kind: 'LetStmt', init: null, elseBlock: null });
    expect(c).toMatchObject({ kind: 'LetStmt', elseBlock: { kind: 'Block' } });
  });

  it('ends block-like statements without `;` and continues them with `.` or `?`', () => {
    const st = stmtsOf('if a { } *x = 1; match y { _ => () }.len(); loop {} [1].len();');
    expect(st.map((x) => (x.kind === 'ExprStmt' ? `${x.expr.kind}:${x.semi}` : x.kind))).toEqual([
      'If:false',
      'Assign:true',
      'MethodCall:true',
      'Loop:false',
      'MethodCall:true',
    ]);
  });

  it('makes the last expression without `;` the tail', () => {
    const b = stmtsOf('let a = 1; a');
    expect(b).toHaveLength(1);
    expect(exprOf('if a { 1 } else { 2 }').kind).toBe('If');
  });

  it('requires `;` between expression statements', () => {
    const d = parseErr('fn f() {\n    a()\n    b()\n}');
    expect(d).toMatchObject({ line: 3, col: 5 });
    expect(d.message).toMatch(/expected `;`/);
  });

  it('parses items inside blocks and attributes on statements', () => {
    const st = stmtsOf('fn inner() {} struct S; #[allow(unused)] let x = 1;');
    expect(st.map((x) => x.kind)).toEqual(['ItemStmt', 'ItemStmt', 'LetStmt']);
    expect(st[2]).toMatchObject({ attrs: [{ meta: { kind: 'MetaList', path: 'allow' } }] });
  });

  it('keeps attributes written on an expression', () => {
    const e = exprOf('#[rustfmt::skip] f()');
    expect(e).toMatchObject({ kind: 'Call', attrs: [{ meta: { path: 'rustfmt::skip' } }] });
  });
});

describe('parser: spans', () => {
  it('covers the whole construct', () => {
    const [st] = stmtsOf('    let total = a.b(1) + 2;');
    expect(st?.span).toMatchObject({ line: 2, col: 5, endLine: 2, endCol: 28 });
    if (st?.kind !== 'LetStmt' || !st.init) return;
    expect(st.init.span).toMatchObject({ col: 17, endCol: 27 });
  });
});
