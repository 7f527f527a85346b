#!/usr/bin/env bash
# Checks the warehouse recipe: sql/snapshots.sql run on DuckDB over a ledger must give the same
# site, byte for byte, as `fidelis-report build --transactions` on that ledger.
#   sql/check.sh                   # uses .build/debug/fidelis-report (set FIDELIS=path to override)
# DuckDB comes from PyPI (pinned in sql/requirements.txt) into .build-sql-venv/ unless
# `python3 -c 'import duckdb'` already works.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${FIDELIS:-.build/debug/fidelis-report}
[ -x "$bin" ] || swift build
python=python3
if ! "$python" -c 'import duckdb' 2>/dev/null; then
  if [ ! -x .build-sql-venv/bin/python ]; then
    python3 -m venv .build-sql-venv
    .build-sql-venv/bin/pip install --quiet --disable-pip-version-check -r sql/requirements.txt
  fi
  python=.build-sql-venv/bin/python
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The example ledger at three as-of dates, a small one where refunds outweigh purchases (net
# negative revenue, repeat days that net to zero or less, a refund-only customer), and one in the
# dialect DuckDB's sniffer misread (`;` with decimal commas, an id starting with `'`, quoted ids
# holding `;` and `""`, order ids with spaces, empty ones).
for run in Examples/ledger/transactions.csv: Examples/ledger/transactions.csv:2026-06-30 \
           Examples/ledger/transactions.csv:2026-08-17 sql/fixtures/refunds.csv: sql/fixtures/dialect.csv:; do
  ledger=${run%%:*} as_of=${run#*:}
  flag=(); [ -n "$as_of" ] && flag=(--as-of "$as_of")
  rm -rf "$work/snapshots" "$work/from-ledger" "$work/from-sql"
  "$python" sql/duckdb_snapshots.py "$ledger" "$work/snapshots" "${flag[@]}"
  "$bin" build --transactions "$ledger" "${flag[@]}" --out "$work/from-ledger" --quiet
  "$bin" build --snapshots "$work/snapshots" --out "$work/from-sql" --quiet
  # The rebuild cache keys on the input files, and each deliverable's last line names them: both
  # differ by nature; every other line of every page, and every figure, must not.
  if ! diff -r -x .fidelis-cache -I 'Source: ' "$work/from-ledger" "$work/from-sql" >"$work/diff"; then
    head -40 "$work/diff" >&2
    echo "sql/check.sh: sql/snapshots.sql on $ledger (as of ${as_of:-the last ledger date}) does not give the site of --transactions" >&2
    exit 1
  fi
  echo "sql/check.sh: $ledger as of ${as_of:-the last ledger date}: $(ls "$work/snapshots" | wc -l) snapshots, $(find "$work/from-sql" -type f | wc -l) files identical to the --transactions site (their source line aside)"
done
