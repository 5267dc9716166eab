//! One connection, echoed until the client closes its side.[^-]
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 1024];
        let mut total = 0;
        loop {
            let n = socket.read(&mut buf).await.unwrap(); // waits until bytes or EOF arrive[^read-waits]
            if n == 0 {
                break; // 0 bytes: the client shut down its write half[^read-zero-eof]
            }
            socket.write_all(&buf[..n]).await.unwrap(); // every one of the n bytes[^write-all]
            total += n;
        }
        println!("server: read returned 0 after {total} bytes; dropping the socket");
    });
    let mut client = TcpStream::connect(addr).await.unwrap();
    for word in ["ping", "hello, echo"] {
        client.write_all(word.as_bytes()).await.unwrap();
        let mut back = vec![0u8; word.len()];
        client.read_exact(&mut back).await.unwrap();
        println!("client: sent {word:?}, got {:?} back", String::from_utf8_lossy(&back));
    }
    client.shutdown().await.unwrap(); // closes our write half: the server reads EOF[^shutdown-fin]
    let mut rest = Vec::new();
    let n = client.read_to_end(&mut rest).await.unwrap();
    println!("client: read_to_end got {n} more bytes: the server closed too");
    server.await.unwrap();
}
