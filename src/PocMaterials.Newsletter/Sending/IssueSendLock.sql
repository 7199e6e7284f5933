-- The send lock of an issue: a session-level advisory lock, so a killed process's lock goes with its connection.
-- $1 the lock's class, shared by every instance; $2 the issue.

-- name: TryLock
SELECT pg_try_advisory_lock($1, $2);

-- name: Unlock
SELECT pg_advisory_unlock($1, $2);

-- name: Ping
-- Whether the lock's connection survived an outage.
SELECT 1;
