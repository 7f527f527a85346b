#!/usr/bin/env bash
# Builds the same inputs with two binaries and diffs the sites byte for byte (`.fidelis-cache` aside):
# the check behind every speed change ("sites byte-identical").
#   scripts/same-site.sh OLD_BINARY [NEW_BINARY]      # small sets (seconds)
#   LARGE=1 scripts/same-site.sh OLD_BINARY           # also bench-data's 1 M × 12 snapshots and 500 k ledger
#   IGNORE=style.css scripts/same-site.sh OLD_BINARY  # leave out files of that name too (changed on purpose)
#   CLOSE=1 scripts/same-site.sh OLD_BINARY           # sets that differ must still agree to the last printed
#                                                     # digit of their numbers (scripts/close-site.py: for
#                                                     # changes to the lifetime-model fits)
# Small sets: the shipped examples and ledger, a `;` / decimal-comma / CRLF / BOM set, a 20 k-customer
# set with ids out of order and no vip column, and a "messy" copy of the examples whose rows mix every
# accepted spelling (quoted ids, padded numbers, yes/no, `5.` amounts, quoted tiers, blank lines).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
new=${2:-.build/release/fidelis-report}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work/in"

if [ ! -d "$work/in/semi" ]; then
  "$new" sample --semicolon --customers 3000 --months 6 --seed 7 --out "$work/in/semi" --quiet
  "$new" sample --customers 20000 --months 4 --seed 11 --out "$work/in/rand-src" --quiet
  mkdir -p "$work/in/rand" "$work/in/messy"
  python3 - "$work/in" <<'EOF'
import csv, os, random, sys
root = sys.argv[1]
# Ids not in interning order, and no vip column.
for name in sorted(os.listdir(f"{root}/rand-src")):
    with open(f"{root}/rand-src/{name}", newline="") as f:
        rows = list(csv.reader(f))
    vip = rows[0].index("vip")
    out = [r[:vip] + r[vip + 1:] for r in rows]
    for r in out[1:]:
        r[0] = "K" + r[0][1:][::-1]
    random.Random(name).shuffle(out[1:])
    with open(f"{root}/rand/{name}", "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
# Every accepted spelling, mixed row by row.
src = "Examples/snapshots"
for name in sorted(os.listdir(src)):
    if not name.endswith(".csv"):
        continue
    with open(f"{src}/{name}", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    rnd = random.Random(name)
    lines = [",".join(head)]
    for r in rows[1:]:
        cells = []
        for col, v in zip(head, r):
            k = rnd.random()
            if col == "customer_id" and k < 0.1:
                v = '"' + v + '"'
            elif col in ("orders", "nps", "csat", "ces") and v and k < 0.1:
                v = " " + v + " "
            elif col in ("vip", "public_complaint") and k < 0.2:
                v = {"true": rnd.choice(["TRUE", "yes", "Oui", "1", " true"]), "false": rnd.choice(["FALSE", "no", "Non", "0", "false "])}.get(v, v)
            elif col in ("revenue", "points_balance") and v.endswith(".00") and k < 0.2:
                v = v[:-2]
            elif col == "revenue" and k < 0.05:
                v = "+" + v
            elif col == "tier" and v and k < 0.2:
                v = '"' + v + '"'
            elif col == "feedback" and v and k < 0.3:
                v = '"' + v.replace('"', '""') + ' ""ok"""'
            elif col.endswith("_date") and v and k < 0.05:
                v = " " + v
            if ("," in v or "\n" in v) and not v.startswith('"'):
                v = '"' + v.replace('"', '""') + '"'
            cells.append(v)
        lines.append(",".join(cells))
        if rnd.random() < 0.01:
            lines.append("")
    with open(f"{root}/messy/{name}", "w", newline="") as f:
        f.write("\n".join(lines))   # and no line end after the last row
EOF
fi

sets=("ex:--snapshots Examples/snapshots" "ledger:--transactions Examples/ledger/transactions.csv"
      "semi:--snapshots $work/in/semi" "rand:--snapshots $work/in/rand" "messy:--snapshots $work/in/messy")
if [ -n "${LARGE:-}" ]; then
  sets+=("big:--snapshots bench-data/snapshots-1000000" "bigledger:--transactions bench-data/ledger-500000-51m/transactions.csv")
fi
status=0
for entry in "${sets[@]}"; do
  name=${entry%%:*} args=${entry#*:}
  rm -rf "$work/old-$name" "$work/new-$name"
  # shellcheck disable=SC2086
  "$old" build $args --out "$work/old-$name" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$new" build $args --out "$work/new-$name" >/dev/null 2>&1
  if diff -r -q -x .fidelis-cache ${IGNORE:+-x "$IGNORE"} "$work/old-$name" "$work/new-$name" >/dev/null; then
    echo "same: $name ($(find "$work/new-$name" -type f | wc -l) files)"
  elif [ -n "${CLOSE:-}" ] && python3 scripts/close-site.py "$work/old-$name" "$work/new-$name" --show 3 >"$work/close-$name.txt"; then
    echo "close: $name ($(tail -1 "$work/close-$name.txt"))"
  else
    echo "DIFFERENT: $name"
    [ -z "${CLOSE:-}" ] || head -5 "$work/close-$name.txt"
    diff -r -q -x .fidelis-cache ${IGNORE:+-x "$IGNORE"} "$work/old-$name" "$work/new-$name" | head -5 || true
    status=1
  fi
done
exit $status
