/**
 * Raw DEFLATE through the platform's CompressionStream / DecompressionStream (browsers and Node
 * 20 both have them), so share links need no compression library. Inflating stops as soon as the
 * output passes a limit: a hostile fragment of a few kilobytes cannot expand into gigabytes.
 */

export type InflateResult =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'corrupt'; readonly reason: string };

type Transform = CompressionStream | DecompressionStream;

/** Feeds `input` to `stream` and collects its output, giving up past `limit` bytes. */
async function run(stream: Transform, input: Uint8Array, limit: number): Promise<InflateResult> {
  const writer = stream.writable.getWriter();
  // The write side fails whenever the read side does (bad data, or our cancel); the read side
  // reports it, so this rejection is only silenced.
  const written = writer
    .write(input as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        await written;
        return { kind: 'too-large', limit };
      }
      chunks.push(value);
    }
  } catch (e) {
    await written;
    return { kind: 'corrupt', reason: e instanceof Error ? e.message : String(e) };
  }
  await written;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { kind: 'ok', bytes };
}

export async function deflateRaw(input: Uint8Array): Promise<Uint8Array> {
  const r = await run(new CompressionStream('deflate-raw'), input, Number.MAX_SAFE_INTEGER);
  if (r.kind !== 'ok') throw new Error(`compression failed: ${r.kind}`);
  return r.bytes;
}

export function inflateRaw(input: Uint8Array, limit: number): Promise<InflateResult> {
  return run(new DecompressionStream('deflate-raw'), input, limit);
}
