-- name: Lock
-- $1: 'attachment <slug>/<name>'. Shared by every host on the database, held until the transaction ends.
SELECT pg_advisory_xact_lock(hashtextextended($1, 0));
