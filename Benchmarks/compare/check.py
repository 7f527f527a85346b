#!/usr/bin/env python3
"""Checks that an engine's figures equal fidelis-report's, snapshot by snapshot.

    check.py FIDELIS_SITE ENGINE_OUT [ENGINE_OUT ...]

For every <period>/ of the fidelis site: metrics.json (counts, revenue, KPI values, RFM thresholds
and R x F grid, per-segment figures, migration, cohort matrix) and segments.csv (every buyer's
recency, frequency, monetary, scores and segment; the p_alive / predicted_clv columns and the clv
fields are fidelis-only and ignored). Integers and money must be equal, other numbers equal to
1e-9 relative, nulls null. Exits 1 with the first differences on any mismatch.
"""
import json
import math
import os
import sys

import numpy as np
import pandas as pd

SEGMENT_KEYS = ["customers", "share", "revenue", "revenue_share", "mean_recency_days", "mean_frequency", "mean_monetary"]
CSV_COLUMNS = ["customer_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Mismatch(Exception):
    pass


def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def compare(path, expected, actual, problems):
    """Structural comparison of JSON values; numbers with same_number."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object, got {actual!r}")
            return
        for k, v in expected.items():
            if k not in actual:
                problems.append(f"{path}.{k}: missing")
            else:
                compare(f"{path}.{k}", v, actual[k], problems)
        for k in actual.keys() - expected.keys():
            problems.append(f"{path}.{k}: not in fidelis output")
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            problems.append(f"{path}: expected {len(expected)} items {expected!r:.200}, got {actual!r:.200}")
            return
        for i, (e, a) in enumerate(zip(expected, actual)):
            compare(f"{path}[{i}]", e, a, problems)
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool) or expected is None:
        if not (isinstance(actual, (int, float)) or actual is None) or not same_number(expected, actual):
            problems.append(f"{path}: fidelis {expected!r}, engine {actual!r}")
    elif expected != actual:
        problems.append(f"{path}: fidelis {expected!r}, engine {actual!r}")


def checked_part(m):
    """The part of a fidelis metrics.json the engines compute."""
    return {
        "period": m["period"],
        "as_of": m["as_of"],
        "counts": m["counts"],
        "revenue": m["revenue"],
        "kpis": {k: v["value"] for k, v in m["kpis"].items()},
        "rfm": {"thresholds": m["rfm"]["thresholds"], "rf_grid": m["rfm"]["rf_grid"]},
        "segments": {s: {k: v[k] for k in SEGMENT_KEYS} for s, v in m["segments"].items()},
        "migration": m["migration"],
        "cohorts": m["cohorts"],
    }


def read_segments(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=CSV_COLUMNS)[CSV_COLUMNS]
    ids = df["customer_id"]
    # fidelis writes ids starting with a formula character with a leading quote (output.md)
    quoted = ids.str.startswith("'") & ids.str[1:2].isin(FORMULA_STARTS)
    df.loc[quoted, "customer_id"] = ids[quoted].str[1:]
    for c in ["recency_days", "frequency", "r_score", "f_score", "m_score"]:
        df[c] = df[c].astype(np.int64)
    # money has at most 4 decimals: compare in integer units of 1/10 000
    df["monetary"] = np.rint(df["monetary"].astype(np.float64) * 10_000).astype(np.int64)
    return df


def check_segments(expected_path, actual_path, problems):
    e, a = read_segments(expected_path), read_segments(actual_path)
    if len(e) != len(a):
        problems.append(f"{actual_path}: {len(a)} rows, fidelis has {len(e)}")
        return
    for c in CSV_COLUMNS:
        diff = np.flatnonzero(e[c].to_numpy() != a[c].to_numpy())
        if len(diff):
            i = diff[0]
            problems.append(f"{actual_path}: column {c} differs on {len(diff)} rows, first at row {i + 2}: "
                            f"fidelis {e.iloc[i].to_dict()} engine {a.iloc[i].to_dict()}")


def check(site, out):
    periods = sorted(d for d in os.listdir(site) if os.path.isfile(os.path.join(site, d, "metrics.json")))
    if not periods:
        raise Mismatch(f"{site}: no snapshot folder")
    mine = sorted(d for d in os.listdir(out) if os.path.isfile(os.path.join(out, d, "metrics.json")))
    problems = []
    if mine != periods:
        problems.append(f"{out}: snapshots {mine} but fidelis has {periods}")
    for p in periods:
        if p not in mine:
            continue
        with open(os.path.join(site, p, "metrics.json")) as f:
            expected = checked_part(json.load(f))
        with open(os.path.join(out, p, "metrics.json")) as f:
            actual = json.load(f)
        compare(p, expected, actual, problems)
        check_segments(os.path.join(site, p, "segments.csv"), os.path.join(out, p, "segments.csv"), problems)
        if len(problems) > 20:
            break
    if problems:
        raise Mismatch("\n".join(problems[:20]))
    return len(periods)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    site = sys.argv[1]
    failed = False
    for out in sys.argv[2:]:
        try:
            n = check(site, out)
            print(f"check: {out} matches {site} on all {n} snapshots")
        except Mismatch as e:
            print(f"check: MISMATCH between {site} and {out}:\n{e}", file=sys.stderr)
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
