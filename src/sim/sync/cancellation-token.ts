/**
 * `tokio_util::sync::CancellationToken` and its futures and guards (tokio-facts.md §11;
 * tokio-util 0.7.16 `sync/cancellation_token.rs`, `guard.rs`, `guard_ref.rs`). The tree logic is
 * in token-tree.ts. `cancelled()` checks the flag first and otherwise waits on a Notify future
 * created when `cancelled()` was called, so a cancel between creation and first poll is not missed.
 */
import type { SimContext } from '../contracts.ts';
import { currentContext } from '../context.ts';
import { EventKind } from '../events.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import type { Notified } from './notify.ts';
import { NONE, some, type Option } from './result.ts';
import { TreeNode } from './token-tree.ts';

export class CancellationToken {
  private dropped = false;

  private constructor(readonly node: TreeNode) {}

  /** `CancellationToken::new()` (ctx only feeds the trace; tokens work outside a runtime too). */
  static new(ctx: SimContext | undefined = currentContext()): CancellationToken {
    return new CancellationToken(TreeNode.root(ctx));
  }

  /** `clone()`: the same node, one more handle. */
  clone(): CancellationToken {
    this.node.increaseHandles();
    return new CancellationToken(this.node);
  }

  childToken(): CancellationToken {
    return new CancellationToken(this.node.child());
  }

  cancel(): void {
    this.node.cancel();
  }

  isCancelled(): boolean {
    return this.node.isCancelled;
  }

  /** `cancelled()`: borrows the token. */
  cancelled(): WaitForCancellation {
    return new WaitForCancellation(this.node, null);
  }

  /** `cancelled_owned()`: takes this handle; dropping the future drops it. */
  cancelledOwned(): WaitForCancellation {
    return new WaitForCancellation(this.node, this);
  }

  /** `drop_guard()`: takes this handle; the guard cancels on drop unless disarmed. */
  dropGuard(): DropGuard {
    return new DropGuard(this);
  }

  /** `drop_guard_ref()`: borrows the token. */
  dropGuardRef(): DropGuardRef {
    return new DropGuardRef(this);
  }

  /**
   * `run_until_cancelled(fut)`: an async fn, so the flag is checked on its first poll — already
   * cancelled → None without polling `fut`; then each poll tries `fut` first (Some), then the
   * cancellation (None).
   */
  runUntilCancelled<T>(fut: Future<T>): Future<Option<T>> {
    return new RunUntilCancelled(this, fut, null);
  }

  /** `run_until_cancelled_owned(fut)`: takes this handle. */
  runUntilCancelledOwned<T>(fut: Future<T>): Future<Option<T>> {
    return new RunUntilCancelled(this, fut, this);
  }

  /** Dropping a handle; the last one detaches the node from the tree (never cancels). */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.node.decreaseHandles();
  }
}

/** `WaitForCancellationFuture` / `WaitForCancellationFutureOwned`. Cancel-safe. */
export class WaitForCancellation implements Future<void> {
  private future: Notified;
  private reportedWait = false;

  constructor(
    private readonly node: TreeNode,
    private readonly owned: CancellationToken | null,
  ) {
    this.future = node.notify.notified();
  }

  poll(cx: Context): Poll<void> {
    for (;;) {
      if (this.node.isCancelled) return undefined;
      if (this.future.poll(cx) === PENDING) {
        if (!this.reportedWait) {
          this.reportedWait = true;
          this.node.emit(EventKind.TokenWait, cx.waker.target);
        }
        return PENDING;
      }
      this.future.drop();
      this.future = this.node.notify.notified();
    }
  }

  /** Field order: the Notified future, then (owned variant) the token. */
  drop(): void {
    this.future.drop();
    this.owned?.drop();
  }
}

class RunUntilCancelled<T> implements Future<Option<T>> {
  private cancellation: WaitForCancellation | null = null;

  constructor(
    private readonly token: CancellationToken,
    private readonly fut: Future<T>,
    private readonly owned: CancellationToken | null,
  ) {}

  poll(cx: Context): Poll<Option<T>> {
    let c = this.cancellation;
    if (c === null) {
      if (this.token.isCancelled()) return NONE;
      c = this.cancellation = this.token.cancelled();
    }
    const v = this.fut.poll(cx);
    if (v !== PENDING) return some(v);
    return c.poll(cx) === PENDING ? PENDING : NONE;
  }

  /** The awaited struct drops its cancellation future before `fut`; the owned token goes last. */
  drop(): void {
    this.cancellation?.drop();
    this.fut.drop();
    this.owned?.drop();
  }
}

/** `DropGuard`: owns a token; cancels it on drop unless `disarm()`ed. */
export class DropGuard {
  constructor(private token: CancellationToken | null) {}

  /** Disarmed already (the guard was consumed). */
  get isDisarmed(): boolean {
    return this.token === null;
  }

  /** Returns the token without cancelling it. */
  disarm(): CancellationToken {
    const t = this.token;
    if (t === null) throw new Error('DropGuard already disarmed');
    this.token = null;
    return t;
  }

  drop(): void {
    const t = this.token;
    if (t === null) return;
    this.token = null;
    t.cancel();
    t.drop();
  }
}

/** `DropGuardRef`: borrows a token; cancels it on drop unless `disarm()`ed. */
export class DropGuardRef {
  constructor(private token: CancellationToken | null) {}

  get isDisarmed(): boolean {
    return this.token === null;
  }

  disarm(): CancellationToken {
    const t = this.token;
    if (t === null) throw new Error('DropGuardRef already disarmed');
    this.token = null;
    return t;
  }

  drop(): void {
    const t = this.token;
    this.token = null;
    t?.cancel();
  }
}
