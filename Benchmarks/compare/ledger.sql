-- Month-end snapshots derived from a transaction ledger (input.md, kind 2).
--
-- Input: ledger(customer_id, order_id, "date", amount) and the variable cut (the as-of date).
-- Output: periods and snap, as figures.sql reads them. Snapshots run from the first purchase month to
-- the cut; each holds every customer with a purchase line on or before its as-of date, with
-- orders = distinct order ids (a line without one is an order of its own), revenue = sum of amounts
-- (refunds included), first / last purchase line date.

CREATE OR REPLACE TEMP TABLE lines AS
SELECT customer_id, order_id, "date", amount, year("date") * 12 + month("date") - 1 AS m
FROM ledger WHERE "date" <= getvariable('cut');

CREATE OR REPLACE TEMP TABLE periods AS
SELECT (m - first_m)::INTEGER AS idx,
       CASE WHEN as_of = last_day(as_of) THEN strftime(as_of, '%Y-%m') ELSE strftime(as_of, '%Y-%m-%d') END AS period,
       as_of, m::INTEGER AS month_idx, false AS has_status
FROM (SELECT min(m) AS first_m, max(m) AS last_m FROM lines) b,
     LATERAL (SELECT unnest(range(b.first_m, b.last_m + 1)) AS m) ms,
     LATERAL (SELECT CASE WHEN ms.m = b.last_m THEN getvariable('cut')::DATE
                          ELSE last_day(make_date((ms.m // 12)::INTEGER, (ms.m % 12 + 1)::INTEGER, 1)) END AS as_of);

-- Per customer and month: money, first / last line, and the orders that start in that month.
CREATE OR REPLACE TEMP TABLE monthly AS
WITH order_starts AS (
    SELECT customer_id, year(start) * 12 + month(start) - 1 AS m, count(*) AS orders
    FROM (SELECT customer_id, min("date") AS start FROM lines WHERE order_id IS NOT NULL GROUP BY customer_id, order_id
          UNION ALL
          SELECT customer_id, "date" FROM lines WHERE order_id IS NULL)
    GROUP BY ALL
), money AS (
    SELECT customer_id, m, sum(amount) AS amount, min("date") AS first_date, max("date") AS last_date
    FROM lines GROUP BY ALL
)
SELECT customer_id, m,
       sum(amount) OVER w AS revenue,
       sum(coalesce(o.orders, 0)) OVER w AS orders,
       min(first_date) OVER w AS first_order_date,
       max(last_date) OVER w AS last_order_date
FROM money LEFT JOIN order_starts o USING (customer_id, m)
WINDOW w AS (PARTITION BY customer_id ORDER BY m ROWS UNBOUNDED PRECEDING);

-- Every customer in every snapshot from their first purchase month, with their latest cumulative state.
CREATE OR REPLACE TEMP TABLE snap AS
WITH customers AS (
    SELECT customer_id, min(m) AS first_m FROM monthly GROUP BY customer_id
)
SELECT p.idx, c.customer_id, s.first_order_date, s.last_order_date, s.orders::INTEGER AS orders,
       s.revenue::DECIMAL(18, 4) AS revenue,
       NULL::VARCHAR AS status, NULL::INTEGER AS nps, NULL::INTEGER AS csat, NULL::INTEGER AS ces
FROM customers c
JOIN periods p ON p.month_idx >= c.first_m
ASOF JOIN monthly s ON s.customer_id = c.customer_id AND s.m <= p.month_idx;
