/**
 * The echo-server challenge's clients (lessons/day07…/06-echo-starter.rs). For each seed the
 * checker draws a limit and a set of clients; its harness (harness.ts) reads them from a Rust
 * table, `const CHECK_CLIENTS: &[(u8, u64, usize)]` (kind, start ms, chunks), so the same program
 * runs under real Tokio with any plan pasted in.
 */
import { Draw } from '../draw.ts';

/**
 * - `chatty`: sends its chunks one at a time and waits for each echo, pausing between them;
 * - `many`: waits for its first echo, then sends every other line in a burst and reads them back;
 * - `slow`: waits for its first echo, then sends big chunks and reads them back 64 bytes at a time;
 * - `reset`: chats, then sends one more chunk and closes without reading its echo (a reset);
 * - `idle`: one echo, then stays connected until the server closes it at shutdown.
 */
export type ClientKind = 'chatty' | 'many' | 'slow' | 'reset' | 'idle';

export const CLIENT_KINDS: readonly ClientKind[] = ['chatty', 'many', 'slow', 'reset', 'idle'];

export interface ClientPlan {
  readonly kind: ClientKind;
  readonly startMs: number;
  readonly chunks: number;
}

export interface EchoPlan {
  /** The `limit` passed to `serve`. */
  readonly limit: number;
  readonly clients: readonly ClientPlan[];
}

/** What the checker waits for, in virtual ms. */
export interface EchoSpec {
  /** A client still not done after this long gives up (a starved client). */
  readonly clientDeadlineMs: number;
  /** How long after cancel `serve` may take to return and close its connections. */
  readonly shutdownBudgetMs: number;
}

export const ECHO_SPEC: EchoSpec = { clientDeadlineMs: 3000, shutdownBudgetMs: 100 };

export const ECHO_SEEDS: readonly number[] = [1, 2, 3, 4];

/** Seed 1's clients: one of each kind, three chatty ones overlapping. */
export const LESSON_PLAN: EchoPlan = {
  limit: 2,
  clients: [
    { kind: 'chatty', startMs: 0, chunks: 4 },
    { kind: 'many', startMs: 2, chunks: 30 },
    { kind: 'slow', startMs: 4, chunks: 20 },
    { kind: 'reset', startMs: 6, chunks: 3 },
    { kind: 'chatty', startMs: 8, chunks: 5 },
    { kind: 'idle', startMs: 1, chunks: 1 },
    { kind: 'chatty', startMs: 3, chunks: 3 },
  ],
};

const CHUNKS: Readonly<Record<ClientKind, readonly [number, number]>> = {
  chatty: [3, 7],
  many: [20, 40],
  slow: [8, 20],
  reset: [3, 5],
  idle: [1, 1],
};

/**
 * The plan for `seed`: seed 1 is the lesson's; others draw a limit of 2 or 3, then `limit + 1`
 * chatty clients that start within 10ms of each other (so a server without a limit serves more
 * than `limit` at once), one of each other kind, and up to three more of any kind but idle (an
 * idle client holds a connection until shutdown).
 */
export function planForSeed(seed: number): EchoPlan {
  if (seed === 1) return LESSON_PLAN;
  const draw = new Draw(seed);
  const limit = draw.int(2, 3);
  const client = (kind: ClientKind, startHi: number): ClientPlan => {
    const [lo, hi] = CHUNKS[kind];
    return { kind, startMs: draw.int(0, startHi), chunks: draw.int(lo, hi) };
  };
  const clients: ClientPlan[] = [];
  for (let i = 0; i <= limit; i++) clients.push(client('chatty', 10));
  for (const kind of ['many', 'slow', 'reset', 'idle'] as const) clients.push(client(kind, 20));
  const extra = draw.int(0, 3);
  for (let i = 0; i < extra; i++) clients.push(client(CLIENT_KINDS[draw.int(0, 3)] ?? 'chatty', 30));
  // Shuffle so client numbers do not give the kinds away (Fisher–Yates on the seed's draws).
  for (let i = clients.length - 1; i > 0; i--) {
    const j = draw.int(0, i);
    const a = clients[i];
    const b = clients[j];
    if (a !== undefined && b !== undefined) [clients[i], clients[j]] = [b, a];
  }
  return { limit, clients };
}
