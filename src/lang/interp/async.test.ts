/**
 * Async semantics on the simulator: when futures' destructors run (drop orders of suspended and
 * never-polled futures were checked with rustc 1.95 and a hand-written executor: the awaited
 * future first, then live locals newest first, then arguments newest first / captures in capture
 * order), select! losers, channels, and ownership through borrows.
 */
import { describe, expect, it } from 'vitest';
import { stdoutOf } from './test-support.ts';

const GUARD = `struct G(&'static str);
impl Drop for G { fn drop(&mut self) { println!("drop {}", self.0); } }
`;
const MAIN = '#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n';

describe('dropping futures', () => {
  it('drops a suspended task: awaited future, locals newest first, then captures in capture order', () => {
    const out = stdoutOf(`${GUARD}
async fn inner(_a: G, _b: G) {
    let _l = G("inner local");
    tokio::time::sleep(tokio::time::Duration::from_secs(10)).await;
}
${MAIN}    let c1 = G("cap1");
    let c2 = G("cap2");
    let c3 = G("cap3");
    let h = tokio::spawn(async move {
        let _x = c2;
        let _l1 = G("local1");
        {
            let _l2 = G("local2");
            inner(G("arg a"), G("arg b")).await;
        }
        drop(c1);
        drop(c3);
    });
    tokio::task::yield_now().await;
    println!("abort");
    h.abort();
    let r = h.await;
    println!("cancelled: {}", r.unwrap_err().is_cancelled());
}
`);
    expect(out).toBe(
      [
        'abort',
        'drop inner local',
        'drop arg b',
        'drop arg a',
        'drop local2',
        'drop local1',
        'drop cap2',
        'drop cap1',
        'drop cap3',
        'cancelled: true',
        '',
      ].join('\n'),
    );
  });

  it('drops a never-polled future’s captures in first-mention order', () => {
    const out = stdoutOf(`${GUARD}${MAIN}    let a = G("a");
    let b = G("b");
    let c = G("c");
    let h = tokio::spawn(async move {
        let _ = &c;
        let _ = &a;
        let _ = &b;
    });
    h.abort();
    let _ = h.await;
    println!("end");
}
`);
    expect(out).toBe('drop c\ndrop a\ndrop b\nend\n');
  });

  it('drops select! losers before the winning handler runs', () => {
    const out = stdoutOf(`${GUARD}
use tokio::time::{sleep, Duration};
async fn slow(g: G) { let _g = g; sleep(Duration::from_millis(50)).await; }
${MAIN}    tokio::select! {
        biased;
        _ = slow(G("loser")) => println!("slow won"),
        _ = sleep(Duration::from_millis(10)) => println!("sleep won"),
    }
    println!("after select");
}
`);
    expect(out).toBe('drop loser\nsleep won\nafter select\n');
  });

  it('keeps a detached task running after its JoinHandle is dropped', () => {
    const out = stdoutOf(`${GUARD}
use tokio::time::{sleep, Duration};
${MAIN}    let h = tokio::spawn(async {
        let _g = G("task local");
        sleep(Duration::from_millis(5)).await;
        println!("task done");
    });
    drop(h);
    sleep(Duration::from_millis(10)).await;
    println!("main done");
}
`);
    expect(out).toBe('task done\ndrop task local\nmain done\n');
  });

  it('drops messages still queued in a channel when it is dropped', () => {
    const out = stdoutOf(`${GUARD}
use tokio::sync::mpsc;
${MAIN}    let (tx, mut rx) = mpsc::channel(4);
    tx.send(G("m1")).await.unwrap();
    tx.send(G("m2")).await.unwrap();
    let first = rx.recv().await.unwrap();
    println!("got {}", first.0);
    drop(first);
    drop(tx);
    drop(rx);
    println!("end");
}
`);
    expect(out).toBe('got m1\ndrop m1\ndrop m2\nend\n');
  });
});

describe('ownership through borrows', () => {
  it('does not drop values reached through references', () => {
    const out = stdoutOf(`${GUARD}
fn show(g: &G) -> &'static str { g.0 }
fn main() {
    let gs = vec![G("a"), G("b")];
    for g in &gs { println!("see {}", show(g)); }
    let r: Result<G, G> = Ok(G("ok"));
    match &r { Ok(g) => println!("ok {}", g.0), Err(g) => println!("err {}", g.0) }
    if let Ok(g) = r { println!("moved {}", g.0); }
    println!("end");
}
`);
    expect(out).toBe('see a\nsee b\nok ok\nmoved ok\ndrop ok\nend\ndrop a\ndrop b\n');
  });

  it('moves a guard into a task and back out through the JoinHandle', () => {
    const out = stdoutOf(`${GUARD}${MAIN}    let g = G("travels");
    let h = tokio::spawn(async move { g });
    let back = h.await.unwrap();
    println!("back {}", back.0);
}
`);
    expect(out).toBe('back travels\ndrop travels\n');
  });

  it('releases a tokio Mutex guard at the end of its scope', () => {
    const out = stdoutOf(`use std::sync::Arc;
use tokio::sync::Mutex;
${MAIN}    let m = Arc::new(Mutex::new(vec![1]));
    {
        let mut g = m.lock().await;
        g.push(2);
        *g = vec![g[0], g[1], 3];
    }
    let g = m.lock().await;
    println!("{:?} {}", *g, Arc::strong_count(&m));
}
`);
    expect(out).toBe('[1, 2, 3] 1\n');
  });

  it('keeps a captured value alive across loop iterations (captures are not block locals)', () => {
    const out = stdoutOf(`use tokio::sync::mpsc;
${MAIN}    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    let consumer = tokio::spawn(async move {
        let mut n = 0;
        while let Some(name) = rx.recv().await {
            n += 1;
            println!("got {}", name);
        }
        println!("loop end {}", n);
    });
    for n in ["a", "b", "c"] { tx.send(n.to_string()).unwrap(); }
    drop(tx);
    consumer.await.unwrap();
}
`);
    expect(out).toBe('got a\ngot b\ngot c\nloop end 3\n');
  });
});
