#!/usr/bin/env bash
# Checks fidelis-report against a second, independent implementation of the spec: indep.py, written
# from ../shared/spec alone by someone who had not read the sources, tests or check-spec.py. Both run
# on the cases of cases.json (sample sets, hand-made edge cases, every error rule of input.md) and
# every figure of metrics.json and segments.csv (the model's p_alive and predicted_clv aside) and
# every error location is compared. The cases where the two readings differ on purpose are listed,
# with their count of differing figures, in compare.py (EXPECTED_DIFFERENCES; see README.md).
#   scripts/indep/run.sh [FIDELIS_BIN]     (default .build/release/fidelis-report; about 20 s)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-.build/release/fidelis-report}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FIDELIS_BIN=$bin INDEP_WORK=$work
mkdir -p "$work/inputs"
"$bin" sample --out "$work/inputs/s42" --customers 2000 --months 14 --seed 42 --quiet
"$bin" sample --out "$work/inputs/s7" --customers 2000 --months 14 --seed 7 --quiet
"$bin" sample --out "$work/inputs/s123semi" --customers 1500 --months 14 --seed 123 --semicolon --quiet
"$bin" sample --out "$work/inputs/s99long" --customers 1000 --months 26 --seed 99 --quiet
"$bin" sample --out "$work/inputs/l42" --customers 800 --months 14 --seed 42 --ledger --quiet
"$bin" sample --out "$work/inputs/l7semi" --customers 500 --months 14 --seed 7 --ledger --semicolon --quiet
python3 "$here/make_inputs.py" >/dev/null
shift $(( $# > 0 ? 1 : 0 )); python3 "$here/compare.py" "$@"
