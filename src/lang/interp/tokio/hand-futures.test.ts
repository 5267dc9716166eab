/**
 * Hand-written futures on the simulator's trace: a waker clone the future keeps is a `waker`
 * holder of its task; a future that returns Pending without keeping its waker is reported as a
 * lost wake-up, one that keeps it is not.
 */
import { describe, expect, it } from 'vitest';
import { compile, runProgram } from '../../run.ts';
import { diagnose } from '../../../sim/diagnostics/index.ts';
import type { SimEvent } from '../../../sim/events.ts';

function run(source: string): { events: SimEvent[]; stdout: string } {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  const r = runProgram(c.program, { seed: 1 });
  return { events: [...r.world.trace.events()], stdout: r.stdout };
}

const program = (keep: boolean): string => `
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

struct Gate {
    slot: Arc<Mutex<Option<Waker>>>,
    polled: bool,
}

impl Future for Gate {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polled {
            return Poll::Ready(());
        }
        self.polled = true;
        ${keep ? '*self.slot.lock().unwrap() = Some(cx.waker().clone());' : ''}
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let slot = Arc::new(Mutex::new(None));
    let gate = Gate { slot: slot.clone(), polled: false };
    let h = tokio::spawn(gate);
    tokio::task::yield_now().await;
    println!("stored: {}", slot.lock().unwrap().is_some());
    let w = slot.lock().unwrap().take();
    if let Some(w) = w {
        w.wake();
        h.await.unwrap();
        println!("woken and done");
    }
}
`;

const wakerAdds = (events: SimEvent[], task: number): number =>
  events.filter(
    (e) =>
      e.task === task &&
      (e.type === 'task.ref' || e.type === 'task.state') &&
      e.refs.some((r) => r.holder === 'waker' && r.delta === 1),
  ).length;

describe('hand-written futures', () => {
  it('a kept waker clone is a waker holder of the task, and waking it completes the task', () => {
    const { events, stdout } = run(program(true));
    expect(stdout).toBe('stored: true\nwoken and done\n');
    expect(wakerAdds(events, 1)).toBeGreaterThan(0);
    expect(diagnose(events).filter((d) => d.kind === 'lost-wakeup')).toEqual([]);
  });

  it('Pending without keeping the waker is a lost wake-up', () => {
    const { events, stdout } = run(program(false));
    expect(stdout).toBe('stored: false\n');
    expect(wakerAdds(events, 1)).toBe(0);
    expect(diagnose(events)).toContainEqual(expect.objectContaining({ kind: 'lost-wakeup', task: 1 }));
  });
});

const forgetful = (inTimeout: boolean): string => `
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Forgetful;

impl Future for Forgetful {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let h = tokio::spawn(async {
        ${inTimeout ? 'let r = tokio::time::timeout(std::time::Duration::from_millis(40), Forgetful).await;\n        println!("timed out: {}", r.is_err());' : 'Forgetful.await;'}
    });
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    println!("main done, task finished: {}", h.is_finished());
}
`;

describe('a future that forgets its waker', () => {
  it('is a lost wake-up when nothing else holds a waker of its task', () => {
    const { events, stdout } = run(forgetful(false));
    expect(stdout).toBe('main done, task finished: false\n');
    expect(diagnose(events)).toContainEqual(expect.objectContaining({ kind: 'lost-wakeup', task: 1 }));
  });

  it('inside timeout the timer still holds a waker: the task is woken at the deadline, no lost wake-up', () => {
    const { events, stdout } = run(forgetful(true));
    expect(stdout).toBe('timed out: true\nmain done, task finished: true\n');
    expect(diagnose(events).filter((d) => d.kind === 'lost-wakeup')).toEqual([]);
  });
});
