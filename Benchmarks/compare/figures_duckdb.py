#!/usr/bin/env python3
"""fidelis-report's figures (metrics.md) computed with DuckDB SQL.

    figures_duckdb.py --snapshots DIR --out OUT
    figures_duckdb.py --transactions FILE --out OUT [--as-of YYYY-MM-DD]

Writes OUT/<period>/metrics.json and OUT/<period>/segments.csv for every snapshot (every derived
month end for a ledger). The SQL is in figures.sql (shared) and ledger.sql (kind 2 -> snapshots);
Python only lists the files, runs the SQL and serialises the small per-snapshot results.
The CLV model (BG/NBD, Gamma-Gamma), escalations, feedback routing and loyalty figures are not computed.
"""
import os
import sys
import time
from collections import defaultdict

import duckdb

import common

HERE = os.path.dirname(os.path.abspath(__file__))
SNAPSHOT_TYPES = {"customer_id": "VARCHAR", "first_order_date": "DATE", "last_order_date": "DATE",
                  "orders": "INTEGER", "revenue": "DECIMAL(18,4)", "status": "VARCHAR",
                  "nps": "INTEGER", "csat": "INTEGER", "ces": "INTEGER"}


def sql_file(name):
    with open(os.path.join(HERE, name)) as f:
        return f.read()


def q(text):
    return "'" + text.replace("'", "''") + "'"


def load_snapshots(con, folder):
    files = common.snapshot_files(folder)
    if not files:
        sys.exit(f"{folder}: no snapshot CSV")
    rows = []
    for idx, (label, as_of, path) in enumerate(files):
        rows.append((idx, label, as_of, as_of.year * 12 + as_of.month - 1, "status" in common.csv_header(path)))
    con.execute("CREATE TEMP TABLE periods (idx INTEGER, period VARCHAR, as_of DATE, month_idx INTEGER, has_status BOOLEAN)")
    con.executemany("INSERT INTO periods VALUES (?, ?, ?, ?, ?)", rows)
    present = set().union(*(common.csv_header(p) for _, _, p in files))
    types = ", ".join(f"{q(c)}: {q(t)}" for c, t in SNAPSHOT_TYPES.items() if c in present)
    cols = ", ".join(f"r.{c}" if c in present else f"NULL::{t} AS {c}" for c, t in SNAPSHOT_TYPES.items())
    con.execute(f"""
        CREATE TEMP TABLE snap AS
        SELECT p.idx, {cols}
        FROM read_csv([{", ".join(q(p) for _, _, p in files)}], header = true, union_by_name = true,
                      filename = true, types = {{{types}}}, dateformat = '%Y-%m-%d') r
        JOIN periods p ON p.period = regexp_extract(r.filename, '([^/]*)\\.[cC][sS][vV]$', 1)
    """)


def load_ledger(con, path, as_of):
    header = common.csv_header(path)
    has_order = "order_id" in header
    types = {"customer_id": "VARCHAR", "date": "DATE", "amount": "DECIMAL(18,4)"} | ({"order_id": "VARCHAR"} if has_order else {})
    con.execute(f"""
        CREATE TEMP TABLE ledger AS
        SELECT customer_id, {"order_id" if has_order else "NULL::VARCHAR AS order_id"}, "date", amount
        FROM read_csv({q(path)}, header = true, dateformat = '%Y-%m-%d',
                      types = {{{", ".join(f"{q(c)}: {q(t)}" for c, t in types.items())}}})
    """)
    con.execute("SET VARIABLE cut = " + (f"DATE {q(as_of)}" if as_of else "(SELECT max(\"date\") FROM ledger)"))
    con.execute(sql_file("ledger.sql"))


