#!/usr/bin/env bash
# The floor of reading a ledger on one core, measured with the tool's own code: a throwaway build
# (ledger-floor.patch applied to this checkout's HEAD in a temporary worktree) whose read stops
# early, as FIDELIS_LB says, and exits:
#   1  the lines decoded (every value checked), nothing else: no id looked up, nothing kept
#   2  the lines decoded and their customer ids looked up in the id table
#   3  both, and the lines kept as columns (what the read holds before it sorts them)
#   0  the whole read: `validate --parse-only`, month ends derived
# The four run one after another, on core 0 (`taskset -c 0`), ROUNDS times; the script prints each
# one's median and best wall time and the MB/s they make (the file's bytes / 10^6 / seconds).
#   Benchmarks/bound/ledger-floor.sh [FILE] [ROUNDS]
#   (default bench-data/ledger-500000-51m/transactions.csv, 9 rounds; needs git, taskset, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:-bench-data/ledger-500000-51m/transactions.csv}
rounds=${2:-9}
[ -f "$file" ] || { echo "no $file: run Benchmarks/run.sh first (it makes the data)" >&2; exit 66; }
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"' EXIT
git worktree add --quiet --detach "$tree" HEAD
git -C "$tree" apply "$PWD/Benchmarks/bound/ledger-floor.patch"
echo "building the throwaway release build in $tree (2-3 minutes)" >&2
(cd "$tree" && swift build -c release --product fidelis-report >/dev/null)
cat "$file" >/dev/null
python3 - "$tree/.build/release/fidelis-report" "$file" "$rounds" <<'PY'
import os, statistics, subprocess, sys, time
binary, path, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
megabytes = os.path.getsize(path) / 1e6
modes = [("1", "decode only"), ("2", "decode + id lookups"), ("3", "decode + id lookups + columns"), ("0", "whole read (validate --parse-only)")]
times = {m: [] for m, _ in modes}
for _ in range(rounds):
    for m, _ in modes:
        start = time.perf_counter()
        subprocess.run(["taskset", "-c", "0", binary, "validate", "--parse-only", "--transactions", path],
                       env=dict(os.environ, FIDELIS_LB=m), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[m].append(time.perf_counter() - start)
print(f"{path}: {megabytes:.1f} MB, one core, {rounds} rounds")
print(f"{'step':<38} {'median':>8} {'best':>8} {'MB/s (median)':>14} {'MB/s (best)':>12}")
for m, name in modes:
    median, best = statistics.median(times[m]), min(times[m])
    print(f"{name:<38} {median:>7.3f}s {best:>7.3f}s {megabytes / median:>14.0f} {megabytes / best:>12.0f}")
print(f"500 MB/s would be {megabytes / 500:.3f} s")
PY
