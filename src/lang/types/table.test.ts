/** The inference table: union-find, literal kinds, unknown as the escape hatch, fallback. */
import { describe, expect, it } from 'vitest';
import { InferTable } from './table.ts';
import { REF_STR, UNKNOWN, adt, floatTy, intTy, showTy } from './ty.ts';

describe('InferTable', () => {
  it('binds a variable through a chain of unified variables', () => {
    const t = new InferTable();
    const a = t.fresh();
    const b = t.fresh();
    const c = t.fresh();
    expect(t.unify(a, b)).toBe(true);
    expect(t.unify(b, c)).toBe(true);
    expect(t.unify(c, intTy('u16'))).toBe(true);
    expect(showTy(t.deep(a))).toBe('u16');
  });

  it('lets an integer variable take only integer types, and falls back to i32 / f64', () => {
    const t = new InferTable();
    const i = t.fresh('int');
    const f = t.fresh('float');
    expect(t.unify(i, floatTy('f64'))).toBe(false);
    expect(t.unify(i, f)).toBe(false);
    expect(t.compatible(i, REF_STR)).toBe(false);
    t.fallback();
    expect(showTy(t.deep(i))).toBe('i32');
    expect(showTy(t.deep(f))).toBe('f64');
  });

  it('shows unresolved literals as rustc does', () => {
    const t = new InferTable();
    const v = adt('Vec', [t.fresh('int')]);
    expect(showTy(t.deep(v), t.showVar)).toBe('Vec<{integer}>');
  });

  it('unifies nominal types argument by argument and refuses different heads', () => {
    const t = new InferTable();
    const x = t.fresh();
    expect(t.unify(adt('Option', [x]), adt('Option', [adt('String')]))).toBe(true);
    expect(showTy(t.deep(x))).toBe('String');
    expect(t.unify(adt('Option', [intTy('i32')]), adt('Result', [intTy('i32'), UNKNOWN]))).toBe(false);
    expect(t.compatible(adt('Vec', [intTy('u8')]), adt('Vec', [intTy('u16')]))).toBe(false);
  });

  it('agrees with unknown and makes what touches it unknown, so nothing downstream can fail', () => {
    const t = new InferTable();
    const lit = t.fresh('int');
    expect(t.unify(lit, UNKNOWN)).toBe(true);
    t.fallback();
    expect(t.deep(lit).k).toBe('unknown');
    const inner = t.fresh('int');
    t.escape(adt('Vec', [inner]));
    expect(t.unify(inner, REF_STR)).toBe(true);
  });
});
