#!/usr/bin/env bash
# The machine's own bound beside fidelis-report's parse: three C loops that do much less than the
# parser (see bound.c), then `validate --parse-only`, on the same files, three runs each.
#   Benchmarks/bound/run.sh [DIR]      (default bench-data/snapshots-1000000; needs gcc)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-bench-data/snapshots-1000000}
[ -d "$dir" ] || { echo "no $dir: run Benchmarks/run.sh first (it makes the data)" >&2; exit 66; }
swift build -c release --product fidelis-report >/dev/null
bin=$(mktemp -d)/bound
trap 'rm -rf "$(dirname "$bin")"' EXIT
gcc -O3 -march=native -o "$bin" Benchmarks/bound/bound.c
cat "$dir"/*.csv >/dev/null
for loop in lines index split; do for _ in 1 2 3; do "$bin" "$loop" "$dir"/*.csv; done; done
for _ in 1 2 3; do .build/release/fidelis-report validate --parse-only --snapshots "$dir"; done
