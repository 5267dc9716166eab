/**
 * `tokio::signal::ctrl_c()`: the first poll installs the process's SIGINT handler (from then on
 * Ctrl-C no longer kills it) and listens for presses broadcast after that moment.
 */
import { currentContext, PENDING, RustPanic } from '../../sim.ts';
import { ok } from '../../std/enums.ts';
import { fn } from '../../std/registry.ts';
import { PollFut } from './io.ts';

fn(['tokio::signal::ctrl_c', 'signal::ctrl_c'], () => {
  let seen: number | null = null;
  return new PollFut((cx) => {
    const ctx = currentContext();
    if (ctx === undefined) {
      throw new RustPanic('there is no signal driver running, must be called from the context of a Tokio 1.x runtime');
    }
    const signals = ctx.handle.world.signals;
    if (seen === null) {
      signals.install();
      seen = signals.version;
    }
    return signals.listen(seen, cx.waker) ? ok(undefined) : PENDING;
  });
});
