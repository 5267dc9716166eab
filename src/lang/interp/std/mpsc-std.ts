/**
 * `std::sync::mpsc`: `channel()` (unbounded) and `sync_channel(bound)` (a bound of 0 is a
 * rendezvous: `send` returns once the receiver took the value). `recv` blocks the calling thread
 * (std/thread-block.ts) until a value comes or every sender is gone; the `Receiver` is its own
 * blocking iterator (`for v in rx`, `rx.iter()`), `try_iter` only takes what is there.
 */
import type { Site } from '../defs.ts';
import { registerFmt } from '../fmt-value.ts';
import { claim, dropItems, release } from '../owner.ts';
import { defineEnum, variantOf } from '../tokio/error-enums.ts';
import type { RDuration } from '../tokio/time.ts';
import { deref, Owned, RTuple, type Value } from '../values.ts';
import { DONE, type Next, RIter, BufIter } from './iter.ts';
import { err, ok } from './enums.ts';
import { fn } from './registry.ts';
import { def, tableFor } from './tables.ts';
import { blockOn, mapBlocked, osThreads, parkingWait, WOULD_BLOCK } from './thread-block.ts';

class Chan {
  readonly q: Value[] = [];
  senders = 1;
  receiverAlive = true;
  /** Values taken by the receiver so far (a rendezvous sender waits for its value's turn). */
  taken = 0;
  /** Values ever queued. */
  queued = 0;
  constructor(readonly bound: number | null) {}
}

const paths = (n: string): string[] => [`std::sync::mpsc::${n}`, `sync::mpsc::${n}`];

const TRY_RECV = defineEnum({
  name: 'TryRecvError',
  paths: paths('TryRecvError'),
  variants: [
    ['Empty', 0, () => 'receiving on an empty channel'],
    ['Disconnected', 0, () => 'receiving on a closed channel'],
  ],
});
const RECV_TIMEOUT = defineEnum({
  name: 'RecvTimeoutError',
  paths: paths('RecvTimeoutError'),
  variants: [
    ['Timeout', 0, () => 'timed out waiting on channel'],
    ['Disconnected', 0, () => 'channel is empty and sending half is closed'],
  ],
});
const TRY_SEND = defineEnum({
  name: 'TrySendError',
  paths: paths('TrySendError'),
  variants: [
    ['Full', 1, () => 'sending on a full channel'],
    ['Disconnected', 1, () => 'sending on a closed channel'],
  ],
  opaque: true,
});

/** `SendError<T>`: the value that could not be sent. */
export class RSendError extends RTuple {
  constructor(v: Value) {
    super([v]);
    claim(v, this.f, 0);
  }
}
/** `RecvError`. */
export class RRecvError {}

registerFmt(RSendError, () => ({
  debug: (f) => f.writeStr('SendError { .. }'),
  display: (f) => f.writeStr('sending on a closed channel'),
}));
registerFmt(RRecvError, () => ({
  debug: (f) => f.writeStr('RecvError'),
  display: (f) => f.writeStr('receiving on a closed channel'),
}));

class RStdSender extends Owned {
  constructor(
    readonly ch: Chan,
    readonly sync: boolean,
  ) {
    super();
  }
  dropGlue(): void {
    this.ch.senders--;
  }
}

class RStdReceiver extends RIter {
  constructor(readonly ch: Chan) {
    super();
  }
  next(): Next {
    const v = recv(RECV_SITE, this.ch);
    return v === CLOSED ? DONE : v;
  }
  override dropGlue(): void {
    const ch = this.ch;
    ch.receiverAlive = false;
    dropItems(ch.q, ch.q);
    ch.q.length = 0;
  }
}

/** `rx.iter()`: the same blocking iteration, borrowing the receiver. */
class RecvIter extends RIter {
  constructor(readonly ch: Chan) {
    super();
  }
  next(): Next {
    const v = recv(RECV_SITE, this.ch);
    return v === CLOSED ? DONE : v;
  }
}

const RECV_SITE = { line: 0, col: 0, int: null, hint: null } as unknown as Site;
const CLOSED: unique symbol = Symbol('closed');

function take(ch: Chan): Value {
  ch.taken++;
  return release(ch.q.shift(), ch.q);
}

