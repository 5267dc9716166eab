/**
 * `tokio::sync::watch` as Rust values over the simulator's watch channel. The channel's value
 * lives in a one-slot holder array so `send_modify` can hand the closure a `&mut` to it; `borrow()`
 * returns a `Ref` that reads through to the holder and knows whether the value was new.
 */
import type { Site } from '../defs.ts';
import { callValue } from '../call.ts';
import { registerFmt, toFmt } from '../fmt-value.ts';
import { fmtWith } from '../../fmt/index.ts';
import { claim, dropChild, release } from '../owner.ts';
import { type WatchReceiver, type WatchRef, type WatchSender, watchChannel } from '../sim.ts';
import { tuple2 } from '../std/iter.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, MutRef, Owned, RefBase, type Value } from '../values.ts';
import { fromResult, SimError, SimFut, toUnit } from './sim-values.ts';

type Holder = Value[];

const recvError = (): SimError => new SimError('channel closed', 'RecvError(())');

/** Drops the channel's value once no handle of either kind is left. */
function settle(h: WatchSender<Holder> | WatchReceiver<Holder>): void {
  const s = h.shared;
  if (s.rxCount === 0 && s.txCount === 0) dropChild(s.value[0], s.value);
}

export class RWatchSender extends Owned {
  constructor(readonly h: WatchSender<Holder>) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
    settle(this.h);
  }
}
export class RWatchReceiver extends Owned {
  constructor(readonly h: WatchReceiver<Holder>) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
    settle(this.h);
  }
}

/** `watch::Ref<'_, T>`: derefs to the value; `has_changed()` says whether it was new. */
export class RWatchRef extends RefBase {
  constructor(
    readonly holder: Holder,
    readonly changed: boolean,
  ) {
    super();
  }
  get(): Value {
    return this.holder[0];
  }
  set(): void {
    throw new Error('cannot assign through a watch::Ref');
  }
  dropGlue(): void {}
}
const refOf = (r: WatchRef<Holder>): RWatchRef => new RWatchRef(r.value, r.hasChanged);
registerFmt(RWatchRef, (v) => {
  const inner = toFmt((v as RWatchRef).get());
  return {
    ...(inner.display ? { display: (f) => fmtWith(inner, 'Display', f) } : {}),
    debug: (f) => fmtWith(inner, 'Debug', f),
  };
});
/** The Ref itself (`deref` would go through it to the value). */
function watchRef(v: Value): RWatchRef {
  let x = v;
  while (!(x instanceof RWatchRef) && x instanceof RefBase) x = x.get();
  return x as RWatchRef;
}
def(tableFor(RWatchRef), 'has_changed', 'ref', (_s, a) => watchRef(a[0]).changed);
for (const [cls, name] of [
  [RWatchSender, 'Sender'],
  [RWatchReceiver, 'Receiver'],
] as const) {
  registerFmt(cls, () => ({ debug: (f) => f.writeStr(`${name} { .. }`) }));
}

function newChannel(init: Value): [WatchSender<Holder>, WatchReceiver<Holder>] {
  const holder = [init];
  claim(init, holder, 0);
  return watchChannel(holder);
}
fn(['tokio::sync::watch::channel', 'watch::channel', 'sync::watch::channel'], (_s, a) => {
  const [tx, rx] = newChannel(a[0]);
  return tuple2(new RWatchSender(tx), new RWatchReceiver(rx));
});
const SN = ns(['tokio::sync::watch::Sender', 'watch::Sender', 'sync::watch::Sender']);
member(SN, 'new', (_s, a) => {
  const [tx, rx] = newChannel(a[0]);
  rx.drop();
  return new RWatchSender(tx);
});

const tx = (v: Value): WatchSender<Holder> => (deref(v) as RWatchSender).h;
const rx = (v: Value): WatchReceiver<Holder> => (deref(v) as RWatchReceiver).h;

/** `send_if_modified`: the closure gets `&mut T`; a true result bumps the version and wakes. */
function sendIfModified(site: Site, sender: WatchSender<Holder>, modify: Value): boolean {
  return sender.sendIfModified((s) => callValue(site, modify, [new MutRef(s.value, 0)]) === true);
}
function sendReplace(sender: WatchSender<Holder>, v: Value): Value {
  const holder = sender.shared.value;
  const old = release(holder[0], holder);
  sender.sendIfModified(() => {
    holder[0] = v;
    claim(v, holder, 0);
    return true;
  });
  return old;
}

const TX = tableFor(RWatchSender);
def(TX, 'send', 'ref', (_s, a) => {
  const t = tx(a[0]);
  if (t.isClosed()) {
    return fromResult({ ok: false, error: new SimError('channel closed', 'SendError { .. }', false, [a[1]]) });
  }
  sendReplace(t, a[1]);
  return fromResult({ ok: true, value: undefined });
});
def(TX, 'send_replace', 'ref', (_s, a) => sendReplace(tx(a[0]), a[1]));
def(TX, 'send_modify', 'ref', (s, a) => {
  tx(a[0]).sendIfModified((sh) => {
    callValue(s, a[1], [new MutRef(sh.value, 0)]);
    return true;
  });
});
def(TX, 'send_if_modified', 'ref', (s, a) => sendIfModified(s, tx(a[0]), a[1]));
def(TX, 'borrow', 'ref', (_s, a) => refOf(tx(a[0]).borrow()));
def(TX, 'is_closed', 'ref', (_s, a) => tx(a[0]).isClosed());
def(TX, 'closed', 'ref', (_s, a) => new SimFut(tx(a[0]).closed(), toUnit));
def(TX, 'subscribe', 'ref', (_s, a) => new RWatchReceiver(tx(a[0]).subscribe()));
def(TX, 'receiver_count', 'ref', (_s, a) => tx(a[0]).receiverCount());
def(TX, 'sender_count', 'ref', (_s, a) => tx(a[0]).senderCount());
def(TX, 'same_channel', 'ref', (_s, a) => tx(a[0]).sameChannel(tx(a[1])));
def(TX, 'clone', 'ref', (_s, a) => new RWatchSender(tx(a[0]).clone()));

const RX = tableFor(RWatchReceiver);
def(RX, 'borrow', 'ref', (_s, a) => refOf(rx(a[0]).borrow()));
def(RX, 'borrow_and_update', 'refMut', (_s, a) => refOf(rx(a[0]).borrowAndUpdate()));
def(RX, 'has_changed', 'ref', (_s, a) => fromResult(rx(a[0]).hasChanged(), (b) => b as Value, recvError));
def(RX, 'mark_changed', 'refMut', (_s, a) => void rx(a[0]).markChanged());
def(RX, 'mark_unchanged', 'refMut', (_s, a) => void rx(a[0]).markUnchanged());
def(
  RX,
  'changed',
  'refMut',
  (_s, a) => new SimFut(rx(a[0]).changed(), (r) => fromResult(r, () => undefined, recvError)),
);
def(RX, 'wait_for', 'refMut', (s, a) => {
  const pred = a[1];
  return new SimFut(
    rx(a[0]).waitFor((h) => callValue(s, pred, [h[0]]) === true),
    (r) => fromResult(r, (x) => refOf(x as WatchRef<Holder>), recvError),
  );
});
def(RX, 'same_channel', 'ref', (_s, a) => rx(a[0]).sameChannel(rx(a[1])));
def(RX, 'clone', 'ref', (_s, a) => new RWatchReceiver(rx(a[0]).clone()));
