/** Task names from the syntax of spawn calls, as they reach the trace's `task.spawned` events. */
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../syntax/index.ts';
import { runRust } from '../test-support.ts';
import { spawnNames } from './spawn-names.ts';

const HEAD = `use tokio::time::{sleep, Duration};
async fn fetch(id: u32) -> u32 {
    sleep(Duration::from_millis(id as u64)).await;
    id
}
fn crunch(n: u64) -> u64 { n * 2 }
`;

/** `line → name` for each named spawn call of `body` (a program around it). */
function namesByLine(body: string): Record<number, string> {
  const src = `${HEAD}#[tokio::main]\nasync fn main() {\n${body}\n}\n`;
  const p = parseProgram(src, 'src/main.rs');
  if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
  const out: Record<number, string> = {};
  for (const [call, name] of spawnNames(p.program)) out[call.span.line - HEAD.split('\n').length - 1] = name;
  return out;
}

/** The names of the spawned tasks in spawn order (undefined: unnamed). */
function spawnedNames(src: string): (string | undefined)[] {
  const r = runRust(src);
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return [...r.world.trace.events()].flatMap((e) => (e.type === 'task.spawned' ? [e.name] : []));
}

describe('spawnNames (syntax)', () => {
  it('takes the let binding of the handle first, through unwrap and ?', () => {
    expect(
      namesByLine(`let worker_a = tokio::spawn(fetch(1));
let h: tokio::task::JoinHandle<u32> = tokio::spawn(async move { fetch(2).await });
let b = tokio::task::Builder::new().spawn(fetch(3)).unwrap();
let mut later;
later = tokio::spawn(fetch(4));`),
    ).toEqual({ 1: 'worker_a', 2: 'h', 3: 'b', 5: 'later' });
  });

  it('else the async fn the task runs, or the one a wrapper wraps', () => {
    expect(
      namesByLine(`tokio::spawn(fetch(1));
set.spawn(tokio::time::timeout(Duration::from_millis(5), fetch(2)));
handles.push(tokio::spawn(fut));`),
    ).toEqual({ 1: 'fetch', 2: 'fetch', 3: 'fut' });
  });

  it('else the first async fn an async block calls, skipping tasks it spawns itself', () => {
    expect(
      namesByLine(`tokio::spawn(async move {
    tokio::spawn(async { 1 });
    println!("{}", crunch(2));
    let v = fetch(3).await;
});
tokio::spawn(async move { 7 });`),
    ).toEqual({ 1: 'fetch' });
  });

  it('names a blocking closure by the first user fn it calls', () => {
    expect(
      namesByLine(`tokio::task::spawn_blocking(move || {
    std::thread::sleep(Duration::from_millis(1));
    crunch(3)
});
tokio::task::spawn_blocking(move || 5);`),
    ).toEqual({ 1: 'crunch' });
  });
});

describe('task names in the trace', () => {
  it('carries binding, async fn, block and Builder names on task.spawned; others stay unnamed', () => {
    const names = spawnedNames(`${HEAD}
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let worker_a = tokio::spawn(fetch(1));
    tokio::spawn(fetch(2));
    let named = tokio::task::Builder::new().name("downloader").spawn(async move { fetch(3).await }).unwrap();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..2 {
        set.spawn(async move { fetch(i).await });
    }
    let job = tokio::task::spawn_blocking(move || crunch(4));
    let anon: Vec<_> = (0..1).map(|i| tokio::spawn(async move { i })).collect();
    worker_a.await.unwrap();
    named.await.unwrap();
    job.await.unwrap();
    for h in anon { h.await.unwrap(); }
    while set.join_next().await.is_some() {}
}
`);
    expect(names).toEqual(['worker_a', 'fetch', 'downloader', 'fetch', 'fetch', 'job', undefined]);
  });

  it('runs Builder::spawn_on and spawn_blocking_on onto a handle, named by Builder::name', () => {
    const r = runRust(`${HEAD}
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let rt = tokio::runtime::Handle::current();
    let a = tokio::task::Builder::new().name("on-handle").spawn_on(fetch(1), &rt).unwrap();
    let b = tokio::task::Builder::new().spawn_blocking_on(move || crunch(21), &rt).unwrap();
    println!("{} {}", a.await.unwrap(), b.await.unwrap());
}
`);
    expect(r.stdout).toBe('1 42\n');
    const names = [...r.world.trace.events()].flatMap((e) => (e.type === 'task.spawned' ? [e.name] : []));
    expect(names).toEqual(['on-handle', 'b']);
  });
});
