/**
 * The checker's side of the echo-server challenge: the learner writes
 * `async fn serve(listener: TcpListener, limit: usize, token: CancellationToken)` and a `main`;
 * the checker keeps everything before `#[tokio::main]` byte for byte (so line numbers in its report
 * match the editor) and puts its own clients and `main` in place of the rest. The clients are
 * tasks of the same program on 127.0.0.1, as in a real test of a server, and print what they see;
 * the checker judges those lines (echo-trace.ts). Plain Rust: the same program runs under real
 * Tokio (tools/tokio148-net), and did, for the lesson's plan.
 */
import type { Prepared } from '../checker.ts';
import { CLIENT_KINDS, ECHO_SPEC } from './plan.ts';
import type { EchoPlan, EchoSpec } from './plan.ts';

const MAIN = /^[ \t]*#\[tokio::main\b/m;
const SERVE = /\basync\s+fn\s+serve\s*\(/;

/** The Rust literal of the clients, e.g. `&[(0, 0, 4), (3, 6, 3)]`: (kind, start ms, chunks). */
export function formatClients(plan: EchoPlan): string {
  return `&[${plan.clients.map((c) => `(${CLIENT_KINDS.indexOf(c.kind)}, ${c.startMs}, ${c.chunks})`).join(', ')}]`;
}

export function harnessSource(plan: EchoPlan, spec: EchoSpec = ECHO_SPEC): string {
  const table = formatClients(plan);
  const limit = plan.limit;
  const giveUp = spec.clientDeadlineMs;
  const shutdown = spec.shutdownBudgetMs;
  return `// ---- The checker's clients (Task Lab appends this in place of your main) ----
/// (kind, start ms, chunks): 0 chatty, 1 many lines, 2 slow reader, 3 resets, 4 stays idle.
const CHECK_CLIENTS: &[(u8, u64, usize)] = ${table};
const CHECK_LIMIT: usize = ${limit};
const CHECK_GIVE_UP_MS: u64 = ${giveUp};
const CHECK_SHUTDOWN_MS: u64 = ${shutdown};

async fn check_read_until(s: &mut tokio::net::TcpStream, got: &mut Vec<u8>, want: usize, chunk: usize) -> bool {
    use tokio::io::AsyncReadExt as _;
    let mut buf = vec![0u8; chunk];
    while got.len() < want {
        match s.read(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
        if chunk < 512 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    }
    true
}

async fn check_client(id: usize, kind: u8, chunks: usize, addr: std::net::SocketAddr) -> String {
    use tokio::io::AsyncWriteExt as _;
    let Ok(mut s) = tokio::net::TcpStream::connect(addr).await else { return format!("could not connect") };
    let (mut sent, mut got) = (Vec::new(), Vec::new());
    for k in 1..=chunks {
        let line = format!("{id}.{k} {}\\n", "ab".repeat((id * 7 + k * 13) % 40));
        let line = if kind == 2 && k > 1 { line.repeat(12) } else { line };
        println!("check: client {id} sends {k}");
        if s.write_all(line.as_bytes()).await.is_err() {
            return format!("write failed after {} bytes", sent.len());
        }
        sent.extend_from_slice(line.as_bytes());
        let interactive = kind == 0 || k == 1 || (kind == 3 && k < chunks);
        if interactive {
            if !check_read_until(&mut s, &mut got, sent.len(), 512).await {
                return format!("connection closed with {} of {} bytes echoed", got.len(), sent.len());
            }
            println!("check: client {id} got {k}");
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
    }
    if kind == 3 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        println!("check: client {id} resets");
        return format!("reset");
    }
    if kind == 4 {
        check_read_until(&mut s, &mut got, sent.len() + 1, 512).await;
        return format!("closed by the server");
    }
    let _ = s.shutdown().await;
    let chunk = if kind == 2 { 64 } else { 512 };
    check_read_until(&mut s, &mut got, sent.len() + 1, chunk).await;
    match got.iter().zip(sent.iter()).position(|(a, b)| a != b) {
        Some(i) => format!("echo differs at byte {i}"),
        None if got.len() == sent.len() => format!("echoed all {} bytes", sent.len()),
        None => format!("got {} of {} bytes back", got.len(), sent.len()),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let token = tokio_util::sync::CancellationToken::new();
    let server_token = token.clone();
    let mut server = tokio::spawn(async move {
        println!("check: serve starts");
        serve(listener, CHECK_LIMIT, server_token).await;
    });
    let (mut busy, mut idle) = (Vec::new(), Vec::new());
    for (i, &(kind, start, chunks)) in CHECK_CLIENTS.iter().enumerate() {
        let client = tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(start)).await;
            // An idle client waits for the shutdown, which comes after the others are done.
            let give_up = if kind == 4 { 2 * CHECK_GIVE_UP_MS } else { CHECK_GIVE_UP_MS };
            let limit = std::time::Duration::from_millis(give_up);
            let verdict = match tokio::time::timeout(limit, check_client(i + 1, kind, chunks, addr)).await {
                Ok(v) => v,
                Err(_) => format!("gave up after {}ms", give_up),
            };
            println!("check: client {} {}", i + 1, verdict);
        });
        if kind == 4 { idle.push(client) } else { busy.push(client) }
    }
    for c in busy {
        let _ = c.await;
    }
    println!("check: cancel");
    token.cancel();
    let wait = std::time::Duration::from_millis(CHECK_SHUTDOWN_MS);
    match tokio::time::timeout(wait, &mut server).await {
        Ok(_) => println!("check: serve returned"),
        Err(_) => println!("check: serve still running {}ms after cancel", CHECK_SHUTDOWN_MS),
    }
    for c in idle {
        if tokio::time::timeout(wait, c).await.is_err() {
            println!("check: an idle client was still connected {}ms after cancel", CHECK_SHUTDOWN_MS);
        }
    }
    server.abort();
}
`;
}

/** The program the checker runs: the learner's code up to `#[tokio::main]`, then the harness. */
export function injectHarness(source: string, plan: EchoPlan, spec: EchoSpec = ECHO_SPEC): Prepared {
  const main = MAIN.exec(source);
  if (main === null) {
    return {
      ok: false,
      message:
        'The checker replaces your `#[tokio::main]` function (and everything after it) with its own clients, ' +
        'and this program has none. Put a main back at the end of the file (Reset restores the starter).',
    };
  }
  const kept = source.slice(0, main.index);
  if (!SERVE.test(kept)) {
    return {
      ok: false,
      message:
        'The checker calls `serve(listener, limit, token)`, and no `async fn serve(listener: TcpListener, ' +
        'limit: usize, token: CancellationToken)` comes before `#[tokio::main]`.',
    };
  }
  return { ok: true, source: kept + harnessSource(plan, spec), line: kept.split('\n').length };
}