def write(con, out):
    period_rows = con.execute("SELECT * FROM period_figures ORDER BY idx").fetchall()
    names = [d[0] for d in con.description]
    thresholds = {idx: (r, f, m) for idx, r, f, m in con.execute("SELECT idx, r_t, f_t, m_t FROM thresholds").fetchall()}
    seg = defaultdict(dict)
    for idx, s, n, revenue, recency_sum, frequency_sum in con.execute("SELECT * FROM segment_figures").fetchall():
        seg[idx][s] = (n, revenue, recency_sum, frequency_sum)
    grid = defaultdict(lambda: [[0] * 5 for _ in range(5)])
    for idx, r, f, n in con.execute("SELECT * FROM rf_grid").fetchall():
        grid[idx][r - 1][f - 1] = n
    migration = defaultdict(lambda: {a: {b: 0 for b in common.MIGRATION_TO} for a in common.MIGRATION_FROM})
    for idx, a, b, n in con.execute("SELECT * FROM migration").fetchall():
        migration[idx][a][b] = n
    cohorts = defaultdict(list)
    for idx, cohort, size, retention in con.execute("SELECT * FROM cohorts ORDER BY idx, cohort").fetchall():
        cohorts[idx].append({"cohort": common.month_label(cohort), "size": int(size), "retention": retention})

    for values in period_rows:
        p = dict(zip(names, values))
        idx = p["idx"]
        buyers = p["buyers"]
        per_seg = seg.get(idx, {})
        buyer_revenue = sum(v[1] for v in per_seg.values())
        segments = {}
        for s in common.SEGMENTS:
            n, revenue, recency_sum, frequency_sum = per_seg.get(s, (0, 0, 0, 0))
            segments[s] = {
                "customers": n,
                "share": common.ratio(n, buyers),
                "revenue": float(revenue),
                "revenue_share": common.ratio(float(revenue), float(buyer_revenue)),
                "mean_recency_days": common.ratio(recency_sum, n),
                "mean_frequency": common.ratio(frequency_sum, n),
                "mean_monetary": common.ratio(float(revenue), n),
            }
        t = thresholds.get(idx)
        doc = common.metrics_doc(
            p["period"], p["as_of"],
            counts={k: p[k] for k in ("customers", "buyers", "active", "new_active", "lost", "prospects")},
            revenue_total=float(p["revenue_total"]), revenue_period=float(p["revenue_period"]),
            kpis={k: p[k] for k in common.KPIS},
            thresholds={"recency_days": [-v for v in t[0]] if t else [],
                        "frequency": t[1] if t else [],
                        "monetary": [float(v) for v in t[2]] if t else []},
            rf_grid=grid[idx], segments=segments,
            migration=migration[idx] if idx > 0 else None,
            cohorts=cohorts.get(idx, []))
        folder = common.write_metrics(out, p["period"], doc)
        con.execute(f"""
            COPY (SELECT * EXCLUDE (idx) FROM segment_rows WHERE idx = {idx} ORDER BY customer_id)
            TO {q(os.path.join(folder, "segments.csv"))} (HEADER)
        """)


def main():
    a = common.engine_arguments(__doc__.splitlines()[0], timings=True)
    con = duckdb.connect()
    con.execute(f"SET VARIABLE window_days = {common.ACTIVITY_WINDOW_DAYS}")
    clock = Stopwatch(a.timings)
    if a.snapshots:
        load_snapshots(con, a.snapshots)
        clock.lap("load snapshots")
    else:
        load_ledger(con, a.transactions, a.as_of)
        clock.lap("load ledger + derive snapshots")
    con.execute(sql_file("figures.sql"))
    clock.lap("figures")
    os.makedirs(a.out, exist_ok=True)
    write(con, a.out)
    clock.lap("write")


class Stopwatch:
    def __init__(self, on):
        self.on, self.t = on, time.perf_counter()

    def lap(self, what):
        now = time.perf_counter()
        if self.on:
            print(f"  duckdb {what}: {now - self.t:.2f} s", file=sys.stderr)
        self.t = now


if __name__ == "__main__":
    main()
