/**
 * CRC-32 (IEEE 802.3, the one zip and PNG use). Raw DEFLATE carries no checksum, so a link whose
 * characters were altered could inflate to a slightly different program; the CRC of the JSON,
 * stored beside the compressed data, turns that into a "damaged link" message instead.
 */

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
