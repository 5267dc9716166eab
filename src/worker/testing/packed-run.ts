/**
 * A program's whole trace as the worker would post it: wire batches of at most `limit` events,
 * each with the events the page unpacks from it (for tests of the page's event logs).
 */
import { compile, runProgram } from '../../lang/run.ts';
import type { SimEvent } from '../../sim/index.ts';
import type { WireBatch } from '../protocol.ts';
import { BatchPacker, BatchUnpacker } from '../wire.ts';

export interface PackedBatch {
  readonly batch: WireBatch;
  readonly events: SimEvent[];
}

export function packedRun(source: string, limit: number): PackedBatch[] {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error('the test program does not compile');
  const packer = new BatchPacker(runProgram(c.program, { seed: 1 }).world.trace);
  const unpacker = new BatchUnpacker();
  const out: PackedBatch[] = [];
  while (packer.pending > 0) {
    const batch = packer.next(limit);
    out.push({ batch, events: unpacker.unpack(batch) });
  }
  return out;
}

/** Forty tasks that sleep, print and are joined: a few thousand events of many kinds. */
export const SLEEPERS_PROGRAM = `
use tokio::time::{sleep, Duration};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::new();
    for i in 0..40u64 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(i % 7)).await;
            println!("task {i}");
            i
        }));
    }
    let mut sum = 0;
    for h in handles {
        sum += h.await.unwrap();
    }
    println!("sum {sum}");
}
`;
