/** Saved locals of suspended tasks: what rustc's generator state holds at each `.await`. */
import { describe, expect, it } from 'vitest';
import { compile, startProgram } from '../run.ts';
import type { SavedFrame } from './saved-locals.ts';
import { debugCapped, VALUE_CAP } from './saved-locals.ts';
import { RVec } from './values.ts';

/** Every snapshot of `task`'s saved locals, one per step in which it suspended. */
function snapshots(source: string, task: number): SavedFrame[][] {
  const c = compile(source, 'src/main.rs');
  if (!c.ok) throw new Error(JSON.stringify(c.diagnostics));
  const run = startProgram(c.program, { captureLocals: true });
  const out: SavedFrame[][] = [];
  while (run.step()) {
    for (const s of run.suspensions()) if (s.task === task) out.push(run.savedLocals(task) ?? []);
  }
  expect(run.result().exitCode).toBe(0);
  return out;
}

const PROGRAM = `use tokio::time::{sleep, Duration};

#[derive(Debug)]
struct Page { id: u32, title: String }

async fn fetch(id: u32) -> u32 {
    let label = format!("page-{}", id);
    let page = Page { id, title: String::from("home") };
    let gone = vec![1, 2];
    drop(gone);
    sleep(Duration::from_millis(10)).await;
    let after = page.id + 1;
    sleep(Duration::from_millis(10)).await;
    println!("{} {:?} {}", label, page, after);
    id
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let base = 40;
    let h = tokio::spawn(async move {
        let x = 5;
        let r = fetch(3).await;
        r + x + base
    });
    println!("{}", h.await.unwrap());
}
`;

describe('savedLocals', () => {
  it('lists each frame of a suspended task, innermost first, with its state and Debug values', () => {
    const [first, second] = snapshots(PROGRAM, 1);
    expect(first).toEqual([
      {
        state: 'fetch::Suspend0',
        line: 11,
        locals: [
          { name: 'id', value: '3' },
          { name: 'label', value: '"page-3"' },
          { name: 'page', value: 'Page { id: 3, title: "home" }' },
        ],
      },
      {
        state: 'async block@21::Suspend0',
        line: 23,
        locals: [
          { name: 'x', value: '5' },
          { name: 'base', value: '40' },
        ],
      },
    ]);
    // the next `.await` is the body's second state, and keeps the local bound in between
    expect(second?.[0]).toMatchObject({ state: 'fetch::Suspend1', line: 13 });
    expect(second?.[0].locals.map((l) => l.name)).toEqual(['id', 'label', 'page', 'after']);
  });

  it('leaves out locals moved into what the task awaits', () => {
    const frames = snapshots(
      `use tokio::sync::oneshot;
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<String>();
    let h = tokio::spawn(async move {
        let msg = String::from("kept");
        let note = String::from("sent");
        let waiting = rx;
        let got = waiting.await.unwrap();
        println!("{} {} {}", msg, note, got);
    });
    tokio::task::yield_now().await;
    tx.send(String::from("hi")).unwrap();
    h.await.unwrap();
}
`,
      1,
    );
    expect(frames[0]?.[0].locals.map((l) => l.name)).toEqual(['msg', 'note']);
  });

  it("shows handles with Tokio's Debug, and a closure or future by rustc's name for its type", () => {
    const [frames] = snapshots(
      `use tokio::time::{sleep, Duration};
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let h = tokio::spawn(async move {
        let child = tokio::spawn(async { 1 });
        let f = |x: u32| x + 1;
        let later = async { 2 };
        sleep(Duration::from_millis(1)).await;
        f(child.await.unwrap()) + later.await
    });
    println!("{}", h.await.unwrap());
}
`,
      1,
    );
    expect(frames?.[0].locals).toEqual([
      { name: 'child', value: 'JoinHandle { id: Id(2) }' },
      { name: 'f', value: '{closure}' },
      { name: 'later', value: '{async block@7}' },
    ]);
  });

  it('caps a long Debug text with an ellipsis', () => {
    const v = new RVec(Array.from({ length: 500 }, (_, i) => i));
    const s = debugCapped(v);
    expect(s.length).toBe(VALUE_CAP);
    expect(s.startsWith('[0, 1, 2, ')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });
});
