/**
 * Tokio's error enums as real Rust enums (`TrySendError::Full(v)`, `RecvError::Lagged(n)`,
 * `TryAcquireError::NoPermits`), so programs can build them and match on them. Each is registered
 * under the paths Tokio exports it from; enums that share a name (`TryRecvError` of mpsc,
 * oneshot and broadcast) are distinct types, told apart by the path the program imported.
 */
import { EnumDef, VariantDef } from '../defs.ts';
import { displayString, registerDefFmt, toFmt } from '../fmt-value.ts';
import { fmtDerivedDebug, fmtWith } from '../../fmt/index.ts';
import { claim, release } from '../owner.ts';
import { def, registerNames } from '../std/tables.ts';
import { member, memberValue, ns, regEnum } from '../std/registry.ts';
import { deref, REnum, type Value } from '../values.ts';

type Shape = readonly [name: string, arity: 0 | 1, display: (v: REnum) => string];

interface EnumSpec {
  readonly name: string;
  readonly paths: readonly string[];
  readonly variants: readonly Shape[];
  /** Display forwards to `str`'s (width and fill apply), as mpsc's TryRecvError does. */
  readonly pads?: boolean;
  /** Debug of a variant with a payload is a quoted str (`"Full(..)"`), as TrySendError's is. */
  readonly opaque?: boolean;
}

export function defineEnum(spec: EnumSpec): EnumDef {
  const d = new EnumDef(
    spec.name,
    spec.variants.map(([n, arity], i) =>
      arity === 0 ? new VariantDef(n, [], 'unit', i, []) : new VariantDef(n, ['0'], 'tuple', i, [null]),
    ),
  );
  for (const t of ['Debug', 'Clone', 'PartialEq', 'Eq']) d.derives.add(t);
  regEnum(spec.paths, d);
  const N = ns(spec.paths);
  spec.variants.forEach(([n, arity], i) => {
    if (arity === 0) memberValue(N, n, () => d.unit(i));
    else member(N, n, (_s, a) => variantOf(d, i, a[0]));
  });
  registerDefFmt(d, (v0) => {
    const v = v0 as REnum;
    const [name, arity, display] = spec.variants[v.v];
    return {
      display: (f) => (spec.pads ? f.pad(display(v)) : f.writeStr(display(v))),
      debug: (f) => {
        if (arity === 0) fmtDerivedDebug(f, name, { kind: 'unit' });
        else if (spec.opaque) f.writeStr(`"${name}(..)"`);
        else fmtDerivedDebug(f, name, { kind: 'tuple', fields: [(g) => fmtWith(toFmt(v.f[0]), 'Debug', g)] });
      },
    };
  });
  return d;
}

/** Variant `i` of `d` with its payload (moved in). */
export function variantOf(d: EnumDef, i: number, payload?: Value): REnum {
  if (d.variants[i].kind === 'unit') return d.unit(i);
  const f = [payload];
  claim(payload, f, 0);
  return new REnum(d, i, f);
}

const lagged = (v: REnum): string => `channel lagged by ${displayString(v.f[0])}`;
const paths = (mod: string, name: string): string[] => [
  `tokio::sync::${mod}::error::${name}`,
  `sync::${mod}::error::${name}`,
  `${mod}::error::${name}`,
];

export const TRY_SEND_ERROR = defineEnum({
  name: 'TrySendError',
  paths: ['TrySendError', ...paths('mpsc', 'TrySendError')],
  variants: [
    ['Full', 1, () => 'no available capacity'],
    ['Closed', 1, () => 'channel closed'],
  ],
  opaque: true,
});
export const SEND_TIMEOUT_ERROR = defineEnum({
  name: 'SendTimeoutError',
  paths: ['SendTimeoutError', ...paths('mpsc', 'SendTimeoutError')],
  variants: [
    ['Timeout', 1, () => 'timed out waiting on send operation'],
    ['Closed', 1, () => 'channel closed'],
  ],
  opaque: true,
});
export const MPSC_TRY_RECV_ERROR = defineEnum({
  name: 'TryRecvError',
  paths: ['TryRecvError', ...paths('mpsc', 'TryRecvError')],
  variants: [
    ['Empty', 0, () => 'receiving on an empty channel'],
    ['Disconnected', 0, () => 'receiving on a closed channel'],
  ],
  pads: true,
});
export const ONESHOT_TRY_RECV_ERROR = defineEnum({
  name: 'TryRecvError',
  paths: paths('oneshot', 'TryRecvError'),
  variants: [
    ['Empty', 0, () => 'channel empty'],
    ['Closed', 0, () => 'channel closed'],
  ],
});
export const TRY_ACQUIRE_ERROR = defineEnum({
  name: 'TryAcquireError',
  paths: ['TryAcquireError', 'tokio::sync::TryAcquireError', 'sync::TryAcquireError'],
  variants: [
    ['Closed', 0, () => 'semaphore closed'],
    ['NoPermits', 0, () => 'no permits available'],
  ],
});
export const BROADCAST_RECV_ERROR = defineEnum({
  name: 'RecvError',
  paths: paths('broadcast', 'RecvError'),
  variants: [
    ['Closed', 0, () => 'channel closed'],
    ['Lagged', 1, lagged],
  ],
});
export const BROADCAST_TRY_RECV_ERROR = defineEnum({
  name: 'TryRecvError',
  paths: paths('broadcast', 'TryRecvError'),
  variants: [
    ['Empty', 0, () => 'channel empty'],
    ['Closed', 0, () => 'channel closed'],
    ['Lagged', 1, lagged],
  ],
});
export const SET_ERROR = defineEnum({
  name: 'SetError',
  paths: ['SetError', 'tokio::sync::SetError', 'sync::SetError', 'tokio::sync::once_cell::SetError'],
  variants: [
    ['AlreadyInitializedError', 1, () => 'AlreadyInitializedError'],
    ['InitializingError', 1, () => 'InitializingError'],
  ],
});

/** `TrySendError::into_inner` / `SendTimeoutError::into_inner` / `SetError`'s payload: the value that was not stored. */
for (const d of [TRY_SEND_ERROR, SEND_TIMEOUT_ERROR, SET_ERROR]) {
  def(d.methods, 'into_inner', 'value', (_s, a) => {
    const e = deref(a[0]) as REnum;
    return release(e.f[0], e.f);
  });
  registerNames(d.methods);
}
