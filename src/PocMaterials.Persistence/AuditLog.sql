-- name: Append
-- $1 actor, $2 action, $3 target, $4 HTTP status, $5 the caller's address (or null).
INSERT INTO audit_log (actor, action, target, status, address) VALUES ($1, $2, $3, $4, $5::text);

-- name: Latest
-- With the actor's name, when a sign-in gave one.
SELECT occurred_at, actor, action, target, status, address, staff_names.name
FROM audit_log
LEFT JOIN staff_names ON staff_names.subject = audit_log.actor
ORDER BY occurred_at DESC, audit_log.id DESC
LIMIT $1;
