//! The task hierarchy: an accept loop owns a JoinSet; each connection gets a child token; shutdown drains.[^hierarchy]
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
async fn handle_connection(id: u32, mut socket: TcpStream, token: CancellationToken) -> u32 {
    socket.write_all(format!("welcome, conn {id}\n").as_bytes()).await.unwrap();
    let mut buf = [0u8; 64];
    tokio::select! {
        _ = token.cancelled() => {
            let _ = socket.write_all(b"server shutting down\n").await;
            println!("conn {id}: cancelled");
        }
        _ = socket.read(&mut buf) => println!("conn {id}: client said its piece and left"),
    }
    id
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
                Ok(id) => println!("server: conn {id} finished"),
                Err(e) => println!("server: a connection failed: {e}"),
            },
        }
    }
    println!("server: draining {} connection tasks", set.len());
    set.shutdown().await;
    println!("server: every connection task is gone");
}
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let token = CancellationToken::new();
    let server = tokio::spawn(run_server(listener, token.clone()));
    let mut clients = Vec::new(); // scripted clients: connect, wait for the welcome line
    for _ in 0..3 {
        let mut c = BufReader::new(TcpStream::connect(addr).await.unwrap());
        c.read_line(&mut String::new()).await.unwrap();
        clients.push(c);
    }
    clients.remove(0).write_all(b"bye").await.unwrap(); // conn 1 leaves on its own
    tokio::select! {
        _ = tokio::signal::ctrl_c() => println!("main: Ctrl-C, shutdown requested"),
        _ = tokio::time::sleep(std::time::Duration::from_millis(50)) => println!("main: shutdown requested"),
    }
    token.cancel();
    server.await.unwrap();
    println!("main: server stopped cleanly");
}
