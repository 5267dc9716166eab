/**
 * SipHash-1-3 with zero keys: what std's `DefaultHasher::default()` computes. Tokio's
 * `RngSeed::from_bytes` runs a user's seed through it before `from_u64`, so nearby seeds (1, 2, 3…)
 * give unrelated generators. Runs once per runtime, so BigInt is fast enough.
 */
const MASK = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & MASK;
}

/** The running state v0..v3, mutated in place by one SipRound. */
function sipRound(v: [bigint, bigint, bigint, bigint]): void {
  v[0] = (v[0] + v[1]) & MASK;
  v[1] = rotl(v[1], 13n) ^ v[0];
  v[0] = rotl(v[0], 32n);
  v[2] = (v[2] + v[3]) & MASK;
  v[3] = rotl(v[3], 16n) ^ v[2];
  v[0] = (v[0] + v[3]) & MASK;
  v[3] = rotl(v[3], 21n) ^ v[0];
  v[2] = (v[2] + v[1]) & MASK;
  v[1] = rotl(v[1], 17n) ^ v[2];
  v[2] = rotl(v[2], 32n);
}

/** `DefaultHasher::default()`, `write(bytes)`, `finish()`. */
export function sipHash13(bytes: Uint8Array): bigint {
  // Keys are zero, so v_i are the bare initialisation constants ("somepseudorandomlygeneratedbytes").
  const v: [bigint, bigint, bigint, bigint] = [
    0x736f6d6570736575n,
    0x646f72616e646f6dn,
    0x6c7967656e657261n,
    0x7465646279746573n,
  ];
  const whole = bytes.length - (bytes.length % 8);
  const word = (at: number, n: number): bigint => {
    let m = 0n;
    for (let i = n - 1; i >= 0; i--) m = (m << 8n) | BigInt(bytes[at + i] ?? 0);
    return m;
  };
  const compress = (m: bigint): void => {
    v[3] ^= m;
    sipRound(v);
    v[0] ^= m;
  };
  for (let i = 0; i < whole; i += 8) compress(word(i, 8));
  compress((BigInt(bytes.length & 0xff) << 56n) | word(whole, bytes.length - whole));
  v[2] ^= 0xffn;
  for (let i = 0; i < 3; i++) sipRound(v);
  return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/** `u64::to_le_bytes`. */
export function u64LeBytes(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  let x = BigInt.asUintN(64, value);
  for (let i = 0; i < 8; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}
