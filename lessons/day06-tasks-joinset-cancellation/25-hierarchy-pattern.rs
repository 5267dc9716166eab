//! The task hierarchy: an accept loop owns a JoinSet; each connection gets a child token; shutdown drains.[^hierarchy]
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio::time::{sleep, Duration};
use tokio_util::sync::CancellationToken;

async fn handle_connection(id: u32, mut socket: TcpStream, token: CancellationToken) -> (u32, usize) {
    socket.write_all(format!("welcome, conn {id}\n").as_bytes()).await.unwrap();
    let mut buf = [0u8; 64];
    let mut received = 0;
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            n = socket.read(&mut buf) => match n {
                Ok(0) | Err(_) => {
                    println!("conn {id}: client closed ({received} bytes)");
                    return (id, received);
                }
                Ok(n) => received += n,
            },
        }
    }
    let _ = socket.write_all(b"server shutting down\n").await;
    println!("conn {id}: cancelled ({received} bytes)");
    (id, received)
}

async fn run_server(listener: TcpListener, token: CancellationToken) {
    let mut set = JoinSet::new();
    let mut next_id = 1;
    loop {
        tokio::select! {
            biased;
            _ = token.cancelled() => break,
            Ok((socket, _)) = listener.accept() => {
                println!("server: accepted conn {next_id}");
                set.spawn(handle_connection(next_id, socket, token.child_token()));
                next_id += 1;
            }
            Some(joined) = set.join_next() => match joined { // both arms: no JoinError goes unseen[^joinset-results]
                Ok((id, bytes)) => println!("server: conn {id} finished ({bytes} bytes)"),
                Err(e) => println!("server: a connection failed: {e}"),
            },
        }
    }
    println!("server: draining {} connection tasks", set.len());
    set.shutdown().await;
    println!("server: every connection task is gone");
}

/// A scripted client: connect and wait for the server's welcome line.
async fn client(addr: std::net::SocketAddr) -> BufReader<TcpStream> {
    let mut conn = BufReader::new(TcpStream::connect(addr).await.unwrap());
    let mut welcome = String::new();
    conn.read_line(&mut welcome).await.unwrap();
    conn
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let token = CancellationToken::new();
    let server = tokio::spawn(run_server(listener, token.clone()));

    let mut first = client(addr).await;
    first.write_all(b"hello").await.unwrap();
    drop(first); // conn 1 leaves on its own
    let mut staying = vec![client(addr).await, client(addr).await];
    sleep(Duration::from_millis(50)).await;

    println!("main: shutdown requested");
    token.cancel();
    server.await.unwrap();
    println!("main: server stopped cleanly");
    for conn in &mut staying {
        let mut last = String::new();
        conn.read_line(&mut last).await.unwrap();
        print!("a staying client heard: {last}");
    }
}
