-- name: Lock
-- $1: the lock's key, shared by every instance.
SELECT pg_advisory_lock($1);

-- name: Unlock
SELECT pg_advisory_unlock($1);

-- name: CreateMigrationsTable
CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- name: AppliedVersions
SELECT version FROM schema_migrations;

-- name: RecordApplied
INSERT INTO schema_migrations (version, name) VALUES ($1, $2);
