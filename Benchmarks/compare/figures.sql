-- Every figure fidelis-report computes per snapshot (metrics.md), except the CLV model,
-- escalations, feedback routing and the loyalty block, for ALL snapshots at once.
--
-- Input:
--   periods(idx, period, as_of, month_idx, has_status)   one row per snapshot, idx = 0.. in as-of order
--   snap(idx, customer_id, first_order_date, last_order_date, orders, revenue, status, nps, csat, ces)
-- Output tables: scored, period_figures, thresholds, segment_figures, rf_grid, migration, cohorts.

-- Activity and recency of every row.
CREATE OR REPLACE TEMP TABLE facts AS
SELECT s.idx, s.customer_id, s.first_order_date, s.orders, s.revenue, s.nps, s.csat, s.ces,
       p.month_idx,
       p.as_of - s.last_order_date AS recency_days,
       CASE WHEN p.has_status THEN coalesce(lower(trim(s.status)) = 'active', false)
            ELSE coalesce(s.orders >= 1 AND p.as_of - s.last_order_date <= getvariable('window_days'), false)
       END AS active
FROM snap s JOIN periods p USING (idx);

-- Quintile thresholds t_k = v[floor(k*n/5)] (0-based, values sorted ascending) of each score variable
-- over the buyers. quantile_disc(v, q) returns v[ceil(q*n) - 1]: with q = k/5 + 1e-12 that is exactly
-- v[floor(k*n/5)] for any n below 10^11. Recency is scored on -recency_days.
CREATE OR REPLACE TEMP MACRO quintile_thresholds(v) AS
    quantile_disc(v, [0.200000000001, 0.400000000001, 0.600000000001, 0.800000000001]);

CREATE OR REPLACE TEMP TABLE thresholds AS
SELECT idx,
       quintile_thresholds(-recency_days) AS r_t,
       quintile_thresholds(orders) AS f_t,
       quintile_thresholds(revenue) AS m_t
FROM facts WHERE orders >= 1
GROUP BY idx;

-- Scores, segment (the default first-match table), and the previous snapshot's state of each row.
CREATE OR REPLACE TEMP TABLE scored AS
WITH scores AS (
    -- score = 1 + #{k : value > t_k}
    SELECT f.*,
           CASE WHEN f.orders >= 1 THEN 1 + (-recency_days > r_t[1])::INT + (-recency_days > r_t[2])::INT
                                          + (-recency_days > r_t[3])::INT + (-recency_days > r_t[4])::INT END AS r_score,
           CASE WHEN f.orders >= 1 THEN 1 + (orders > f_t[1])::INT + (orders > f_t[2])::INT
                                          + (orders > f_t[3])::INT + (orders > f_t[4])::INT END AS f_score,
           CASE WHEN f.orders >= 1 THEN 1 + (revenue > m_t[1])::INT + (revenue > m_t[2])::INT
                                          + (revenue > m_t[3])::INT + (revenue > m_t[4])::INT END AS m_score
    FROM facts f LEFT JOIN thresholds t USING (idx)
), segmented AS (
    SELECT *,
           CASE WHEN r_score IS NULL THEN NULL
                WHEN r_score >= 3 AND f_score >= 4 AND m_score >= 4 THEN 'champions'
                WHEN r_score >= 3 AND f_score >= 4 THEN 'loyal'
                WHEN r_score >= 3 THEN 'potential'
                WHEN f_score >= 4 OR m_score >= 4 THEN 'at_risk'
                WHEN f_score >= 3 OR m_score >= 3 THEN 'hibernating'
                ELSE 'lost' END AS segment,
           -- cohort month, fixed at the first snapshot where the customer is a buyer
           CASE WHEN orders >= 1 THEN coalesce(year(first_order_date) * 12 + month(first_order_date) - 1, month_idx) END AS cohort_here
    FROM scores
)
SELECT * EXCLUDE (cohort_here),
       CASE WHEN lag(idx) OVER w = idx - 1 THEN lag(active) OVER w ELSE false END AS prev_active,
       CASE WHEN lag(idx) OVER w = idx - 1 THEN lag(revenue) OVER w ELSE 0 END AS prev_revenue,
       CASE WHEN lag(idx) OVER w = idx - 1 THEN lag(segment) OVER w END AS prev_segment,
       lead(idx) OVER w AS next_idx,
       first_value(cohort_here IGNORE NULLS) OVER (w ROWS UNBOUNDED PRECEDING) AS cohort,
       cohort_here IS NOT NULL AND count(cohort_here) OVER (w ROWS UNBOUNDED PRECEDING) = 1 AS joins_cohort
FROM segmented
WINDOW w AS (PARTITION BY customer_id ORDER BY idx);

