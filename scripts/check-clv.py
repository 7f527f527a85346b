#!/usr/bin/env python3
"""Recomputes P(alive) and predicted CLV of a built site from its snapshot inputs, independently of
the Swift code (numerical integration with SciPy instead of the series, Horner's rule and tanh-sinh),
from the parameters the site's metrics.json reports. The fit itself is checked elsewhere (CDNOW).

    scripts/check-clv.py SNAPSHOT_DIR SITE_DIR [--sample N] [--seed S]

For each snapshot: N buyers drawn at random (all when fewer), compared to segments.csv within its
printed precision (p_alive 6 decimals, predicted_clv 2). Exit 1 on any difference.
Needs numpy and scipy (pinned in scripts/requirements.txt; .ci/run runs it on the shipped examples).
"""
import argparse, calendar, csv, datetime, json, math, os, random, sys, warnings

import numpy as np
from scipy import integrate, special

MONTH_WEEKS = 365.25 / 12 / 7
# QUADPACK warns of round-off on the spiked posteriors; the comparison below is the judge.
warnings.simplefilter("ignore", integrate.IntegrationWarning)


def as_of(name):
    stem = name[:-4]
    parts = [int(p) for p in stem.split("-")]
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return datetime.date(*parts)


def day(text):
    return datetime.date.fromisoformat(text.strip()) if text.strip() else None


def histories(path):
    """(x, tx, T in weeks, mean repeat spend m) per buyer id."""
    end = as_of(os.path.basename(path))
    out = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        delimiter = ";" if f.readline().count(";") > 0 else ","
        f.seek(0)
        number = (lambda t: float(t.replace(",", "."))) if delimiter == ";" else float
        rows = csv.DictReader(f, delimiter=delimiter)
        for r in rows:
            orders = int(r["orders"].strip())
            if orders < 1:
                continue
            first, last = day(r["first_order_date"]), day(r["last_order_date"])
            if r.get("purchase_days"):
                x = int(r["purchase_days"]) - 1
                m = number(r["repeat_revenue"]) / x if x > 0 else 0.0
            else:
                x = orders - 1
                m = number(r["revenue"]) / orders
            out[r["customer_id"]] = (x, (last - first).days / 7, (end - first).days / 7, m)
    return out


def p_alive(bg, x, tx, T):
    if x == 0:
        return 1.0
    r, alpha, a, b = bg["r"], bg["alpha"], bg["a"], bg["b"]
    log_odds = math.log(a) - math.log(b + x - 1) + (r + x) * math.log1p((T - tx) / (alpha + tx))
    return 1 / (1 + math.exp(log_odds))


def expected_if_alive(bg, x, T, t):
    """E[X(T, T+t) | alive, x, T] = ∫ (1 − (1 + p u)^−(r+x)) / p · Beta(p; a, b+x) dp."""
    r, alpha, a, b = bg["r"], bg["alpha"], bg["a"], bg["b"]
    k, beta, u = r + x, b + x, t / (alpha + T)

    def h(p):
        return -math.expm1(-k * math.log1p(p * u)) / p if p > 0 else k * u

    if a < 60 and beta < 60:
        # Algebraic end weights p^(a−1) (1−p)^(β−1) handled by QUADPACK's QAWS.
        value, _ = integrate.quad(h, 0, 1, weight="alg", wvar=(a - 1, beta - 1), epsabs=0, epsrel=1e-12, limit=200)
        return value * math.exp(-special.betaln(a, beta))
    # A concentrated posterior: piecewise around the mode, the density from its log.
    mean = a / (a + beta)
    sd = math.sqrt(a * beta / ((a + beta) ** 2 * (a + beta + 1)))
    cuts = sorted({min(max(mean + s * sd, 0.0), 1.0) for s in (-60, -20, -6, -2, 0, 2, 6, 20, 60)} | {0.0, 1.0})
    lb = special.betaln(a, beta)

    def f(p):
        if p <= 0 or p >= 1:
            return 0.0
        return h(p) * math.exp((a - 1) * math.log(p) + (beta - 1) * math.log1p(-p) - lb)

    total = 0.0
    for lo, hi in zip(cuts, cuts[1:]):
        if hi > lo:
            total += integrate.quad(f, lo, hi, epsabs=0, epsrel=1e-12, limit=200)[0]
    # betaln of numbers near 1e6 carries a relative rounding of ~1e-10 into the density: renormalise.
    mass = 0.0
    for lo, hi in zip(cuts, cuts[1:]):
        if hi > lo:
            mass += integrate.quad(lambda p: f(p) / h(p) if 0 < p < 1 else 0.0, lo, hi, epsabs=0, epsrel=1e-12, limit=200)[0]
    return total / mass


