#!/usr/bin/env bash
# Writes src/lessons/ledger/tokio-fns.txt: every function defined in tokio 1.48.0's and tokio-util
# 0.7.16's sources (`path: fn fn …`, one line per file), from a git mirror of tokio-rs/tokio.
# The claims ledger's src= references are checked against it (src/lessons/ledger/check-ledger.ts).
# usage: scripts/tokio-fn-index.sh TOKIO_GIT_DIR
set -euo pipefail
git --git-dir="$1" grep -n -E '^\s*(pub(\([a-z]+\))? )?(const )?(async )?(unsafe )?fn [a-z_][a-z0-9_]*' tokio-1.48.0 \
  -- 'tokio/src/*.rs' 'tokio-util/src/*.rs' |
  sed -E 's/^tokio-1\.48\.0:([^:]+):[0-9]+:.*fn ([a-z_][a-z0-9_]*).*/\1 \2/' | sort -u |
  awk '$1 != f { if (f) print line; f = $1; line = $1 ":" } { line = line " " $2 } END { print line }' \
  > "$(dirname "$0")/../src/lessons/ledger/tokio-fns.txt"
