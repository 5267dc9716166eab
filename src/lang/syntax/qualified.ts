/**
 * Qualified paths whose self type is a plain type path: `<A as Named>::NAME`, `<Point>::new`,
 * `<Vec<u8> as Default>::default()`, `<T as Trait>::make()` become `A::NAME`, `Point::new`,
 * `Vec::<u8>::default()`, `T::make()`, which the checker and the interpreter resolve like any
 * path. The trait only disambiguates when the type has two items of that name, which Rust
 * rejects at the unqualified form (E0034) and which the checker then reports there.
 */
import type { Program } from './ast.ts';
import { walk } from './visit.ts';

export function desugarQualifiedPaths(program: Program): void {
  walk(program, (node) => {
    if (node.kind !== 'Path' || node.qself === undefined) return true;
    const t = node.qself.type;
    if (t.kind === 'PathType' && t.path.qself === undefined && !t.path.global) {
      node.segments = [...t.path.segments, ...node.segments];
      delete node.qself;
    }
    return true;
  });
}