def spend(gg, x, m):
    """Expected spend per purchase; None without a Gamma-Gamma fit (no predicted CLV then)."""
    if gg is None:
        return None
    p, q, v = gg["p"], gg["q"], gg["v"]
    if x == 0:
        return p * v / (q - 1)
    return p * (v + m * x) / (p * x + q - 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snapshots")
    ap.add_argument("site")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures = checked = 0
    for name in sorted(os.listdir(args.snapshots)):
        if not name.endswith(".csv"):
            continue
        period = name[:-4] if len(name) == 11 else name[:7]
        folder = os.path.join(args.site, period)
        if not os.path.isdir(folder):
            folder = os.path.join(args.site, name[:-4])
        metrics = json.load(open(os.path.join(folder, "metrics.json")))
        model = metrics["clv_model"]
        if model.get("status") != "fitted":
            print(f"{period}: model {model.get('status')}, skipped")
            continue
        bg, gg = model["bgnbd"], model["gamma_gamma"]
        horizon = model["horizon_months"]
        discount = model["monthly_discount_rate"]
        hist = histories(os.path.join(args.snapshots, name))
        shown = {}
        with open(os.path.join(folder, "segments.csv"), newline="") as f:
            for r in csv.DictReader(f):
                shown[r["customer_id"]] = (r["p_alive"], r["predicted_clv"])
        ids = sorted(hist)
        picked = ids if len(ids) <= args.sample else rng.sample(ids, args.sample)
        worst_p = worst_clv = 0.0
        for cid in picked:
            x, tx, T, m = hist[cid]
            pa = p_alive(bg, x, tx, T)
            previous, clv = 0.0, 0.0
            for k in range(1, horizon + 1):
                e = expected_if_alive(bg, x, T, k * MONTH_WEEKS)
                clv += pa * (e - previous) / (1 + discount) ** k
                previous = e
            s = spend(gg, x, m)
            got_p, got_clv = shown[cid]
            dp = abs(float(got_p) - pa)
            if s is None:
                # No Gamma-Gamma fit: the predicted CLV must be left empty.
                clv = float("nan")
                dc = 0.0 if got_clv == "" else float("inf")
            else:
                clv *= s
                dc = abs(float(got_clv) - clv) if got_clv != "" else float("inf")
            worst_p, worst_clv = max(worst_p, dp), max(worst_clv, dc)
            checked += 1
            if dp > 5.1e-7 or dc > 0.0051 + 1e-9 * abs(clv):
                failures += 1
                if failures <= 20:
                    print(f"{period} {cid} (x={x}, tx={tx:.4f}, T={T:.4f}): p_alive {got_p} vs {pa:.8f}, predicted_clv {got_clv} vs {clv:.6f}")
        print(f"{period}: {len(picked)} buyers checked, a = {bg['a']:.6g}, b = {bg['b']:.6g}, largest differences: p_alive {worst_p:.1e}, predicted_clv {worst_clv:.4f}")
    print(f"{checked} buyers checked, {failures} different")
    sys.exit(1 if failures else 0)


main()
