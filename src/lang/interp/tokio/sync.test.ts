/** tokio::sync APIs as Rust values: Notified::enable, owned and many permits, weak senders, SendError.0. */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from '../test-support.ts';

const MAIN = '#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n';

describe('tokio::sync in the interpreter', () => {
  it('an enabled Notified is a registered waiter: notify_one goes to it instead of storing a permit', () => {
    const prog = (enable: boolean) => `use tokio::sync::Notify;
use tokio::time::{timeout, Duration};
${MAIN}    let n = Notify::new();
    let f = n.notified();
    tokio::pin!(f);
    ${enable ? 'println!("enable -> {}", f.as_mut().enable());' : ''}
    n.notify_one();
    let other = timeout(Duration::from_millis(5), n.notified()).await;
    println!("a later waiter got the permit: {}", other.is_ok());
    let first = timeout(Duration::from_millis(5), f).await;
    println!("the first waiter woke: {}", first.is_ok());
}`;
    expect(stdoutOf(prog(true))).toBe(
      'enable -> false\na later waiter got the permit: false\nthe first waiter woke: true\n',
    );
    expect(stdoutOf(prog(false))).toBe('a later waiter got the permit: true\nthe first waiter woke: false\n');
  });

  it('owned and many-permit acquisitions keep their semaphore and release on drop', () => {
    const out = stdoutOf(`use std::sync::Arc;
use tokio::sync::Semaphore;
${MAIN}    let sem = Arc::new(Semaphore::new(5));
    let a = sem.clone().acquire_many_owned(2).await.unwrap();
    let b = sem.clone().acquire_owned().await.unwrap();
    let c = sem.try_acquire_many(2).unwrap();
    println!("{} {} {} left={}", a.num_permits(), b.num_permits(), c.num_permits(), a.semaphore().available_permits());
    println!("owned try: {}", sem.clone().try_acquire_owned().is_err());
    drop(a);
    println!("after drop: {}", b.semaphore().available_permits());
    let d = sem.clone().try_acquire_many_owned(2).unwrap();
    println!("d={} left={}", d.num_permits(), c.semaphore().available_permits());
}`);
    expect(out).toBe('2 1 2 left=0\nowned try: true\nafter drop: 2\nd=2 left=0\n');
  });

  it('a weak sender upgrades only while a strong sender lives; SendError.0 gives the value back', () => {
    const out = stdoutOf(`use tokio::sync::mpsc;
${MAIN}    let (tx, mut rx) = mpsc::channel::<String>(4);
    let weak = tx.downgrade();
    println!("counts {} {} {:?}", tx.strong_count(), tx.weak_count(), weak);
    let tx2 = weak.upgrade().unwrap();
    tx2.send("via upgrade".to_string()).await.unwrap();
    drop(tx2);
    drop(tx);
    println!("upgrade after drop: {}", weak.upgrade().is_some());
    println!("{:?} {:?}", rx.recv().await, rx.recv().await);
    let (tx, rx) = mpsc::unbounded_channel::<u8>();
    drop(rx);
    println!("{:?} back: {}", tx.downgrade().clone(), tx.send(9).map_err(|e| e.0).unwrap_err());
}`);
    expect(out).toBe(
      'counts 1 1 WeakSender\nupgrade after drop: false\nSome("via upgrade") None\nWeakUnboundedSender back: 9\n',
    );
  });
  it('takes the unsent value out of a SendError with a tuple-struct pattern', () => {
    const out = stdoutOf(`use std::sync::mpsc as smpsc;
use tokio::sync::{broadcast, mpsc, watch};
${MAIN}    let (tx, rx) = smpsc::channel::<String>();
    drop(rx);
    if let Err(smpsc::SendError(s)) = tx.send("std".to_string()) { println!("std: {s}"); }
    let (btx, brx) = broadcast::channel::<u8>(4);
    drop(brx);
    match btx.send(3) { Err(broadcast::error::SendError(v)) => println!("broadcast: {v}"), Ok(n) => println!("{n}") }
    let (wtx, wrx) = watch::channel(1u32);
    drop(wrx);
    let watch::error::SendError(w) = wtx.send(9).unwrap_err();
    println!("watch: {w}");
    let (mtx, mrx) = mpsc::unbounded_channel::<Vec<u8>>();
    drop(mrx);
    let mpsc::error::SendError(mut v) = mtx.send(vec![1, 2]).unwrap_err();
    v.push(3);
    println!("mpsc: {v:?}");
}`);
    expect(out).toBe('std: std\nbroadcast: 3\nwatch: 9\nmpsc: [1, 2, 3]\n');
  });
  it('send_timeout gives the value back in Timeout or Closed; recv_many appends up to its limit', () => {
    const out = stdoutOf(`use tokio::sync::mpsc::{self, error::SendTimeoutError};
use tokio::time::Duration;
${MAIN}    let (tx, mut rx) = mpsc::channel::<String>(1);
    tx.send_timeout("a".into(), Duration::from_millis(5)).await.unwrap();
    match tx.send_timeout("b".into(), Duration::from_millis(5)).await {
        Err(SendTimeoutError::Timeout(v)) => println!("timeout, got back {v}"),
        other => println!("{other:?}"),
    }
    let mut buf = Vec::new();
    println!("{} {buf:?}", rx.recv_many(&mut buf, 4).await);
    drop(rx);
    let e = tx.send_timeout("c".into(), Duration::from_millis(5)).await.unwrap_err();
    println!("{e} / {e:?} / {}", e.into_inner());
    let (tx2, mut rx2) = mpsc::unbounded_channel::<u8>();
    for i in 0..3 {
        tx2.send(i).unwrap();
    }
    drop(tx2);
    let mut v = vec![9];
    let (a, b, c) = (rx2.recv_many(&mut v, 2).await, rx2.recv_many(&mut v, 2).await, rx2.recv_many(&mut v, 2).await);
    println!("{a} {b} {c} {v:?}");
}`);
    expect(out).toBe('timeout, got back b\n1 ["a"]\nchannel closed / "Closed(..)" / c\n2 1 0 [9, 0, 1, 2]\n');
  });
});
