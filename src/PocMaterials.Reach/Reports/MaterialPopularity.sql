-- name: Views
-- Counted views by material from day $1 to day $2, most viewed first.
SELECT key, sum(views)::bigint AS views
FROM daily_reach
WHERE dimension = 'material' AND day BETWEEN $1 AND $2
GROUP BY key ORDER BY views DESC, key;
