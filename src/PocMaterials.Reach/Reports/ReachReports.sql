-- The reach reports. Periods of daily figures are days ($1 to $2, both included); periods of raw search events are
-- instants ($1 included, $2 not).

-- name: MaterialViews
-- Each material's views and unique viewers per month of the period, and over the whole period (month NULL).
SELECT key, date_trunc('month', day)::date AS month, sum(views)::int, bit_count(varbit_union(viewers))::int
FROM daily_reach
WHERE dimension = 'material' AND day BETWEEN $1 AND $2
GROUP BY GROUPING SETS ((key, month), (key));

-- name: GroupViews
-- Views and unique viewers per key of dimension $3 ('centre' or 'role').
SELECT key, sum(views)::int, bit_count(varbit_union(viewers))::int
FROM daily_reach
WHERE dimension = $3 AND day BETWEEN $1 AND $2
GROUP BY key;

-- name: ClicksByPosition
SELECT key::int, sum(opens)::int
FROM daily_reach
WHERE dimension = 'position' AND day BETWEEN $1 AND $2
GROUP BY 1 ORDER BY 1;

-- name: SearchCounts
-- The searches made, and how many of them opened a material.
SELECT count(*)::int, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM material_views v WHERE v.search_id = s.id))::int
FROM searches s
WHERE s.occurred_at >= $1 AND s.occurred_at < $2;

-- name: TopQueries
-- The $3 most searched queries, with their average number of results.
SELECT query, count(*)::int, avg(result_count)::float8
FROM searches s
WHERE s.occurred_at >= $1 AND s.occurred_at < $2
GROUP BY query ORDER BY 2 DESC, 1 LIMIT $3;

-- name: QueriesWithoutResults
SELECT query, count(*)::int, 0::float8
FROM searches s
WHERE s.occurred_at >= $1 AND s.occurred_at < $2 AND result_count = 0
GROUP BY query ORDER BY 2 DESC, 1 LIMIT $3;

-- name: QueriesWithoutOpens
-- Queries with results of which no material was opened.
SELECT query, count(*)::int, avg(result_count)::float8
FROM searches s
WHERE s.occurred_at >= $1 AND s.occurred_at < $2 AND result_count > 0
  AND NOT EXISTS (SELECT 1 FROM material_views v WHERE v.search_id = s.id)
GROUP BY query ORDER BY 2 DESC, 1 LIMIT $3;
