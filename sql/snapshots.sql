-- fidelis-report: a warehouse `transactions` table → the periodic customer snapshots of
-- input.md (kind 1), one row per customer and snapshot, exactly as `build --transactions` derives them.
--
-- Portable SQL (CTEs, joins, GROUP BY, window functions, a named WINDOW): runs unchanged on
-- DuckDB, Spark SQL and BigQuery, so billions of ledger rows are aggregated where they live and
-- fidelis-report only reads the per-customer result. See sql/README.md.
--
-- Inputs
--   transactions(customer_id, date, amount, order_id)
--       one row per purchase line; amount may be negative (refunds); order_id NULL (or the column
--       selected as NULL) when the ledger has none: every such line is an order of its own.
--   snapshot_dates(period, as_of)
--       the snapshots to derive: every month end from the first purchase month, then the as-of
--       date itself (label 'YYYY-MM' when it is a month end, 'YYYY-MM-DD' otherwise). Lines after
--       the last as_of are ignored. Build it with the engine's date functions (sql/README.md).
--
-- Output columns (write one CSV per period, named <period>.csv, without the period column):
--   period, customer_id, first_order_date, last_order_date, orders, revenue,
--   purchase_days, repeat_revenue
-- The last two carry the purchase-day detail the predictive model needs (metrics.md: x = distinct
-- purchase days − 1, m = mean of the day totals after the first purchase day); fidelis-report reads
-- them when present, so the site equals the one built from the ledger itself.

WITH
windows AS (
    -- Each snapshot takes the lines after the previous snapshot's as-of date, up to its own.
    SELECT period, as_of, LAG(as_of) OVER (ORDER BY as_of) AS after_date
    FROM snapshot_dates
),
lines AS (
    SELECT t.customer_id, t.date, t.amount, t.order_id
    FROM transactions t
    WHERE t.date <= (SELECT MAX(as_of) FROM snapshot_dates)
),
days AS (
    -- Purchases on the same day are one purchase (amounts summed).
    SELECT customer_id, date, SUM(amount) AS amount
    FROM lines
    GROUP BY customer_id, date
),
firsts AS (
    SELECT customer_id, MIN(date) AS first_order_date
    FROM days
    GROUP BY customer_id
),
orders AS (
    -- An order counts from the day of its first line.
    SELECT customer_id, MIN(date) AS date
    FROM lines
    WHERE order_id IS NOT NULL
    GROUP BY customer_id, order_id
    UNION ALL
    SELECT customer_id, date
    FROM lines
    WHERE order_id IS NULL
),
day_buckets AS (
    SELECT d.customer_id, w.as_of,
           MAX(d.date) AS last_date,
           SUM(d.amount) AS revenue,
           COUNT(*) AS purchase_days,
           SUM(CASE WHEN d.date > f.first_order_date THEN d.amount ELSE 0 END) AS repeat_revenue
    FROM days d
    JOIN firsts f ON f.customer_id = d.customer_id
    JOIN windows w ON d.date <= w.as_of AND (w.after_date IS NULL OR d.date > w.after_date)
    GROUP BY d.customer_id, w.as_of
),
order_buckets AS (
    SELECT o.customer_id, w.as_of, COUNT(*) AS orders
    FROM orders o
    JOIN windows w ON o.date <= w.as_of AND (w.after_date IS NULL OR o.date > w.after_date)
    GROUP BY o.customer_id, w.as_of
),
grid AS (
    -- A customer is in every snapshot from the one holding the first purchase on.
    SELECT f.customer_id, f.first_order_date, s.period, s.as_of
    FROM firsts f
    JOIN snapshot_dates s ON s.as_of >= f.first_order_date
)
SELECT g.period,
       g.customer_id,
       g.first_order_date,
       MAX(db.last_date) OVER running AS last_order_date,
       SUM(COALESCE(ob.orders, 0)) OVER running AS orders,
       SUM(COALESCE(db.revenue, 0)) OVER running AS revenue,
       SUM(COALESCE(db.purchase_days, 0)) OVER running AS purchase_days,
       SUM(COALESCE(db.repeat_revenue, 0)) OVER running AS repeat_revenue
FROM grid g
LEFT JOIN day_buckets db ON db.customer_id = g.customer_id AND db.as_of = g.as_of
LEFT JOIN order_buckets ob ON ob.customer_id = g.customer_id AND ob.as_of = g.as_of
WINDOW running AS (PARTITION BY g.customer_id ORDER BY g.as_of ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
