-- name: Append
-- $1 actor, $2 action, $3 target, $4 HTTP status, $5 the caller's address (or null).
INSERT INTO audit_log (actor, action, target, status, address) VALUES ($1, $2, $3, $4, $5::text);

-- name: Latest
SELECT occurred_at, actor, action, target, status, address
FROM audit_log
ORDER BY occurred_at DESC, id DESC
LIMIT $1;
