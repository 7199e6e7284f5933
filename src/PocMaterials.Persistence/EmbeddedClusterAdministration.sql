-- The superuser's statements on the embedded cluster. Roles, passwords and databases cannot be parameters,
-- so the queries named Format... return the statement to run, its names and passwords quoted by format()
-- (%I an identifier, %L a literal).

-- name: RoleExists
SELECT 1 FROM pg_roles WHERE rolname = $1;

-- name: FormatSetPassword
-- $1: the role, $2: its new password.
SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text);

-- name: FormatCreateRole
SELECT format('CREATE ROLE %I LOGIN', $1::text);

-- name: FormatRestrictRole
-- Takes away every power the application's role should not have, and sets its password ($2).
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', $1::text, $2::text);

-- name: DatabaseExists
SELECT 1 FROM pg_database WHERE datname = $1;

-- name: FormatCreateDatabase
-- $1: the database, $2: its owner.
SELECT format('CREATE DATABASE %I OWNER %I', $1::text, $2::text);

-- name: FormatGiveDatabase
SELECT format('ALTER DATABASE %I OWNER TO %I', $1::text, $2::text);

-- name: FormatDropDatabase
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', $1::text);

-- name: FormatHandOverObjects
-- One statement a row giving role $1 what role $2 owns in this database: its schemas and their tables,
-- sequences, views and functions. A sequence that belongs to a column moves with its table.
SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, $1::text)
FROM pg_namespace n
WHERE n.nspowner = $2::text::regrole AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
UNION ALL
SELECT format('ALTER %s %I.%I OWNER TO %I',
    CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
    n.nspname, c.relname, $1::text)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relowner = $2::text::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend d
      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
UNION ALL
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.proowner = $2::text::regrole AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema';
