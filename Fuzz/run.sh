#!/usr/bin/env bash
# Builds the libFuzzer targets (-sanitize=fuzzer,address) and runs them on the seed corpus.
#   Fuzz/run.sh                               # every target for RUNS executions (default 5,000,000)
#   RUNS=100000 Fuzz/run.sh                   # a quick pass
#   MAX_TIME=1200 RUNS=-1 Fuzz/run.sh FuzzConfigLoader   # one target for 20 minutes, no run cap
# Targets: FuzzSnapshotCSV (CSV reader), FuzzFieldParsers (number, money, date parsers),
# FuzzConfigLoader (fidelis.yml loader; a SwiftPM package in Fuzz/ because Yams has a C part),
# FuzzMarkdownEscape (customer text escaped for Markdown renders literally; SwiftPM, for libcmark-gfm).
# MAX_TIME caps each target's run in seconds (0 = no cap). Everything is built in .build-fuzz/.
# Crashes are written to Fuzz/artifacts/; add each as a regression test and to the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5000000}
MAX_TIME=${MAX_TIME:-0}
targets=${*:-FuzzSnapshotCSV FuzzFieldParsers FuzzConfigLoader FuzzMarkdownEscape}
out=.build-fuzz
mkdir -p "$out" Fuzz/artifacts
# SampleRandom: the mixing function the ledger digests share with `sample`.
sources=$(ls Sources/ReportModel/Ingest/*.swift Sources/ReportModel/Model/*.swift Sources/ReportModel/Sample/SampleRandom.swift)

build() {
  case $1 in
    FuzzSnapshotCSV|FuzzFieldParsers)
      swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$1" $sources "Fuzz/$1.swift" -o "$out/$1" ;;
    FuzzConfigLoader|FuzzMarkdownEscape)
      # Drop SwiftPM's build plan: it can miss files added to ../Sources since the last build.
      rm -f "$out/spm/release.yaml"
      swift build --package-path Fuzz --scratch-path "$out/spm" -c release --product "$1" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
      cp "$(swift build --package-path Fuzz --scratch-path "$out/spm" -c release --show-bin-path)/$1" "$out/" ;;
    *) echo "unknown target $1" >&2; exit 64 ;;
  esac
}

run() {
  local target=$1 corpus=$2 max_len=$3
  mkdir -p "$out/corpus-$corpus"
  cp -n Fuzz/corpus/"$corpus"/* "$out/corpus-$corpus/" 2>/dev/null || true
  local status=0
  # The full log goes to .build-fuzz/<target>.log; shown: crashes, the final coverage and the stats.
  SWIFT_BACKTRACE=enable=no "$out/$target" -runs="$RUNS" -max_total_time="$MAX_TIME" -max_len="$max_len" \
    -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 "$out/corpus-$corpus" > "$out/$target.log" 2>&1 || status=$?
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|ERROR|Fatal error|invariant|SUMMARY|Test unit written|^Done' "$out/$target.log" || true
  echo "$target: exit $status; corpus-$corpus: $(ls "$out/corpus-$corpus" | wc -l) files; full log $out/$target.log"
  return $status
}

for target in $targets; do
  build "$target"
  case $target in
    FuzzSnapshotCSV) run "$target" csv 4096 ;;
    FuzzFieldParsers) run "$target" fields 64 ;;
    FuzzConfigLoader) run "$target" config 4096 ;;
    FuzzMarkdownEscape) run "$target" markdown 64 ;;
  esac
done
