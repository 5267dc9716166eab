/**
 * mpsc methods built from the channel's others. `Receiver::recv_many(&mut buf, limit)`: waits for
 * at least one message (0 when the channel is closed and empty), then appends up to `limit`.
 * `Sender::send_timeout(value, d)`, as tokio 1.48 writes it: `timeout(d, self.reserve())`,
 * then the permit sends the value. The value waits inside the future (dropped with it); it comes
 * back in `SendTimeoutError::Timeout` when the deadline passes first, in `Closed` when the
 * receiver is gone.
 */
import type { Context, Future, Pending } from '../sim.ts';
import { PENDING, timeout } from '../sim.ts';
import { RFuture } from '../async.ts';
import { err, ok } from '../std/enums.ts';
import { def, tableFor } from '../std/tables.ts';
import { claim, dropChild, release } from '../owner.ts';
import type { RVec } from '../values.ts';
import { deref, type Value } from '../values.ts';
import { SEND_TIMEOUT_ERROR, variantOf } from './error-enums.ts';
import { RReceiver, RSender } from './sync.ts';
import { SimFut } from './sim-values.ts';
import type { RDuration } from './time.ts';

interface SimResult {
  readonly ok: boolean;
  readonly value?: unknown;
}
interface SimPermit {
  send(v: Value): void;
}

class SendTimeout extends RFuture {
  private readonly box: Value[];
  constructor(
    private readonly reserve: Future<unknown>,
    value: Value,
  ) {
    super();
    this.box = [value];
    claim(value, this.box, 0);
  }
  poll(cx: Context): Value | Pending {
    const r = this.reserve.poll(cx);
    if (r === PENDING) return PENDING;
    const value = release(this.box[0], this.box);
    const timed = r as SimResult;
    if (!timed.ok) return err(variantOf(SEND_TIMEOUT_ERROR, 0, value));
    const reserved = timed.value as SimResult;
    if (!reserved.ok) return err(variantOf(SEND_TIMEOUT_ERROR, 1, value));
    (reserved.value as SimPermit).send(value);
    return ok(undefined);
  }
  dropGlue(): void {
    this.reserve.drop();
    dropChild(this.box[0], this.box);
  }
}

def(tableFor(RSender), 'send_timeout', 'ref', (_s, a) => {
  const tx = (deref(a[0]) as RSender).h;
  return new SendTimeout(timeout((deref(a[2]) as RDuration).ns, tx.reserve()), a[1]);
});

def(tableFor(RReceiver), 'recv_many', 'refMut', (_s, a) => {
  const rx = (deref(a[0]) as RReceiver).h;
  const got: Value[] = [];
  return new SimFut(rx.recvMany(got, Number(a[2])), (n) => {
    const into = (deref(a[1]) as RVec).a;
    for (const v of got) {
      into.push(v);
      claim(v, into, -1);
    }
    return n as Value;
  });
});
