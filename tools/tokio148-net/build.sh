#!/usr/bin/env bash
# Builds single-file programs against real Tokio 1.48.0 WITH its I/O driver: features net,
# io-util, signal (tokio 1.48.0, tokio-util 0.7.16, tokio-macros 2.6.0, mio 1.0.4, socket2 0.6.1,
# libc 0.2.177: the releases current when Tokio 1.48 came out), offline, from git mirrors plus
# Debian's packaged crate registry. A recording tool, run by hand (see README.md beside it).
#
# usage: tools/tokio148-net/build.sh MIRROR_ROOT WORK_DIR [PROG.rs | DIR ...]
#   MIRROR_ROOT holds OWNER+NAME/repo git mirrors as the search tool's `fetch` lays them out:
#   tokio-rs/tokio, taiki-e/pin-project-lite, tokio-rs/bytes, dtolnay/{proc-macro2,quote,syn},
#   tokio-rs/mio, rust-lang/socket2, rust-lang/libc.
#   Binaries land in WORK_DIR/ref/target/release/<file stem>.
set -euo pipefail
die() { echo "tokio148-net: $*" >&2; exit 2; }
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
root=$1 work=$2; shift 2
registry=${CARGO_REGISTRY_DIR:-/usr/share/cargo/registry}
[ -d "$registry/futures-util-0.3.21" ] || die "Debian's crates are missing: apt-get install librust-tokio-util-dev"
[ -d "$registry/signal-hook-registry-1.4.0" ] || die "signal-hook-registry is missing from $registry"

mkdir -p "$work"
work=$(cd "$work" && pwd)
src=$work/sources ref=$work/ref

git_of() {
  for d in "$root/$1/repo" "$root/$1"; do
    git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1 && { echo "$d"; return; }
  done
  die "no git mirror of $1 under $root (fetch github:${1/+//} first)"
}
extract() { # name mirror tag
  local name=$1 git; git=$(git_of "$2")
  git --git-dir="$git" rev-parse -q --verify "refs/tags/$3^{commit}" >/dev/null || die "tag $3 not in $git"
  if [ ! -f "$src/$name/.extracted-$3" ]; then
    rm -rf "${src:?}/$name" && mkdir -p "$src"
    git --git-dir="$git" archive --prefix="$name/" "$3" | tar x -C "$src"
    touch "$src/$name/.extracted-$3"
  fi
}
extract tokio tokio-rs+tokio tokio-1.48.0
extract pin-project-lite taiki-e+pin-project-lite v0.2.16
extract bytes tokio-rs+bytes v1.10.1
extract proc-macro2 dtolnay+proc-macro2 1.0.101
extract quote dtolnay+quote 1.0.41
extract syn dtolnay+syn 2.0.106
extract mio tokio-rs+mio v1.0.4
extract socket2 rust-lang+socket2 v0.6.1
extract libc rust-lang+libc 0.2.177

# Cargo resolves every target's dependencies, so the Windows and WASI crates that mio, socket2 and
# tokio name must exist; on Linux they are never compiled, so empty crates with the same features do.
stub() { # dir name version features...
  local dir=$src/stubs/$1 name=$2 version=$3; shift 3
  mkdir -p "$dir/src"
  { printf '[package]\nname = "%s"\nversion = "%s"\nedition = "2021"\n\n[features]\n' "$name" "$version"
    for f in "$@"; do printf '%s = []\n' "$f"; done; } > "$dir/Cargo.toml"
  : > "$dir/src/lib.rs"
}
win_features=(Wdk_Foundation Wdk_Storage_FileSystem Wdk_System_IO Win32_Foundation Win32_Networking_WinSock
  Win32_Storage_FileSystem Win32_System_IO Win32_System_WindowsProgramming Win32_System_Threading
  Win32_Security Win32_System_Pipes Win32_System_SystemServices Win32_System_Console default)
stub windows-sys-059 windows-sys 0.59.0 "${win_features[@]}"
stub windows-sys-060 windows-sys 0.60.2 "${win_features[@]}"
stub windows-sys-061 windows-sys 0.61.2 "${win_features[@]}"
stub wasi wasi 0.11.1 default std

mkdir -p "$ref/src/bin" "$ref/.cargo"
cat > "$ref/Cargo.toml" <<TOML
[package]
name = "tokio148-net-ref"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
tokio = { version = "=1.48.0", features = ["rt", "rt-multi-thread", "time", "sync", "macros", "test-util", "net", "io-util", "signal"] }
tokio-util = { version = "=0.7.16", features = ["rt"] }

[patch.crates-io]
tokio = { path = "../sources/tokio/tokio" }
tokio-macros = { path = "../sources/tokio/tokio-macros" }
tokio-util = { path = "../sources/tokio/tokio-util" }
pin-project-lite = { path = "../sources/pin-project-lite" }
bytes = { path = "../sources/bytes" }
proc-macro2 = { path = "../sources/proc-macro2" }
quote = { path = "../sources/quote" }
syn = { path = "../sources/syn" }
mio = { path = "../sources/mio" }
socket2 = { path = "../sources/socket2" }
libc = { path = "../sources/libc" }
wasi = { path = "../sources/stubs/wasi" }
windows-sys-059 = { path = "../sources/stubs/windows-sys-059", package = "windows-sys" }
windows-sys-060 = { path = "../sources/stubs/windows-sys-060", package = "windows-sys" }
windows-sys-061 = { path = "../sources/stubs/windows-sys-061", package = "windows-sys" }

[profile.release]
debug = false
# `cargo run` builds with overflow checks, and so does the simulator: keep the same semantics
overflow-checks = true
TOML
cat > "$ref/.cargo/config.toml" <<TOML
[source.crates-io]
replace-with = "local-registry-dir"

[source.local-registry-dir]
directory = "$registry"

[net]
offline = true
TOML

for p in "$@"; do
  if [ -d "$p" ]; then for f in "$p"/*.rs; do [ -e "$f" ] && cp "$f" "$ref/src/bin/"; done
  else cp "$p" "$ref/src/bin/"; fi
done
if ! ls "$ref/src/bin/"*.rs >/dev/null 2>&1; then
  cat > "$ref/src/bin/smoke.rs" <<'RS'
use tokio::io::{AsyncReadExt, AsyncWriteExt};
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let client = tokio::spawn(async move {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(b"ping").await.unwrap();
    });
    let (mut sock, _) = listener.accept().await.unwrap();
    let mut buf = String::new();
    sock.read_to_string(&mut buf).await.unwrap();
    client.await.unwrap();
    println!("tokio 1.48 net ok: {buf}");
}
RS
fi
[ -f "$ref/src/main.rs" ] || printf 'fn main() {}\n' > "$ref/src/main.rs"
cd "$ref"
cargo build --offline --release --bins
echo "built: $ref/target/release/ (tokio 1.48.0 with net, io-util, signal)"
