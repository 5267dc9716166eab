#!/usr/bin/env bash
# Measures what one live task costs in real Tokio 1.48, the source of TASK_BYTES
# (src/lang/interp/guards.ts): builds scripts/task-memory/live_tasks.rs for 0 and N tasks, runs
# each under /usr/bin/time -v, and prints the peak RSS difference per task. A measuring tool, run
# by hand: it needs the course's tokio148 build tool and the fetched mirrors.
# usage: scripts/measure-task-memory.sh MIRROR_ROOT OUT_DIR [N] [TOKIO148_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mirrors=${1:?mirror root}
out=${2:?work dir outside this checkout}
n=${3:-200000}
tool=${4:-$here/../shared/tools/tokio148}
mkdir -p "$out/src"
for count in 0 "$n"; do
  sed "s/N_TASKS/${count}usize/g" "$here/scripts/task-memory/live_tasks.rs" > "$out/src/live_tasks_$count.rs"
done
"$tool/from-mirrors.sh" "$mirrors" "$out" "$out/src/live_tasks_0.rs" "$out/src/live_tasks_$n.rs" > "$out/build.log" 2>&1
rss() { /usr/bin/time -v "$out/ref/target/release/live_tasks_$1" 2>&1 >/dev/null | awk '/Maximum resident/ { print $6 }'; }
base=$(rss 0)
full=$(rss "$n")
echo "peak RSS: ${base} KiB with no task, ${full} KiB with $n live tasks"
echo "per live task: $(( (full - base) * 1024 / n )) bytes"
