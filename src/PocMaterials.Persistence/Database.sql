-- name: CountMigrations
-- The health check's question: it needs the database to answer, and tells how far it is migrated.
SELECT count(*) FROM schema_migrations;
