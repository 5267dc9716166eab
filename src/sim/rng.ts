/**
 * Tokio's `FastRand` xorshift generator and its seed generator (tokio-facts.md §6.5). Every random
 * choice the simulation makes (select! start branch, mt steal victim, which worker acts) is drawn
 * from one of these, seeded from the run's seed, so a run is reproducible.
 */
import { sipHash13, u64LeBytes } from './siphash.ts';

/** A (one, two) pair; Tokio's `RngSeed`. */
export interface RngSeed {
  readonly s: number;
  readonly r: number;
}

/** `RngSeed::from_u64`: high half → one, low half → two (0 replaced by 1, xorshift needs a non-zero state). */
export function seedFromU64(seed: bigint | number): RngSeed {
  const v = BigInt.asUintN(64, BigInt(seed));
  const one = Number(v >> 32n);
  let two = Number(v & 0xffffffffn);
  if (two === 0) two = 1;
  return { s: one, r: two };
}

/**
 * `RngSeed::from_bytes(&seed.to_le_bytes())`: how a run's seed becomes Tokio's seed. The bytes go
 * through std's SipHash first, so seeds 1, 2, 3… give unrelated generators; feeding the raw number
 * to `from_u64` would start every small seed at state (0, seed) and make first draws alike.
 */
export function seedFromRunSeed(seed: bigint | number): RngSeed {
  return seedFromU64(sipHash13(u64LeBytes(BigInt(seed))));
}

export class FastRand {
  private one: number;
  private two: number;

  constructor(seed: RngSeed) {
    this.one = seed.s >>> 0;
    this.two = seed.r >>> 0;
  }

  static fromU64(seed: bigint | number): FastRand {
    return new FastRand(seedFromU64(seed));
  }

  /** One xorshift step; returns a u32. */
  fastrand(): number {
    let s1 = this.one;
    const s0 = this.two;
    s1 = (s1 ^ (s1 << 17)) >>> 0;
    s1 = (s1 ^ s0 ^ (s1 >>> 7) ^ (s0 >>> 16)) >>> 0;
    this.one = s0;
    this.two = s1;
    return (s0 + s1) >>> 0;
  }

  /** `fastrand_n`: `(fastrand() as u64 * n) >> 32`, a value in [0, n). */
  fastrandN(n: number): number {
    const x = this.fastrand();
    // The 64-bit product needs more than 53 bits; split x into 16-bit halves to stay exact.
    const hi = (x >>> 16) * n;
    const lo = (x & 0xffff) * n;
    return Math.floor((hi + Math.floor(lo / 0x10000)) / 0x10000);
  }

  /** The current (one, two) pair, for snapshots and tests. */
  seed(): RngSeed {
    return { s: this.one, r: this.two };
  }
}

/** `RngSeedGenerator`: hands out per-thread seeds from one master generator. */
export class RngSeedGenerator {
  private readonly rng: FastRand;

  constructor(seed: RngSeed) {
    this.rng = new FastRand(seed);
  }

  nextSeed(): RngSeed {
    const s = this.rng.fastrand();
    const r = this.rng.fastrand();
    return { s, r };
  }

  nextGenerator(): RngSeedGenerator {
    return new RngSeedGenerator(this.nextSeed());
  }
}
