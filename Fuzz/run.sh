#!/usr/bin/env bash
# Builds the libFuzzer targets (-sanitize=fuzzer,address) and runs them on the seed corpus.
#   Fuzz/run.sh                 # each target for RUNS executions (default 5,000,000)
#   RUNS=100000 Fuzz/run.sh     # a quick pass
# Crashes are written to Fuzz/artifacts/; add each as a regression test and to the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5000000}
out=.build-fuzz
mkdir -p "$out" Fuzz/artifacts
sources=$(ls Sources/ReportModel/Ingest/*.swift Sources/ReportModel/Model/*.swift)
for target in FuzzSnapshotCSV FuzzFieldParsers; do
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$target" $sources "Fuzz/$target.swift" -o "$out/$target"
done
mkdir -p "$out/corpus-csv" "$out/corpus-fields"
cp -n Fuzz/corpus/csv/* "$out/corpus-csv/" 2>/dev/null || true
cp -n Fuzz/corpus/fields/* "$out/corpus-fields/" 2>/dev/null || true
"$out/FuzzSnapshotCSV" -runs="$RUNS" -max_len=4096 -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 "$out/corpus-csv" 2>&1 | tail -12
"$out/FuzzFieldParsers" -runs="$RUNS" -max_len=64 -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 "$out/corpus-fields" 2>&1 | tail -12
