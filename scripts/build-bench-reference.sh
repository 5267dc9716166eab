#!/usr/bin/env bash
# Builds the benchmark programs (src/cli/bench-programs) against real Tokio 1.48 for
# `npm run bench -- --against OUT/ref/target/release`. A recording tool, run by hand: it needs
# the course's tokio148 build tool and the fetched mirrors (see that tool's README).
# usage: scripts/build-bench-reference.sh MIRROR_ROOT OUT_DIR [TOKIO148_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mirrors=${1:?mirror root}
out=${2:?work dir outside this checkout}
tool=${3:-$here/../shared/tools/tokio148}
"$tool/from-mirrors.sh" "$mirrors" "$out" "$here"/src/cli/bench-programs/*.rs
echo "now: npm run bench -- --against $out/ref/target/release"
