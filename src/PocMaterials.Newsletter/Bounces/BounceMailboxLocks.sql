-- The bounce mailbox's locks: session-level advisory locks, so a killed host's lock goes with its connection.
-- $1 the locks' class, shared by every host; $2 which lock (1: reading the mailbox, 2: watching it by IDLE).

-- name: Wait
-- Waits for the lock: a reading waits for the one before it, then finds what that one left.
SELECT pg_advisory_lock($1, $2);

-- name: TryTake
SELECT pg_try_advisory_lock($1, $2);

-- name: Release
SELECT pg_advisory_unlock($1, $2);

-- name: Ping
-- Whether the lock's connection (and so the lock) is still there.
SELECT 1;
