/**
 * Share links: a moment of the lab (program, config, seed, step, open views) packed into a URL
 * fragment and read back with clear errors. Pure functions over the platform's compression
 * streams; they run in the browser and in Node 20 alike.
 */
export {
  decodeShare,
  decodeShareHash,
  encodeShare,
  MAX_SHARE_CHARS,
  MAX_SHARE_JSON_BYTES,
  SHARE_PARAM,
  shareUrl,
  shareValueOf,
} from './share-link.ts';
export type { ShareDecode, ShareEncode, ShareProblem } from './share-link.ts';
export { SHARE_VERSION } from './share-payload.ts';
export type { SharedMoment } from './share-payload.ts';
export { decodeBase64Url, encodeBase64Url } from './base64url.ts';
