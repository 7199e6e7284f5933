-- The history of content files. A version's columns come in the order ContentVersions.Read takes them:
-- version, etag, author, summary, created_at; and then its text where that is asked for.

-- name: List
-- $1: the document ('material/<slug>', 'theme/<id>', 'taxonomy', ...).
SELECT version, etag, author, summary, created_at
FROM content_versions
WHERE document = $1
ORDER BY version DESC;

-- name: LatestETags
-- $1: the documents (an array); a document without history gives no row.
SELECT DISTINCT ON (document) document, etag
FROM content_versions
WHERE document = ANY($1)
ORDER BY document, version DESC;

-- name: Get
-- $1: the document, $2: the version's number.
SELECT version, etag, author, summary, created_at, text
FROM content_versions
WHERE document = $1 AND version = $2;

-- name: Lock
-- The lock of document $1, shared by every host on the database, held until the transaction ends.
SELECT pg_advisory_xact_lock(hashtextextended('content:' || $1, 0));

-- name: Move
-- Gives the versions of document $1 to document $2, numbered after the versions $2 has.
UPDATE content_versions
SET document = $2, version = version + coalesce((SELECT max(version) FROM content_versions WHERE document = $2), 0)
WHERE document = $1;
