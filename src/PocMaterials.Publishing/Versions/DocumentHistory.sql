-- The versions of one document, in the transaction that holds its lock (see ContentVersions.sql).

-- name: Latest
-- $1: the document. A version's columns as ContentVersions.Read takes them, then its text.
SELECT version, etag, author, summary, created_at, text
FROM content_versions
WHERE document = $1
ORDER BY version DESC
LIMIT 1;

-- name: Record
-- The next version of document $1: $2 its ETag and $3 its text (both null when it removed the file), $4 its author,
-- $5 its summary.
INSERT INTO content_versions (document, version, etag, text, author, summary)
SELECT $1, coalesce(max(version), 0) + 1, $2::text, $3::text, $4, $5
FROM content_versions
WHERE document = $1
RETURNING version;
