-- name: LockImports
-- Imports run one at a time, so the counts of one are not mixed with another's rows; released at commit.
-- $1: the lock's key.
SELECT pg_advisory_xact_lock($1);

-- name: CreateImportTable
CREATE TEMP TABLE subscriber_import (
    line int NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    roles text[] NOT NULL,
    centre text
) ON COMMIT DROP;

-- name: CopyImport
COPY subscriber_import (line, email, name, roles, centre) FROM STDIN (FORMAT BINARY);

-- name: Upsert
-- Creates and updates from the import's rows; never touches who unsubscribed. $1: now.
-- One statement, one snapshot: "skipped" sees the subscribers as they were before this import.
-- Returns the counts: created, updated, skipped because unsubscribed.
WITH skipped AS (
    SELECT count(*) AS n
    FROM subscriber_import i JOIN newsletter_subscribers s ON s.email_key = lower(i.email)
    WHERE s.unsubscribed_at IS NOT NULL),
updated AS (
    UPDATE newsletter_subscribers s
    SET email = i.email, email_key = lower(i.email), name = i.name, roles = i.roles, centre = i.centre, updated_at = $1
    FROM subscriber_import i
    WHERE s.email_key = lower(i.email) AND s.unsubscribed_at IS NULL
      AND (s.email, s.name, s.roles, s.centre) IS DISTINCT FROM (i.email, i.name, i.roles, i.centre)
    RETURNING s.id),
created AS (
    INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre, created_at, updated_at)
    SELECT i.email, lower(i.email), i.name, i.roles, i.centre, $1, $1 FROM subscriber_import i
    WHERE NOT EXISTS (SELECT 1 FROM newsletter_subscribers s WHERE s.email_key = lower(i.email))
    ORDER BY i.line
    RETURNING id)
SELECT (SELECT count(*) FROM created)::int, (SELECT count(*) FROM updated)::int, (SELECT n FROM skipped)::int;

-- name: Unsubscribe
-- For good: a second call keeps the first moment. $1 the subscriber, $2 now.
UPDATE newsletter_subscribers SET unsubscribed_at = coalesce(unsubscribed_at, $2)
WHERE id = $1
RETURNING unsubscribed_at;

-- name: Get
SELECT id, email, name, roles, centre, unsubscribed_at
FROM newsletter_subscribers
WHERE id = $1;

-- name: ActiveAfter
-- A sender's next batch (keyset paging): $1 the last id handled, $2 the batch's size.
SELECT id, email, name, roles, centre, unsubscribed_at
FROM newsletter_subscribers
WHERE id > $1 AND unsubscribed_at IS NULL
ORDER BY id
LIMIT $2;

-- name: List
-- A page of the editors' list. $1: true for who unsubscribed (latest first), false for who did not, null for
-- everyone (by id); $2 the page's size, $3 the rows before it; $4 a text the address or name holds (any case), or null.
SELECT id, email, name, roles, centre, unsubscribed_at
FROM newsletter_subscribers
WHERE ($1::boolean IS NULL OR (unsubscribed_at IS NOT NULL) = $1)
  AND ($4::text IS NULL OR strpos(email_key, lower($4)) > 0 OR strpos(lower(name), lower($4)) > 0)
ORDER BY CASE WHEN $1 THEN unsubscribed_at END DESC NULLS LAST, id
LIMIT $2 OFFSET $3;

-- name: Count
-- The editors' list's total: the first value as in List, the second as List's fourth.
SELECT count(*)
FROM newsletter_subscribers
WHERE ($1::boolean IS NULL OR (unsubscribed_at IS NOT NULL) = $1)
  AND ($2::text IS NULL OR strpos(email_key, lower($2)) > 0 OR strpos(lower(name), lower($2)) > 0);
