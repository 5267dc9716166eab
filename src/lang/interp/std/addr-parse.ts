/**
 * std's text forms of IPv4 addresses and sockets (`Ipv4Addr::from_str`, `SocketAddrV4`): four
 * decimal octets of at most three digits, no leading zero, each at most 255, and the whole text
 * consumed; a port is any run of decimal digits (leading zeros allowed) that fits a u16. IPv6 text
 * is not parsed (callers refuse it).
 */

/** The octets of an IPv4 address written as std accepts it; null when std refuses it. */
export function parseIpv4(s: string): string | null {
  if (s.length > 15) return null;
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0')) || Number(p) > 255) return null;
  }
  return parts.join('.');
}

/** `a.b.c.d:port` as std's IPv4 socket address parser reads it; null when it refuses. */
export function parseSocketV4(s: string): { readonly ip: string; readonly port: number } | null {
  const colon = s.lastIndexOf(':');
  if (colon < 0) return null;
  const ip = parseIpv4(s.slice(0, colon));
  const digits = s.slice(colon + 1);
  if (ip === null || !/^\d+$/.test(digits)) return null;
  const port = Number(digits);
  return port <= 65535 ? { ip, port } : null;
}

/** An IPv6 form (`::1`, `[::1]:80`), which the simulator does not parse. */
export function isIpv6Text(s: string, socket: boolean): boolean {
  return socket ? s.startsWith('[') : s.includes(':');
}
