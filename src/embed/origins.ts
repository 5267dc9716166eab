/**
 * Which origins may drive an embed (issue 7): an explicit allow-list from the `origins` URL
 * parameter, or by default only the page that embeds it. That page's origin comes from
 * `location.ancestorOrigins` (Chromium, WebKit) or `document.referrer`; when neither tells (a
 * `no-referrer` policy in Firefox), the embed trusts the origin of the first `hello` its parent
 * window sends, and nothing before it. Pure functions; the bridge applies them.
 */

export type OriginPolicy =
  /** Exactly these origins (`origins=https://a.example,https://b.example`). */
  | { readonly kind: 'list'; readonly origins: readonly string[] }
  /** `origins=*`: any origin (for demos and local files; documented as unsafe). */
  | { readonly kind: 'any' }
  /** The default, pinned: the embedding page's origin. */
  | { readonly kind: 'embedder'; readonly origin: string }
  /** The default before the embedder is known: only a `hello` can pin it. */
  | { readonly kind: 'first-handshake' };

export interface PolicyRead {
  readonly policy: OriginPolicy;
  /** Entries of the parameter that are not origins, for a console warning. */
  readonly rejected: readonly string[];
}

/** `https://host[:port]` (or http) of an absolute URL; undefined for anything else (incl. "null"). */
export function originOf(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.origin;
}

/** The embedding page's origin, best source first. */
export function embedderOrigin(ancestorOrigins: readonly string[] | undefined, referrer: string): string | undefined {
  const parent = ancestorOrigins?.[0];
  if (parent !== undefined) return originOf(parent);
  return referrer === '' ? undefined : originOf(referrer);
}

/**
 * The policy for an `origins` parameter (null when absent). An allow-list is given as origins
 * separated by commas or spaces; entries that are not http(s) origins are dropped, and a list
 * left empty falls back to the default, so a typo never opens the embed to everyone.
 */
export function originPolicy(param: string | null, embedder: string | undefined): PolicyRead {
  const fallback: OriginPolicy =
    embedder === undefined ? { kind: 'first-handshake' } : { kind: 'embedder', origin: embedder };
  if (param === null || param.trim() === '') return { policy: fallback, rejected: [] };
  const entries = param.split(/[\s,]+/).filter((e) => e !== '');
  if (entries.length === 1 && entries[0] === '*') return { policy: { kind: 'any' }, rejected: [] };
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const e of entries) {
    const o = originOf(e);
    // An entry with a path is not an origin: refusing it catches "https://site/course" mistakes.
    if (o === undefined || !(e === o || e === `${o}/`)) rejected.push(e);
    else if (!origins.includes(o)) origins.push(o);
  }
  return { policy: origins.length > 0 ? { kind: 'list', origins } : fallback, rejected };
}

export function admits(policy: OriginPolicy, origin: string): boolean {
  switch (policy.kind) {
    case 'list':
      return policy.origins.includes(origin);
    case 'any':
      return true;
    case 'embedder':
      return policy.origin === origin;
    case 'first-handshake':
      return false;
  }
}

/**
 * The policy after a `hello` from the parent window at `origin`: first-handshake pins it (if it
 * is a real origin); every other policy stays as it is.
 */
export function afterHandshake(policy: OriginPolicy, origin: string): OriginPolicy {
  if (policy.kind !== 'first-handshake' || originOf(origin) !== origin) return policy;
  return { kind: 'embedder', origin };
}

/** The target origins for `postMessage` of events: an event never goes where commands may not come from. */
export function eventTargets(policy: OriginPolicy): readonly string[] {
  switch (policy.kind) {
    case 'list':
      return policy.origins;
    case 'any':
      return ['*'];
    case 'embedder':
      return [policy.origin];
    case 'first-handshake':
      return [];
  }
}
