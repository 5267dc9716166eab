/**
 * Share links (issue 7): the moment is JSON, compressed with raw DEFLATE, followed by the JSON's
 * CRC-32 (4 bytes, big-endian), spelled in base64url inside the URL *fragment*
 * (`#share=v1.<data>`), which browsers never send to a server. Decoding
 * never throws and never leaves the caller without a plan: it says "no share here", "here is the
 * moment", or gives a one-paragraph reason the UI shows above the default lesson.
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { crc32 } from './crc32.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';
import { payloadOf, readPayload, SHARE_VERSION } from './share-payload.ts';
import type { SharedMoment } from './share-payload.ts';

/** The fragment parameter that carries a shared moment. */
export const SHARE_PARAM = 'share';
/** Longest `share` value accepted (characters). Browsers take far more; chat apps and QR codes do not. */
export const MAX_SHARE_CHARS = 48_000;
/** Largest JSON a link may inflate to (bytes): a program of a few thousand lines. */
export const MAX_SHARE_JSON_BYTES = 512 * 1024;

const VERSIONED = /^v(\d{1,6})\.(.*)$/s;
const FALLBACK = 'Task Lab opened the default lesson instead.';

export type ShareProblem = 'oversized' | 'corrupt' | 'unsupported-version';

export type ShareDecode =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly moment: SharedMoment; readonly warnings: readonly string[] }
  | { readonly kind: 'error'; readonly problem: ShareProblem; readonly message: string };

export type ShareEncode =
  | { readonly kind: 'ok'; readonly value: string }
  | { readonly kind: 'too-large'; readonly chars: number; readonly message: string };

/** The `share` value for a moment (without `share=`), or why it cannot be one. */
export async function encodeShare(moment: SharedMoment): Promise<ShareEncode> {
  const payload = payloadOf(moment);
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const packed = await deflateRaw(json);
  const data = new Uint8Array(packed.length + 4);
  data.set(packed);
  new DataView(data.buffer).setUint32(packed.length, crc32(json));
  const value = `v${payload.v}.${encodeBase64Url(data)}`;
  if (value.length > MAX_SHARE_CHARS || json.length > MAX_SHARE_JSON_BYTES) {
    const kb = Math.ceil(value.length / 1024);
    return {
      kind: 'too-large',
      chars: value.length,
      message: `This program is too large for a link (${kb} KB compressed; a link holds at most ${MAX_SHARE_CHARS / 1000} KB). Export it as a Rust project instead.`,
    };
  }
  return { kind: 'ok', value };
}

const corrupt = (detail: string): ShareDecode => ({
  kind: 'error',
  problem: 'corrupt',
  message: `This share link is damaged (${detail}); it may have been cut short when it was copied. ${FALLBACK}`,
});

/** Reads a `share` value (what follows `share=`). */
export async function decodeShare(value: string): Promise<ShareDecode> {
  if (value.length > MAX_SHARE_CHARS) {
    return {
      kind: 'error',
      problem: 'oversized',
      message: `This share link is too long (${value.length} characters; Task Lab accepts at most ${MAX_SHARE_CHARS}). ${FALLBACK}`,
    };
  }
  const m = VERSIONED.exec(value);
  if (m === null) return corrupt('it does not start with a version such as “v1.”');
  const version = Number(m[1]);
  if (version > SHARE_VERSION) return newer(version);
  if (version < 1) return corrupt(`version ${version} is not one Task Lab ever wrote`);
  const bytes = decodeBase64Url(m[2] ?? '');
  if (bytes === undefined) return corrupt('it contains characters a share link never has');
  if (bytes.length <= 4) return corrupt('it holds no program data');
  const sum = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
  const inflated = await inflateRaw(bytes.subarray(0, bytes.length - 4), MAX_SHARE_JSON_BYTES);
  if (inflated.kind === 'too-large') {
    return {
      kind: 'error',
      problem: 'oversized',
      message: `This share link unpacks to more than ${MAX_SHARE_JSON_BYTES / 1024} KB, more than any program Task Lab shares. ${FALLBACK}`,
    };
  }
  if (inflated.kind === 'corrupt') return corrupt('its program data could not be decompressed');
  if (crc32(inflated.bytes) !== sum) return corrupt('its checksum does not match its program');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return corrupt('its data is not readable text');
  }
  const read = readPayload(json);
  switch (read.kind) {
    case 'ok':
      return read;
    case 'newer':
      return newer(read.version);
    case 'corrupt':
      return corrupt(read.message);
  }
}

function newer(version: number): ShareDecode {
  return {
    kind: 'error',
    problem: 'unsupported-version',
    message: `This share link was made by a newer Task Lab (format v${version}; this one reads v${SHARE_VERSION}). Reload the page to update. ${FALLBACK}`,
  };
}

/** The `share` value in a URL fragment (`#…`, with or without the '#'), if there is one. */
export function shareValueOf(hash: string): string | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return undefined;
  return new URLSearchParams(text).get(SHARE_PARAM) ?? undefined;
}

/** Decodes the share in a URL fragment; `none` when the fragment holds none. */
export function decodeShareHash(hash: string): Promise<ShareDecode> {
  const value = shareValueOf(hash);
  return value === undefined ? Promise.resolve({ kind: 'none' }) : decodeShare(value);
}

/**
 * The link for a share value: the same page (whatever subpath the app is served from), opened in
 * the lab (`?mode=lab`), the moment in the fragment.
 */
export function shareUrl(pageUrl: string, value: string): string {
  const url = new URL(pageUrl);
  url.search = '?mode=lab';
  url.hash = `${SHARE_PARAM}=${value}`;
  return url.toString();
}
