/**
 * `tokio::sync::broadcast` as Rust values over the simulator's broadcast ring. Each receiver gets
 * a clone of every message (Rust's `T: Clone`); the slot keeps the sent value until its last reader
 * has taken a clone or a later send overwrites it.
 */
import { cloneValue } from '../std/clone.ts';
import { registerFmt } from '../fmt-value.ts';
import { debugString } from '../fmt-value.ts';
import {
  type BroadcastReceiver,
  type BroadcastRecvError,
  BroadcastSender,
  broadcastChannel,
  type BroadcastSendError,
} from '../sim.ts';
import { tuple2 } from '../std/iter.ts';
import { fn, member, ns } from '../std/registry.ts';
import { def, tableFor } from '../std/tables.ts';
import { deref, Owned, type Value } from '../values.ts';
import { BROADCAST_RECV_ERROR, BROADCAST_TRY_RECV_ERROR, variantOf } from './error-enums.ts';
import { fromResult, SimError, SimFut, toUnit } from './sim-values.ts';
import type { EnumDef } from '../defs.ts';

export class RBroadcastSender extends Owned {
  constructor(readonly h: BroadcastSender<Value>) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
  }
}
export class RBroadcastReceiver extends Owned {
  constructor(readonly h: BroadcastReceiver<Value>) {
    super();
  }
  dropGlue(): void {
    this.h.drop();
  }
}
for (const [cls, name] of [
  [RBroadcastSender, 'Sender'],
  [RBroadcastReceiver, 'Receiver'],
] as const) {
  registerFmt(cls, () => ({ debug: (f) => f.writeStr(`${name} { .. }`) }));
}

fn(['tokio::sync::broadcast::channel', 'broadcast::channel', 'sync::broadcast::channel'], (_s, a) => {
  const [tx, rx] = broadcastChannel<Value>(Number(a[0]));
  return tuple2(new RBroadcastSender(tx), new RBroadcastReceiver(rx));
});
const SN = ns(['tokio::sync::broadcast::Sender', 'broadcast::Sender', 'sync::broadcast::Sender']);
member(SN, 'new', (_s, a) => new RBroadcastSender(BroadcastSender.withoutReceivers<Value>(Number(a[0]))));

/** A recv error as `RecvError` (from `recv`) or `TryRecvError` (from `try_recv`). */
function recvErr(d: EnumDef): (e: unknown) => Value {
  return (e) => {
    const x = e as BroadcastRecvError;
    const name = x.kind === 'empty' ? 'Empty' : x.kind === 'closed' ? 'Closed' : 'Lagged';
    return variantOf(d, d.index.get(name)!, x.kind === 'lagged' ? x.missed : undefined);
  };
}
const sendErr = (e: unknown): Value => {
  const v = (e as BroadcastSendError<Value>).value;
  return new SimError('channel closed', `SendError(${debugString(v)})`, false, [v]);
};

const tx = (v: Value): BroadcastSender<Value> => (deref(v) as RBroadcastSender).h;
const rx = (v: Value): BroadcastReceiver<Value> => (deref(v) as RBroadcastReceiver).h;
const TX = tableFor(RBroadcastSender);
def(TX, 'send', 'ref', (_s, a) => fromResult(tx(a[0]).send(a[1]), (n) => n as Value, sendErr));
def(TX, 'subscribe', 'ref', (_s, a) => new RBroadcastReceiver(tx(a[0]).subscribe()));
def(TX, 'len', 'ref', (_s, a) => tx(a[0]).len());
def(TX, 'is_empty', 'ref', (_s, a) => tx(a[0]).isEmpty());
def(TX, 'receiver_count', 'ref', (_s, a) => tx(a[0]).receiverCount());
def(TX, 'same_channel', 'ref', (_s, a) => tx(a[0]).sameChannel(tx(a[1])));
def(TX, 'strong_count', 'ref', (_s, a) => tx(a[0]).strongCount());
def(TX, 'weak_count', 'ref', (_s, a) => tx(a[0]).weakCount());
def(TX, 'closed', 'ref', (_s, a) => new SimFut(tx(a[0]).closed(), toUnit));
def(TX, 'clone', 'ref', (_s, a) => new RBroadcastSender(tx(a[0]).clone()));

const RX = tableFor(RBroadcastReceiver);
def(
  RX,
  'recv',
  'refMut',
  (_s, a) =>
    new SimFut(rx(a[0]).recv(cloneValue), (r) => fromResult(r, (v) => v as Value, recvErr(BROADCAST_RECV_ERROR))),
);
def(RX, 'try_recv', 'refMut', (_s, a) =>
  fromResult(rx(a[0]).tryRecv(cloneValue), (v) => v as Value, recvErr(BROADCAST_TRY_RECV_ERROR)),
);
def(RX, 'len', 'ref', (_s, a) => rx(a[0]).len());
def(RX, 'is_empty', 'ref', (_s, a) => rx(a[0]).isEmpty());
def(RX, 'is_closed', 'ref', (_s, a) => rx(a[0]).isClosed());
def(RX, 'same_channel', 'ref', (_s, a) => rx(a[0]).sameChannel(rx(a[1])));
def(RX, 'resubscribe', 'ref', (_s, a) => new RBroadcastReceiver(rx(a[0]).resubscribe()));
def(RX, 'sender_strong_count', 'ref', (_s, a) => rx(a[0]).senderStrongCount());
