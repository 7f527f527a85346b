"""Shared by figures_duckdb.py and figures_pandas.py: the contract constants and the output format.

Only small things live here (segment ids, file-name periods, metrics.json layout); every figure is
computed by the engine under test.
"""
import argparse
import calendar
import datetime as dt
import json
import os
import re
import sys

ACTIVITY_WINDOW_DAYS = 90
SEGMENTS = ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"]
MIGRATION_FROM = SEGMENTS + ["new"]
MIGRATION_TO = SEGMENTS + ["gone"]
KPIS = ["retention_rate", "churn_rate", "ltv", "ltv_growth_yoy", "nps", "csat",
        "csat_satisfied_share", "ces", "repeat_purchase_rate"]
MONEY_SCALE = 10_000  # fidelis keeps money as integer units of 1/10 000

_NAME = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?\.csv$", re.IGNORECASE)


def snapshot_files(folder):
    """[(label, as_of, path)] in as-of order, as input.md names them (YYYY-MM.csv = month end)."""
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".csv"):
            continue
        m = _NAME.match(name)
        if not m:
            sys.exit(f"{name}: not a snapshot file name (YYYY-MM.csv or YYYY-MM-DD.csv)")
        y, mo, d = int(m[1]), int(m[2]), m[3]
        as_of = dt.date(y, mo, int(d)) if d else dt.date(y, mo, calendar.monthrange(y, mo)[1])
        out.append((name[:-4], as_of, os.path.join(folder, name)))
    out.sort(key=lambda t: t[1])
    return out


def csv_header(path):
    """Lower-cased, trimmed header names of a CSV file."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [h.strip().lower() for h in f.readline().rstrip("\r\n").split(",")]


def ledger_label(as_of):
    """Label of a derived snapshot: YYYY-MM at a month end, YYYY-MM-DD otherwise."""
    last = calendar.monthrange(as_of.year, as_of.month)[1]
    return as_of.strftime("%Y-%m") if as_of.day == last else as_of.isoformat()


def month_label(month_index):
    """month_index = year * 12 + month - 1."""
    return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"


def ratio(a, b):
    return None if not b else a / b


def write_metrics(out_dir, period, doc):
    folder = os.path.join(out_dir, period)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "metrics.json"), "w") as f:
        json.dump(doc, f, indent=1)
    return folder


def metrics_doc(period, as_of, counts, revenue_total, revenue_period, kpis, thresholds, rf_grid,
                segments, migration, cohorts):
    """The metrics.json subset the benchmark checks. Money arguments are floats in currency units."""
    return {
        "period": period,
        "as_of": as_of.isoformat(),
        "counts": counts,
        "revenue": {"total": revenue_total, "period": revenue_period},
        "kpis": {k: kpis.get(k) for k in KPIS},
        "rfm": {"thresholds": thresholds, "rf_grid": rf_grid},
        "segments": segments,
        "migration": migration,
        "cohorts": cohorts,
    }


def engine_arguments(description, timings=False):
    """The command line both engines share: --snapshots DIR | --transactions FILE [--as-of] --out DIR."""
    ap = argparse.ArgumentParser(description=description)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--snapshots")
    src.add_argument("--transactions")
    ap.add_argument("--as-of")
    ap.add_argument("--out", required=True)
    if timings:
        ap.add_argument("--timings", action="store_true", help="print stage times to stderr")
    return ap.parse_args()
