/**
 * `std::net::SocketAddr` and `IpAddr` for the loopback network: values with Display, Debug, `==`,
 * `ip()`, `port()`, `is_ipv4()`; and the address arguments `bind`/`connect` take (a literal string
 * such as "127.0.0.1:8080", or a `SocketAddr`).
 */
import { registerFmt } from '../../fmt-value.ts';
import { def, tableFor } from '../../std/tables.ts';
import { member, ns } from '../../std/registry.ts';
import { deref, text, type Value } from '../../values.ts';
import { LOOPBACK } from '../../sim.ts';
import { ok, err } from '../../std/enums.ts';
import type { IoError } from '../../std/errors.ts';
import { ioErrorOfKind } from '../../std/errors.ts';

export class RIpAddr {
  constructor(readonly ip: string) {}
}
export class RSocketAddr {
  constructor(
    readonly ip: string,
    readonly port: number,
  ) {}
}

registerFmt(RIpAddr, (v) => {
  const ip = (v as RIpAddr).ip;
  return { display: (f) => f.writeStr(ip), debug: (f) => f.writeStr(ip) };
});
registerFmt(RSocketAddr, (v) => {
  const a = v as RSocketAddr;
  return { display: (f) => f.writeStr(`${a.ip}:${a.port}`), debug: (f) => f.writeStr(`${a.ip}:${a.port}`) };
});

const SA = tableFor(RSocketAddr);
const sa = (v: Value): RSocketAddr => deref(v) as RSocketAddr;
def(SA, 'ip', 'ref', (_s, a) => new RIpAddr(sa(a[0]).ip));
def(SA, 'port', 'ref', (_s, a) => sa(a[0]).port);
def(SA, 'is_ipv4', 'ref', (_s, a) => !sa(a[0]).ip.includes(':'));
def(SA, 'is_ipv6', 'ref', (_s, a) => sa(a[0]).ip.includes(':'));
def(SA, 'eq', 'ref', (_s, a) => {
  const x = sa(a[0]);
  const y = deref(a[1]);
  return y instanceof RSocketAddr && x.ip === y.ip && x.port === y.port;
});
def(SA, 'clone', 'ref', (_s, a) => sa(a[0]));
const IP = tableFor(RIpAddr);
def(IP, 'is_loopback', 'ref', (_s, a) => ['127.0.0.1', '::1'].includes((deref(a[0]) as RIpAddr).ip));
def(IP, 'is_ipv4', 'ref', (_s, a) => !(deref(a[0]) as RIpAddr).ip.includes(':'));
def(IP, 'eq', 'ref', (_s, a) => {
  const y = deref(a[1]);
  return y instanceof RIpAddr && (deref(a[0]) as RIpAddr).ip === y.ip;
});
def(IP, 'to_string', 'ref', (_s, a) => (deref(a[0]) as RIpAddr).ip);

/** Parses "a.b.c.d:port" as `SocketAddr::from_str` does; null when it is not one. */
export function parseSocketAddr(s: string): RSocketAddr | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/.exec(s);
  if (m === null) return null;
  const parts = m.slice(1, 5).map(Number);
  const port = Number(m[5]);
  if (parts.some((p) => p > 255) || port > 65535) return null;
  return new RSocketAddr(parts.join('.'), port);
}

/** The outcome of resolving what `bind`/`connect` were given. */
export type Target = { ok: true; addr: RSocketAddr } | { ok: false; error: IoError };

export function targetOf(v: Value): Target {
  const x = deref(v);
  if (x instanceof RSocketAddr) return { ok: true, addr: x };
  if (typeof x === 'string') {
    const a = parseSocketAddr(x);
    if (a !== null) return { ok: true, addr: a };
    return { ok: false, error: ioErrorOfKind('InvalidInput', 'invalid socket address') };
  }
  return { ok: false, error: ioErrorOfKind('InvalidInput', 'invalid socket address') };
}

/** Only the loopback interface exists in the simulation. */
export function isLocal(a: RSocketAddr): boolean {
  return a.ip === LOOPBACK || a.ip === '0.0.0.0' || a.ip.startsWith('127.');
}

const SAN = ns(['std::net::SocketAddr', 'net::SocketAddr', 'SocketAddr']);
member(SAN, 'from_str', (_s, a) => {
  const r = parseSocketAddr(text(deref(a[0])));
  return r === null ? err(ioErrorOfKind('InvalidInput', 'invalid socket address syntax')) : ok(r);
});
