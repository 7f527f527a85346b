#!/usr/bin/env python3
"""Runs sql/snapshots.sql on DuckDB: a ledger CSV in, one snapshot CSV per period out.

    python3 sql/duckdb_snapshots.py LEDGER.csv OUT_DIR [--as-of YYYY-MM-DD]

This is the DuckDB flavour of the warehouse recipe (sql/README.md): the same SQL runs on Spark SQL
or BigQuery over a `transactions` table; only the `snapshot_dates` calendar and the export differ.
OUT_DIR then feeds `fidelis-report build --snapshots OUT_DIR`.
"""
import argparse
import os
import sys

import duckdb

HERE = os.path.dirname(os.path.abspath(__file__))

# The calendar (DuckDB dialect): every month end from the first purchase month before the as-of
# date, then the as-of date itself, labelled as input.md says.
SNAPSHOT_DATES = """
CREATE TABLE snapshot_dates AS
WITH bounds AS (
    SELECT COALESCE(CAST(? AS DATE), MAX(date)) AS as_of FROM transactions
), span AS (
    SELECT MIN(t.date) AS first_day, b.as_of FROM transactions t, bounds b WHERE t.date <= b.as_of GROUP BY b.as_of
)
SELECT strftime(last_day(CAST(m AS DATE)), '%Y-%m') AS period, last_day(CAST(m AS DATE)) AS as_of
FROM span, range(date_trunc('month', first_day), as_of, INTERVAL 1 MONTH) AS r(m)
WHERE last_day(CAST(m AS DATE)) < span.as_of
UNION ALL
SELECT CASE WHEN last_day(as_of) = as_of THEN strftime(as_of, '%Y-%m') ELSE strftime(as_of, '%Y-%m-%d') END, as_of
FROM span
"""


def header_delimiter(path: str) -> str:
    """`;` when the first non-blank line has more `;` than `,` outside quotes, else `,`
    (fidelis-report's rule, input.md)."""
    with open(path, "rb") as f:
        for raw in f:
            line = raw.decode("utf-8", "replace").lstrip("\ufeff").strip("\r\n")
            if not line.strip():
                continue
            commas = semicolons = 0
            quoted = False
            for ch in line:
                if ch == '"':
                    quoted = not quoted
                elif not quoted and ch == ",":
                    commas += 1
                elif not quoted and ch == ";":
                    semicolons += 1
            return ";" if semicolons > commas else ","
    return ","


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger")
    parser.add_argument("out")
    parser.add_argument("--as-of", dest="as_of", default=None)
    args = parser.parse_args()

    con = duckdb.connect()
    # The file is read as input.md writes it, not as DuckDB's sniffer guesses: the delimiter from
    # the header row as fidelis-report detects it, `"` quotes doubled inside quoted fields (the
    # sniffer took a leading `'` for a quote), a header row, every field as text; with `;`, amounts
    # take a decimal comma.
    delimiter = header_delimiter(args.ledger)
    csv = f"read_csv(?, header = true, all_varchar = true, delim = '{delimiter}', quote = '\"', escape = '\"')"
    header = con.execute(f"SELECT * FROM {csv} LIMIT 0", [args.ledger]).description
    names = [d[0].strip().lower() for d in header]
    # An empty order id is no order id (each such line an order), as fidelis-report reads it; any
    # other text, spaces included, is an order id as written.
    order_id = "NULLIF(order_id, '')" if "order_id" in names else "CAST(NULL AS VARCHAR)"
    amount = "REPLACE(amount, ',', '.')" if delimiter == ";" else "amount"
    con.execute(f"""
        CREATE TABLE transactions AS
        SELECT customer_id, CAST(date AS DATE) AS date, CAST({amount} AS DECIMAL(18, 4)) AS amount, {order_id} AS order_id
        FROM {csv}
    """, [args.ledger])
    con.execute(SNAPSHOT_DATES, [args.as_of])
    with open(os.path.join(HERE, "snapshots.sql"), encoding="utf-8") as f:
        query = f.read()
    con.execute(f"CREATE TABLE snapshots AS {query}")

    os.makedirs(args.out, exist_ok=True)
    periods = [row[0] for row in con.execute("SELECT period FROM snapshot_dates ORDER BY as_of").fetchall()]
    for period in periods:
        path = os.path.join(args.out, f"{period}.csv")
        con.execute(f"""
            COPY (SELECT customer_id, first_order_date, last_order_date, orders, revenue, purchase_days, repeat_revenue
                  FROM snapshots WHERE period = '{period}' ORDER BY customer_id)
            TO '{path}' (HEADER, DELIMITER ',')
        """)
    print(f"{len(periods)} snapshots written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