/** Blocks until a value comes (it) or every sender is gone (CLOSED). */
function recv(s: Site, ch: Chan, deadline?: number): Value {
  const me = osThreads().current;
  return blockOn(
    s,
    parkingWait(() => (ch.q.length > 0 ? take(ch) : ch.senders === 0 ? CLOSED : WOULD_BLOCK)),
    () => ch.q.length > 0 || ch.senders === 0,
    deadline,
    () => {
      me.parkToken = false;
      return TIMEOUT;
    },
  );
}
const TIMEOUT: unique symbol = Symbol('timeout');

function push(ch: Chan, v: Value): number {
  ch.q.push(v);
  claim(v, ch.q, ch.q.length - 1);
  return ch.queued++;
}

function newChan(bound: number | null, sync: boolean): RTuple {
  const ch = new Chan(bound);
  const t = new RTuple([new RStdSender(ch, sync), new RStdReceiver(ch)]);
  claim(t.f[0], t.f, 0);
  claim(t.f[1], t.f, 1);
  return t;
}

fn(paths('channel'), () => newChan(null, false));
fn(paths('sync_channel'), (_s, a) => newChan(Number(deref(a[0])), true));

const tx = (v: Value): RStdSender => deref(v) as RStdSender;
const rx = (v: Value): RStdReceiver => deref(v) as RStdReceiver;

const ST = tableFor(RStdSender);
def(ST, 'clone', 'ref', (_s, a) => {
  const t = tx(a[0]);
  t.ch.senders++;
  return new RStdSender(t.ch, t.sync);
});
def(ST, 'send', 'ref', (s, a) => {
  const ch = tx(a[0]).ch;
  const v = a[1];
  if (!ch.receiverAlive) return err(new RSendError(v));
  const bound = ch.bound;
  if (bound === null) {
    push(ch, v);
    return ok(undefined);
  }
  // a bounded sender waits for room; a rendezvous sender then waits for its value to be taken
  let mine = -1;
  return blockOn(
    s,
    parkingWait(() => {
      if (!ch.receiverAlive) return mine < 0 ? err(new RSendError(v)) : ok(undefined);
      if (mine < 0) {
        if (ch.q.length >= Math.max(bound, 1)) return WOULD_BLOCK;
        mine = push(ch, v);
      }
      return bound > 0 || ch.taken > mine ? ok(undefined) : WOULD_BLOCK;
    }),
    () => !ch.receiverAlive || (mine < 0 ? ch.q.length < Math.max(bound, 1) : ch.taken > mine),
  );
});
def(ST, 'try_send', 'ref', (_s, a) => {
  const ch = tx(a[0]).ch;
  const v = a[1];
  if (!ch.receiverAlive) return err(variantOf(TRY_SEND, 1, v));
  if (ch.bound !== null && ch.q.length >= ch.bound) return err(variantOf(TRY_SEND, 0, v));
  push(ch, v);
  return ok(undefined);
});

const RT = tableFor(RStdReceiver);
def(RT, 'recv', 'ref', (s, a) => {
  // in a thread's closure the wait may suspend: the result is wrapped once the value is there
  return mapBlocked(recv(s, rx(a[0]).ch), (v) => (v === CLOSED ? err(new RRecvError()) : ok(v)));
});
def(RT, 'try_recv', 'ref', (_s, a) => {
  const ch = rx(a[0]).ch;
  if (ch.q.length > 0) return ok(take(ch));
  return err(TRY_RECV.unit(ch.senders === 0 ? 1 : 0));
});
def(RT, 'recv_timeout', 'ref', (s, a) => {
  const ch = rx(a[0]).ch;
  return mapBlocked(recv(s, ch, osThreads().world.realNow + (deref(a[1]) as RDuration).ns), (v) => {
    if (v === TIMEOUT) return err(RECV_TIMEOUT.unit(0));
    return v === CLOSED ? err(RECV_TIMEOUT.unit(1)) : ok(v);
  });
});
def(RT, 'iter', 'ref', (_s, a) => new RecvIter(rx(a[0]).ch));
def(RT, 'try_iter', 'ref', (_s, a) => {
  const ch = rx(a[0]).ch;
  const items: Value[] = [];
  while (ch.q.length > 0) items.push(take(ch));
  return new BufIter(items, true);
});
registerFmt(RStdSender, () => ({ debug: (f) => f.writeStr('Sender { .. }') }));
registerFmt(RStdReceiver, () => ({ debug: (f) => f.writeStr('Receiver { .. }') }));
