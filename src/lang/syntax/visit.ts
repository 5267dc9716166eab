/**
 * A generic walk over the syntax tree. It finds children by reflection (any property holding an
 * object with a `kind`, or an array of them), so it keeps working as the AST grows additively.
 */
import type {
  FormatArg,
  GenericArg,
  GenericArgs,
  GenericParam,
  Meta,
  Node,
  PathSegment,
  SelfParam,
  StructFields,
  TypeBound,
  UseTree,
  Visibility,
  WherePredicate,
} from './ast.ts';

/** Every object with a `kind` that can appear in the tree. */
export type SyntaxNode =
  | Node
  | StructFields
  | PathSegment
  | GenericArgs
  | GenericArg
  | GenericParam
  | WherePredicate
  | TypeBound
  | UseTree
  | Meta
  | Visibility
  | SelfParam
  | FormatArg;

const SKIP = new Set(['span', 'nameSpan', 'methodSpan', 'opSpan']);

/** Calls `fn` on each direct child node of `node`, in source order of its properties. */
export function forEachChild(node: object, fn: (child: SyntaxNode) => void): void {
  for (const key in node) {
    if (SKIP.has(key)) continue;
    visitValue((node as Record<string, unknown>)[key], fn);
  }
}

function visitValue(v: unknown, fn: (child: SyntaxNode) => void): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) visitValue(x, fn);
    return;
  }
  if (typeof (v as { kind?: unknown }).kind === 'string') fn(v as SyntaxNode);
  else forEachChild(v, fn);
}

/**
 * Depth-first walk. `enter` sees each node with its parent; returning false skips its children.
 * Iterative (two parallel stacks, no per-node allocation), so a deep tree cannot overflow the JS stack.
 */
export function walk(root: SyntaxNode, enter: (node: SyntaxNode, parent: SyntaxNode | null) => boolean | void): void {
  const nodes: SyntaxNode[] = [root];
  const parents: (SyntaxNode | null)[] = [null];
  const children: SyntaxNode[] = [];
  const collect = (c: SyntaxNode): void => {
    children.push(c);
  };
  while (nodes.length > 0) {
    const node = nodes.pop() as SyntaxNode;
    const parent = parents.pop() as SyntaxNode | null;
    if (enter(node, parent) === false) continue;
    children.length = 0;
    forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      parents.push(node);
    }
  }
}
