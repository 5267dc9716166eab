/**
 * current_thread shutdown, i.e. `Runtime` drop (tokio-facts.md §4(f), Tokio's `shutdown2`): close
 * the owned list and shut every task down shard by shard (oldest first within a shard), drop the
 * Notifieds left in the local queue, close and drain the inject queue, shut the time driver down,
 * then shut the blocking pool down and wait for its threads. One action per `step()`, all in the
 * scheduler context *without* the core (so wake-ups during shutdown are dropped).
 */
import { EventKind, QueueId, ShutdownPhase, SHUTDOWN_PHASE_NAMES } from '../../events.ts';
import type { RealTime, StepResult } from '../../runtime/step.ts';
import { dropNotified, shutdownTask } from '../../task/harness.ts';
import type { BlockingPool } from '../blocking/pool.ts';
import type { CtCore } from './core.ts';

type Phase = (typeof ShutdownPhase)[keyof typeof ShutdownPhase];

interface ShutdownableDriver {
  shutdown(): void;
}

export class CtShutdown {
  private phase: Phase = ShutdownPhase.Begin;
  private shard = 0;

  constructor(
    private readonly core: CtCore,
    private readonly pool: BlockingPool,
    private readonly real: RealTime,
  ) {}

  get done(): boolean {
    return this.phase === ShutdownPhase.Done;
  }

  step(): StepResult {
    const core = this.core;
    for (;;) {
      switch (this.phase) {
        case ShutdownPhase.Begin:
          core.owned.close();
          return this.enter(ShutdownPhase.OwnedTasks);
        case ShutdownPhase.OwnedTasks: {
          while (this.shard < core.owned.shards) {
            const t = core.owned.popBack(this.shard);
            if (t !== null) {
              core.withoutCore(() => shutdownTask(t));
              return this.did(t.id);
            }
            this.shard++;
          }
          return this.enter(ShutdownPhase.LocalQueue);
        }
        case ShutdownPhase.LocalQueue: {
          const t = core.popLocal();
          if (t !== null) {
            t.trace.emit(EventKind.QueueDrop, t.id, QueueId.Local);
            core.withoutCore(() => dropNotified(t));
            return this.did(t.id);
          }
          core.inject.close();
          return this.enter(ShutdownPhase.InjectQueue);
        }
        case ShutdownPhase.InjectQueue: {
          const t = core.inject.pop();
          if (t !== null) {
            t.trace.emit(EventKind.QueueDrop, t.id, QueueId.Inject);
            core.withoutCore(() => dropNotified(t));
            return this.did(t.id);
          }
          if (!core.owned.isEmpty()) throw new Error('current_thread shutdown: the owned list is not empty');
          const driver = core.ctx.time as unknown as Partial<ShutdownableDriver>;
          if (typeof driver.shutdown === 'function') core.withoutCore(() => driver.shutdown?.());
          return this.enter(ShutdownPhase.BlockingPool);
        }
        case ShutdownPhase.BlockingPool: {
          this.pool.shutdown();
          if (this.pool.isDrained()) return this.enter(ShutdownPhase.Done);
          const next = this.pool.nextEventAt();
          if (next === Infinity) return this.enter(ShutdownPhase.Done);
          if (next > core.world.realNow) this.real.advanceTo(next);
          const a = this.pool.runNext();
          return { kind: 'shutdown', phase: 'blocking_pool', task: a === null ? 0 : a.task };
        }
        default:
          return { kind: 'idle' };
      }
    }
  }

  private enter(phase: Phase): StepResult {
    this.phase = phase;
    this.core.world.trace.emit(EventKind.ShutdownPhase, 0, phase);
    return { kind: 'shutdown', phase: SHUTDOWN_PHASE_NAMES[phase] ?? 'unknown', task: 0 };
  }

  private did(task: number): StepResult {
    return { kind: 'shutdown', phase: SHUTDOWN_PHASE_NAMES[this.phase] ?? 'unknown', task };
  }
}
