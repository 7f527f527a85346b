#!/usr/bin/env python3
"""fidelis-report's figures (metrics.md) computed with pandas / NumPy.

    figures_pandas.py --snapshots DIR --out OUT
    figures_pandas.py --transactions FILE --out OUT [--as-of YYYY-MM-DD]

Writes OUT/<period>/metrics.json and OUT/<period>/segments.csv for every snapshot (every derived
month end for a ledger). Snapshots are processed one after the other, keeping per-customer state
(previous activity, revenue, segment, cohort) in arrays indexed by an integer customer code, so each
step is a handful of vectorised operations. CSV is read with the pyarrow engine; money is held in
exact integer units of 1/10 000 (like fidelis). The CLV model (BG/NBD, Gamma-Gamma), escalations,
feedback routing and loyalty figures are not computed.
"""
import datetime as dt
import os
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

import common

EPOCH = dt.date(1970, 1, 1)
MISSING = -1  # missing date / score / code
SNAPSHOT_TYPES = {"customer_id": pa.string(), "first_order_date": pa.date32(), "last_order_date": pa.date32(),
                  "orders": pa.int64(), "revenue": pa.float64(), "status": pa.string(),
                  "nps": pa.int64(), "csat": pa.int64(), "ces": pa.int64()}
LEDGER_TYPES = {"customer_id": pa.string(), "order_id": pa.string(), "date": pa.date32(), "amount": pa.float64()}
# The default first-match rule table of metrics.md: (segment, R range, F range, M range).
RULES = [("champions", (3, 5), (4, 5), (4, 5)), ("loyal", (3, 5), (4, 5), (1, 5)), ("potential", (3, 5), (1, 5), (1, 5)),
         ("at_risk", (1, 2), (4, 5), (1, 5)), ("at_risk", (1, 2), (1, 5), (4, 5)),
         ("hibernating", (1, 2), (3, 5), (1, 5)), ("hibernating", (1, 2), (1, 5), (3, 5)),
         ("lost", (1, 2), (1, 5), (1, 5))]


def segment_lookup():
    """SEGMENT[r-1, f-1, m-1] = index into common.SEGMENTS, by the first matching rule."""
    table = np.full((5, 5, 5), -1, dtype=np.int8)
    for name, (r0, r1), (f0, f1), (m0, m1) in reversed(RULES):
        table[r0 - 1:r1, f0 - 1:f1, m0 - 1:m1] = common.SEGMENTS.index(name)
    assert (table >= 0).all()
    return table


SEGMENT = segment_lookup()
SEGMENT_NAMES = np.array(common.SEGMENTS)


def money_units(series):
    return np.rint(series.to_numpy(dtype=np.float64, na_value=0.0) * common.MONEY_SCALE).astype(np.int64)


def day_numbers(series):
    """date32 column -> days since 1970-01-01, MISSING where empty."""
    return series.astype("int32[pyarrow]").to_numpy(dtype=np.int64, na_value=MISSING)


def month_of_day(days):
    """Days since 1970-01-01 -> year * 12 + month - 1."""
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) + 1970 * 12


