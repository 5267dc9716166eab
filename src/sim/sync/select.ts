/**
 * The future behind `tokio::select!` (tokio-facts.md §12, §7; Tokio `macros/select.rs`). All
 * branch futures are built before it is first polled; branches whose precondition was false start
 * disabled. Each poll: if the coop budget is exhausted → Pending (waker deferred) without polling
 * anything; otherwise pick the start branch (`thread_rng_n(BRANCHES)` afresh on every poll, or 0
 * when `biased`) and poll the enabled branches from there, wrapping around. A branch that returns
 * Ready is disabled; if its value matches the pattern the select completes with it, else the value
 * is dropped and polling goes on. Every branch future is dropped (in branch order) before the
 * result is returned — so losers are cancelled before the handler runs. With every branch
 * disabled the result is `disabled`: the caller runs `else`, or panics with `ALL_DISABLED_PANIC`.
 */
import { ChoicePoint } from '../choice.ts';
import type { DropValue } from '../contracts.ts';
import { currentContext } from '../context.ts';
import { PENDING, type Context, type Future, type Poll } from '../future.ts';
import { RustPanic } from '../task/panic.ts';
import { currentDropValue } from './drop-value.ts';

export const ALL_DISABLED_PANIC = 'all branches are disabled and there is no else branch';
export const MAX_SELECT_BRANCHES = 64;

export type SelectOutput =
  { readonly kind: 'branch'; readonly index: number; readonly value: unknown } | { readonly kind: 'disabled' };

export const SELECT_DISABLED: SelectOutput = { kind: 'disabled' };

export interface SelectOptions {
  /** `biased;`: always start at branch 0. */
  readonly biased?: boolean;
  /** Per branch: false when its `, if precondition` was false. Default all true. */
  readonly enabled?: readonly boolean[];
  /** Does branch `index`'s value match its pattern? Default: always. */
  readonly matches?: (index: number, value: unknown) => boolean;
  /** Where non-matching values go to be dropped (default: the running world's dropValue). */
  readonly dropValue?: DropValue;
}

export class Select implements Future<SelectOutput> {
  private readonly futures: Future<unknown>[];
  private readonly disabled: boolean[];
  private readonly biased: boolean;
  private readonly matches: ((index: number, value: unknown) => boolean) | undefined;
  private readonly dropValue: DropValue | undefined;
  private dropped = false;

  constructor(futures: Future<unknown>[], opts: SelectOptions = {}) {
    if (futures.length === 0) throw new Error('select! needs at least one branch');
    if (futures.length > MAX_SELECT_BRANCHES)
      throw new Error(`select! supports at most ${MAX_SELECT_BRANCHES} branches`);
    this.futures = futures;
    this.disabled = futures.map((_, i) => opts.enabled !== undefined && opts.enabled[i] === false);
    this.biased = opts.biased ?? false;
    this.matches = opts.matches;
    this.dropValue = opts.dropValue;
  }

  poll(cx: Context): Poll<SelectOutput> {
    const ctx = currentContext();
    if (ctx !== undefined && !ctx.coop.budgetAvailable(cx)) return PENDING;
    const n = this.futures.length;
    const start = this.biased || ctx === undefined ? 0 : ctx.choose(ChoicePoint.SelectStart, n);
    let isPending = false;
    for (let i = 0; i < n; i++) {
      const b = (start + i) % n;
      if (this.disabled[b]) continue;
      const out = this.futures[b].poll(cx);
      if (out === PENDING) {
        isPending = true;
        continue;
      }
      this.disabled[b] = true;
      if (this.matches !== undefined && !this.matches(b, out)) {
        (this.dropValue ?? currentDropValue())(out);
        continue;
      }
      this.dropAll();
      return { kind: 'branch', index: b, value: out };
    }
    if (isPending) return PENDING;
    this.dropAll();
    return SELECT_DISABLED;
  }

  /** Branch `i` is still enabled (for the UI). */
  isEnabled(i: number): boolean {
    return !this.disabled[i];
  }

  private dropAll(): void {
    if (this.dropped) return;
    this.dropped = true;
    for (const f of this.futures) f.drop();
  }

  drop(): void {
    this.dropAll();
  }
}

/** `select!` without `else`: the handler index and value, or Tokio's panic when all are disabled. */
export function selectOrPanic(out: SelectOutput): { index: number; value: unknown } {
  if (out.kind === 'disabled') throw new RustPanic(ALL_DISABLED_PANIC);
  return out;
}
