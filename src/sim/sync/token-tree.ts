/**
 * The CancellationToken tree (tokio-facts.md §11; tokio-util 0.7.16
 * `sync/cancellation_token/tree_node.rs`). Every token handle points at a node; clones share it.
 * `cancel` marks descendants before the node itself — popping children last-first, cancelling
 * leaf grandchildren at once and adopting deeper ones — and wakes each node's waiters through its
 * Notify in that order. A node whose last handle is dropped leaves the tree: its children move to
 * its parent (or become roots), so dropping never cancels anything.
 */
import { UseAfterDrop } from '../use-after-drop.ts';
import type { SimContext, TraceSink } from '../contracts.ts';
import { EventKind } from '../events.ts';
import { Notify } from './notify.ts';

/** Per-runtime token numbering for the trace (deterministic per run, no global counter). */
class TokenTracer {
  private next = 1;

  constructor(readonly sink: TraceSink) {}

  newId(): number {
    return this.next++;
  }
}

const tracers = new WeakMap<TraceSink, TokenTracer>();

function tracerOf(ctx: SimContext | undefined): TokenTracer | null {
  if (ctx === undefined) return null;
  let t = tracers.get(ctx.trace);
  if (t === undefined) {
    t = new TokenTracer(ctx.trace);
    tracers.set(ctx.trace, t);
  }
  return t;
}

export class TreeNode {
  parent: TreeNode | null = null;
  parentIdx = 0;
  children: TreeNode[] = [];
  isCancelled = false;
  numHandles = 1;
  readonly notify = new Notify();
  /** Trace id (0 when created outside a runtime). */
  readonly id: number;

  constructor(
    private readonly tracer: TokenTracer | null,
    /** The task that created it, for the trace. */
    private readonly task: number,
  ) {
    this.id = tracer !== null ? tracer.newId() : 0;
  }

  static root(ctx: SimContext | undefined): TreeNode {
    const n = new TreeNode(tracerOf(ctx), ctx?.currentTaskId() ?? 0);
    n.emit(EventKind.TokenCreate, 0);
    return n;
  }

  /** `child_node`: a cancelled parent yields a detached, already-cancelled node. */
  child(): TreeNode {
    const c = new TreeNode(this.tracer, this.task);
    if (this.isCancelled) {
      c.isCancelled = true;
      c.emit(EventKind.TokenCreate, 0);
      return c;
    }
    c.parent = this;
    c.parentIdx = this.children.length;
    this.children.push(c);
    c.emit(EventKind.TokenCreate, this.id);
    return c;
  }

  emit(kind: number, value: number): void {
    this.tracer?.sink.emit(kind, this.task, this.id, value);
  }

  increaseHandles(): void {
    if (this.numHandles <= 0) throw new UseAfterDrop('CancellationToken: clone of a dropped token');
    this.numHandles++;
  }

  decreaseHandles(): void {
    this.numHandles--;
    this.emit(EventKind.TokenDrop, this.numHandles);
    if (this.numHandles !== 0) return;
    const parent = this.parent;
    if (parent !== null) {
      this.moveChildrenTo(parent);
      parent.removeChild(this);
    } else {
      for (const c of this.children) {
        c.parent = null;
        c.parentIdx = 0;
      }
      this.children = [];
    }
  }

  private moveChildrenTo(parent: TreeNode): void {
    const kids = this.children;
    this.children = [];
    for (const c of kids) {
      c.parent = this.parent;
      c.parentIdx = parent.children.length;
      parent.children.push(c);
    }
  }

  /** `remove_child`: swap-remove `node` from this node's children. */
  private removeChild(node: TreeNode): void {
    const pos = node.parentIdx;
    node.parent = null;
    node.parentIdx = 0;
    const last = this.children.pop() as TreeNode;
    if (last !== node) {
      last.parentIdx = pos;
      this.children[pos] = last;
    }
  }

  /** `cancel`: descendants first (see the module comment), this node last. */
  cancel(): void {
    if (this.isCancelled) return;
    for (let child = this.children.pop(); child !== undefined; child = this.children.pop()) {
      child.parent = null;
      child.parentIdx = 0;
      if (child.isCancelled) continue;
      for (let gc = child.children.pop(); gc !== undefined; gc = child.children.pop()) {
        gc.parent = null;
        gc.parentIdx = 0;
        if (gc.isCancelled) continue;
        if (gc.children.length === 0) {
          gc.markCancelled();
        } else {
          gc.parent = this;
          gc.parentIdx = this.children.length;
          this.children.push(gc);
        }
      }
      child.markCancelled();
    }
    this.markCancelled();
  }

  private markCancelled(): void {
    this.isCancelled = true;
    this.children = [];
    this.emit(EventKind.TokenCancel, this.notify.waiterCount());
    this.notify.notifyWaiters();
  }
}