def read_csv(path, types):
    """The columns of `types` present in the file, as a DataFrame with Arrow-backed dtypes. Read with
    pyarrow's multi-threaded CSV reader (quoted fields may hold line breaks, input.md)."""
    header = common.csv_header(path)
    types = {c: t for c, t in types.items() if c in header}
    table = pa_csv.read_csv(path, parse_options=pa_csv.ParseOptions(newlines_in_values=True),
                            convert_options=pa_csv.ConvertOptions(include_columns=list(types), column_types=types,
                                                                  strings_can_be_null=True))
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def quintile_thresholds(values):
    """t_k = v[floor(k n / 5)], k = 1..4, of the values sorted ascending (selection, no full sort)."""
    n = len(values)
    if n == 0:
        return np.empty(0, dtype=values.dtype)
    ranks = [k * n // 5 for k in range(1, 5)]
    return np.partition(values, ranks)[ranks]


class Engine:
    """Figures of one snapshot after the other (as-of order), with per-customer state by code."""

    def __init__(self, out):
        self.out = out
        self.index = 0
        self.capacity = 0
        self.prev_present = np.zeros(0, bool)
        self.prev_active = np.zeros(0, bool)
        self.prev_revenue = np.zeros(0, np.int64)
        self.prev_segment = np.zeros(0, np.int8)
        self.cohort = np.zeros(0, np.int64)
        self.prev_active_count = 0
        self.cohort_sizes = pd.Series(dtype=np.int64)
        self.cohort_active = []  # per snapshot: Series cohort month -> active customers
        self.months = []  # as-of month per snapshot
        self.ltv_history = []  # (as_of, ltv)

    def grow(self, n):
        if n <= self.capacity:
            return
        extra = n - self.capacity
        self.prev_present = np.concatenate([self.prev_present, np.zeros(extra, bool)])
        self.prev_active = np.concatenate([self.prev_active, np.zeros(extra, bool)])
        self.prev_revenue = np.concatenate([self.prev_revenue, np.zeros(extra, np.int64)])
        self.prev_segment = np.concatenate([self.prev_segment, np.full(extra, -1, np.int8)])
        self.cohort = np.concatenate([self.cohort, np.full(extra, MISSING, np.int64)])
        self.capacity = n

    def process(self, period, as_of, code, ids, first, last, orders, revenue, status=None, nps=None, csat=None, ces=None):
        """One snapshot. code: int customer codes; ids: their customer_id strings (pandas Series);
        first / last: day numbers (MISSING = none); revenue: int units; status: lower-cased strings or None."""
        self.grow(int(code.max()) + 1 if len(code) else 0)
        as_of_day = (as_of - EPOCH).days
        month = as_of.year * 12 + as_of.month - 1
        rows = len(code)
        buyer = orders >= 1
        recency = as_of_day - last
        active = (status == "active") if status is not None else buyer & (recency <= common.ACTIVITY_WINDOW_DAYS)

        # Counts, revenue, KPIs
        had_prev = self.prev_present[code]
        n_active = int(active.sum())
        still = int((active & self.prev_active[code]).sum())
        n_buyers = int(buyer.sum())
        revenue_total = int(revenue.sum())
        revenue_period = int((revenue - np.where(had_prev, self.prev_revenue[code], 0)).sum())
        first_snapshot = self.index == 0
        previously = self.prev_active_count
        ltv = None if n_buyers == 0 else revenue_total / common.MONEY_SCALE / n_buyers
        kpis = {
            "retention_rate": None if first_snapshot else common.ratio(still, previously),
            "churn_rate": None if first_snapshot else common.ratio(previously - still, previously),
            "ltv": ltv,
            "ltv_growth_yoy": self.yoy(ltv, as_of),
            "repeat_purchase_rate": common.ratio(int((orders >= 2).sum()), n_buyers),
        }
        kpis.update(survey_kpis(nps, csat, ces))

        # RFM scores and segments over the buyers
        b_code = code[buyer]
        b_recency, b_orders, b_revenue = recency[buyer], orders[buyer], revenue[buyer]
        t_r = quintile_thresholds(-b_recency)
        t_f = quintile_thresholds(b_orders)
        t_m = quintile_thresholds(b_revenue)
        # score = 1 + #{k : value > t_k}; the thresholds are ascending
        r = 1 + np.searchsorted(t_r, -b_recency, side="left")
        f = 1 + np.searchsorted(t_f, b_orders, side="left")
        m = 1 + np.searchsorted(t_m, b_revenue, side="left")
        seg = SEGMENT[r - 1, f - 1, m - 1]
        buyers = pd.DataFrame({"segment": seg, "revenue": b_revenue, "recency": b_recency, "orders": b_orders})
        per_seg = buyers.groupby("segment").agg(customers=("revenue", "size"), revenue=("revenue", "sum"),
                                                recency=("recency", "sum"), orders=("orders", "sum"))
        buyer_revenue = int(b_revenue.sum())
        segments = {}
        for i, name in enumerate(common.SEGMENTS):
            c, rev, rec, freq = (int(x) for x in per_seg.loc[i]) if i in per_seg.index else (0, 0, 0, 0)
            segments[name] = {
                "customers": c,
                "share": common.ratio(c, n_buyers),
                "revenue": rev / common.MONEY_SCALE,
                "revenue_share": common.ratio(rev, buyer_revenue),
                "mean_recency_days": common.ratio(rec, c),
                "mean_frequency": common.ratio(freq, c),
                "mean_monetary": common.ratio(rev / common.MONEY_SCALE, c),
            }
        rf_grid = np.bincount((r - 1) * 5 + (f - 1), minlength=25).reshape(5, 5).tolist()

        # Migration p-1 -> p (rows: segment or "new"; columns: segment or "gone")
        current_segment = np.full(self.capacity, -1, np.int8)
        current_segment[b_code] = seg
        migration = None
        if not first_snapshot:
            k = len(common.SEGMENTS)
            before, after = self.prev_segment, current_segment
            moved = (before >= 0) | (after >= 0)
            cell = np.where(before[moved] < 0, k, before[moved]).astype(np.int64) * (k + 1) + np.where(after[moved] < 0, k, after[moved])
            counts = np.bincount(cell, minlength=(k + 1) ** 2).reshape(k + 1, k + 1)
            migration = {a: {b: int(counts[i, j]) for j, b in enumerate(common.MIGRATION_TO)}
                         for i, a in enumerate(common.MIGRATION_FROM)}

        # Cohorts: a customer's cohort is fixed at the first snapshot where they are a buyer
        joins = buyer & (self.cohort[code] == MISSING)
        joined_month = np.where(first[joins] != MISSING, month_of_day(first[joins]), month)
        self.cohort[code[joins]] = joined_month
        self.cohort_sizes = self.cohort_sizes.add(pd.Series(joined_month).value_counts(), fill_value=0).astype(np.int64)
        active_cohort = self.cohort[code[active]]
        self.cohort_active.append(pd.Series(active_cohort[active_cohort != MISSING]).value_counts())
        self.months.append(month)
        cohorts = self.cohort_matrix()

        thresholds = {"recency_days": (-t_r).tolist(), "frequency": t_f.tolist(),
                      "monetary": (t_m / common.MONEY_SCALE).tolist()}
        counts = {"customers": rows, "buyers": n_buyers, "active": n_active, "new_active": n_active - still,
                  "lost": previously - still, "prospects": rows - n_buyers}
        doc = common.metrics_doc(period, as_of, counts, revenue_total / common.MONEY_SCALE,
                                 revenue_period / common.MONEY_SCALE, kpis, thresholds, rf_grid, segments,
                                 migration, cohorts)
        folder = common.write_metrics(self.out, period, doc)
        write_segments(os.path.join(folder, "segments.csv"), ids[buyer], b_recency, b_orders, b_revenue, r, f, m, seg)

        # State for the next snapshot
        self.prev_present[:] = False
        self.prev_present[code] = True
        self.prev_active[:] = False
        self.prev_active[code] = active
        self.prev_revenue[code] = revenue
        self.prev_segment = current_segment
        self.prev_active_count = n_active
        self.ltv_history.append((as_of, ltv))
        self.index += 1

    def yoy(self, ltv, as_of):
        """ltv(p) / ltv(q) - 1, q = the latest earlier snapshot 365 +- 16 days before."""
        if ltv is None:
            return None
        for when, base in reversed(self.ltv_history):
            if 349 <= (as_of - when).days <= 381:
                return ltv / base - 1 if base is not None and base > 0 else None
        return None

    def cohort_matrix(self):
        last = self.months[-1]
        latest_in_month = {m: s for s, m in enumerate(self.months)}
        rows = []
        for c, size in self.cohort_sizes.sort_index().items():
            if c > last or size <= 0:
                continue
            retention = []
            for k in range(last - c + 1):
                s = latest_in_month.get(c + k)
                retention.append(None if s is None else int(self.cohort_active[s].get(c, 0)) / int(size))
            rows.append({"cohort": common.month_label(int(c)), "size": int(size), "retention": retention})
        return rows


def survey_kpis(nps, csat, ces):
    out = {}
    answered = nps[nps >= 0] if nps is not None else np.empty(0)
    out["nps"] = None if len(answered) == 0 else 100.0 * (int((answered >= 9).sum()) - int((answered <= 6).sum())) / len(answered)
    answered = csat[csat >= 1] if csat is not None else np.empty(0)
    out["csat"] = None if len(answered) == 0 else float(answered.mean())
    out["csat_satisfied_share"] = None if len(answered) == 0 else int((answered >= 4).sum()) / len(answered)
    answered = ces[ces >= 1] if ces is not None else np.empty(0)
    out["ces"] = None if len(answered) == 0 else float(answered.mean())
    return out


def write_segments(path, ids, recency, orders, revenue, r, f, m, seg):
    """One row per buyer, sorted by customer_id (byte order)."""
    ids = ids.reset_index(drop=True)
    order = np.arange(len(ids)) if ids.is_monotonic_increasing else ids.argsort(kind="stable").to_numpy()
    table = pa.table({
        "customer_id": pa.Array.from_pandas(ids).take(order),
        "recency_days": recency[order], "frequency": orders[order],
        "monetary": revenue[order] / common.MONEY_SCALE,
        "r_score": r[order], "f_score": f[order], "m_score": m[order],
        "segment": SEGMENT_NAMES[seg[order]],
    })
    pa_csv.write_csv(table, path, pa_csv.WriteOptions(quoting_style="needed"))


def run_snapshots(folder, out):
    engine = Engine(out)
    known = pd.Index([], dtype="str")  # customer_id -> code
    for label, as_of, path in common.snapshot_files(folder):
        df = read_csv(path, SNAPSHOT_TYPES)
        ids = df["customer_id"].astype("str")
        code = known.get_indexer(ids)
        new = code < 0
        if new.any():
            code[new] = np.arange(len(known), len(known) + int(new.sum()))
            known = known.append(pd.Index(ids[new]))

        def opt_int(c):
            return df[c].to_numpy(dtype=np.int64, na_value=MISSING) if c in df else None

        status = None
        if "status" in df:
            status = df["status"].str.strip().str.lower().fillna("").to_numpy()
        engine.process(label, as_of, code, ids,
                       first=day_numbers(df["first_order_date"]) if "first_order_date" in df else np.full(len(df), MISSING),
                       last=day_numbers(df["last_order_date"]),
                       orders=df["orders"].to_numpy(dtype=np.int64),
                       revenue=money_units(df["revenue"]),
                       status=status, nps=opt_int("nps"), csat=opt_int("csat"), ces=opt_int("ces"))


def run_ledger(path, as_of, out):
    df = read_csv(path, LEDGER_TYPES)
    has_order = "order_id" in df
    day = day_numbers(df["date"])
    cut = (dt.date.fromisoformat(as_of) - EPOCH).days if as_of else int(day.max())
    keep = day <= cut
    if not keep.all():
        df, day = df[keep].reset_index(drop=True), day[keep]
    # Codes in customer_id order, so a snapshot's rows in code order are sorted by id.
    code, uniques = pd.factorize(df["customer_id"], sort=True)
    lines = pd.DataFrame({"code": code, "day": day, "month": month_of_day(day), "amount": money_units(df["amount"])})
    # Orders: distinct order_id per customer, counted in the month of their first line; a line
    # without an order id (or a ledger without the column) is an order of its own.
    if has_order:
        lines["order"] = pd.factorize(df["order_id"])[0]  # -1 = empty
        with_id = lines[lines["order"] >= 0].groupby(["code", "order"], sort=False)["day"].min()
        starts = pd.concat([pd.DataFrame({"code": with_id.index.get_level_values("code"), "day": with_id.to_numpy()}),
                            lines.loc[lines["order"] < 0, ["code", "day"]]])
    else:
        starts = lines[["code", "day"]]
    orders = (starts.assign(month=month_of_day(starts["day"].to_numpy()))
              .groupby(["month", "code"]).size().rename("orders"))
    monthly = (lines.groupby(["month", "code"]).agg(amount=("amount", "sum"), first=("day", "min"), last=("day", "max"))
               .join(orders).fillna({"orders": 0}).reset_index())
    del lines, starts, df

    n = len(uniques)
    ids_all = pd.Series(uniques, dtype="str")
    state_orders = np.zeros(n, np.int64)
    state_revenue = np.zeros(n, np.int64)
    state_first = np.full(n, MISSING, np.int64)
    state_last = np.full(n, MISSING, np.int64)
    m_col = monthly["month"].to_numpy()
    c_col = monthly["code"].to_numpy()
    bounds = np.searchsorted(m_col, np.arange(m_col[0], m_col[-1] + 2))
    engine = Engine(out)
    cut_date = EPOCH + dt.timedelta(days=cut)
    o_col = monthly["orders"].to_numpy(dtype=np.int64)
    a_col = monthly["amount"].to_numpy()
    f_col = monthly["first"].to_numpy()
    l_col = monthly["last"].to_numpy()
    del monthly
    for i, month in enumerate(range(int(m_col[0]), int(m_col[-1]) + 1)):
        lo, hi = bounds[i], bounds[i + 1]
        c = c_col[lo:hi]  # each customer at most once per month
        state_orders[c] += o_col[lo:hi]
        state_revenue[c] += a_col[lo:hi]
        state_first[c] = np.where(state_first[c] == MISSING, f_col[lo:hi], state_first[c])
        state_last[c] = l_col[lo:hi]
        if month == m_col[-1]:
            as_of_date = cut_date
        else:
            y, mo = divmod(month + 1, 12)
            as_of_date = dt.date(y, mo + 1, 1) - dt.timedelta(days=1)
        present = np.flatnonzero(state_first != MISSING)
        engine.process(common.ledger_label(as_of_date), as_of_date, present, ids_all.iloc[present].reset_index(drop=True),
                       first=state_first[present], last=state_last[present], orders=state_orders[present],
                       revenue=state_revenue[present])


def main():
    a = common.engine_arguments(__doc__.splitlines()[0])
    os.makedirs(a.out, exist_ok=True)
    if a.snapshots:
        if not common.snapshot_files(a.snapshots):
            sys.exit(f"{a.snapshots}: no snapshot CSV")
        run_snapshots(a.snapshots, a.out)
    else:
        run_ledger(a.transactions, a.as_of, a.out)


if __name__ == "__main__":
    main()
