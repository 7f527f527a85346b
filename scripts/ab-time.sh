#!/usr/bin/env bash
# Times two fidelis-report binaries in alternation on the same command, to compare them on a noisy
# machine (each pair of runs sees about the same load). Prints per binary the wall and user times of
# every run, and the last peak memory.
#   scripts/ab-time.sh OLD_BIN NEW_BIN RUNS build --transactions bench-data/ledger-500000-51m/transactions.csv
# The command gets `--out` (a fresh temporary folder per run) and `--quiet` appended.
set -euo pipefail
old=$1 new=$2 runs=$3
shift 3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$runs"); do
  for bin in "$old" "$new"; do
    rm -rf "$out/site"
    /usr/bin/time -f "$bin %e %U %M" "$bin" "$@" --out "$out/site" --quiet 2>&1 >/dev/null | tail -1
  done
done | awk '{ w[$1] = w[$1] " " $2; u[$1] = u[$1] " " $3; m[$1] = $4 }
  END { for (b in w) printf "%s\n  wall (s):%s\n  user (s):%s\n  peak: %.0f MB\n", b, w[b], u[b], m[b] / 1024 }'