-- Counts, revenue and survey figures per snapshot, and the KPIs from them.
CREATE OR REPLACE TEMP TABLE period_figures AS
WITH per AS (
    SELECT idx,
           count(*) AS customers,
           count(*) FILTER (WHERE orders >= 1) AS buyers,
           count(*) FILTER (WHERE orders >= 2) AS repeat_buyers,
           count(*) FILTER (WHERE active) AS active,
           count(*) FILTER (WHERE active AND prev_active) AS still_active,
           sum(revenue) AS revenue_total,
           sum(revenue - prev_revenue) AS revenue_period,
           count(nps) AS nps_answers,
           count(*) FILTER (WHERE nps >= 9) AS promoters,
           count(*) FILTER (WHERE nps <= 6) AS detractors,
           avg(csat) AS csat,
           count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat_satisfied_share,
           avg(ces) AS ces
    FROM scored GROUP BY idx
), with_prev AS (
    SELECT p.idx, p.period, p.as_of, p.month_idx, per.*  EXCLUDE (idx),
           lag(per.active) OVER (ORDER BY p.idx) AS previously_active,
           per.revenue_total / nullif(per.buyers, 0) AS ltv
    FROM periods p JOIN per USING (idx)
)
SELECT *,
       active - still_active AS new_active,
       coalesce(previously_active, 0) - still_active AS lost,
       customers - buyers AS prospects,
       still_active / nullif(previously_active, 0) AS retention_rate,
       (previously_active - still_active) / nullif(previously_active, 0) AS churn_rate,
       100.0 * (promoters - detractors) / nullif(nps_answers, 0) AS nps,
       repeat_buyers / nullif(buyers, 0) AS repeat_purchase_rate,
       -- ltv(p) / ltv(q) - 1, q = the latest earlier snapshot 365 +- 16 days before
       (SELECT CASE WHEN arg_max(q.ltv, q.as_of) > 0 THEN w.ltv / arg_max(q.ltv, q.as_of) - 1 END
        FROM with_prev q WHERE w.as_of - q.as_of BETWEEN 349 AND 381) AS ltv_growth_yoy
FROM with_prev w;

CREATE OR REPLACE TEMP TABLE segment_figures AS
SELECT idx, segment,
       count(*) AS customers,
       sum(revenue) AS revenue,
       sum(recency_days) AS recency_sum,
       sum(orders) AS frequency_sum
FROM scored WHERE segment IS NOT NULL GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE rf_grid AS
SELECT idx, r_score, f_score, count(*) AS n FROM scored WHERE segment IS NOT NULL GROUP BY ALL;

-- Segment migration p-1 -> p: present rows, plus buyers of p-1 absent from p ("gone").
CREATE OR REPLACE TEMP TABLE migration AS
SELECT idx, coalesce(prev_segment, 'new') AS from_segment, coalesce(segment, 'gone') AS to_segment, count(*) AS n
FROM scored WHERE idx > 0 AND (prev_segment IS NOT NULL OR segment IS NOT NULL) GROUP BY ALL
UNION ALL
SELECT idx + 1, segment, 'gone', count(*)
FROM scored
WHERE segment IS NOT NULL AND next_idx IS DISTINCT FROM idx + 1 AND idx < (SELECT max(idx) FROM periods)
GROUP BY ALL;

-- Cohort retention matrix as of every snapshot s: cohort c, column k = share of the cohort (its size
-- as of s) active at the latest snapshot (up to s) whose as-of month is c + k.
CREATE OR REPLACE TEMP TABLE cohorts AS
WITH joined AS (
    SELECT idx, cohort, count(*) AS n FROM scored WHERE joins_cohort GROUP BY ALL
), active_in AS (
    SELECT idx, cohort, count(*) AS n FROM scored WHERE active AND cohort IS NOT NULL GROUP BY ALL
), sizes AS (
    SELECT s.idx AS s, s.month_idx AS s_month, j.cohort, sum(j.n) AS size
    FROM periods s JOIN joined j ON j.idx <= s.idx
    WHERE j.cohort <= s.month_idx
    GROUP BY ALL
), latest AS (
    SELECT s.idx AS s, q.month_idx, max(q.idx) AS j
    FROM periods s JOIN periods q ON q.idx <= s.idx GROUP BY ALL
), cells AS (
    SELECT s, cohort, size, unnest(range(0, s_month - cohort + 1)) AS k FROM sizes
)
SELECT c.s AS idx, c.cohort, c.size,
       list(CASE WHEN l.j IS NOT NULL THEN coalesce(a.n, 0) / c.size END ORDER BY c.k) AS retention
FROM cells c
LEFT JOIN latest l ON l.s = c.s AND l.month_idx = c.cohort + c.k
LEFT JOIN active_in a ON a.idx = l.j AND a.cohort = c.cohort
GROUP BY ALL;

-- segments.csv rows, stored in output order so that each snapshot's rows are contiguous.
CREATE OR REPLACE TEMP TABLE segment_rows AS
SELECT idx, customer_id, recency_days, orders AS frequency, revenue AS monetary, r_score, f_score, m_score, segment
FROM scored WHERE segment IS NOT NULL
ORDER BY idx, customer_id;
