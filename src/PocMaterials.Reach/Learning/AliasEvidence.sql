-- Learning from use: what searches and views say about words and materials. Periods are instants ($1 included,
-- $2 not).

-- name: Evidence
-- Each search that taught something, as (word, material, the query that found it, viewer, roles): (a) a search
-- nobody opened anything from, followed within $3 by the same viewer's first other search from which a material
-- was opened (every material opened from it); (b) a search from which a material was opened, found by the word
-- itself (found_with NULL). Only pairs of a word and material with at least $4 distinct viewers come back; the
-- ranker decides what is visible and what it names.
WITH unopened AS (
    SELECT s.id, s.viewer_id, s.query, s.occurred_at
    FROM searches s
    WHERE s.occurred_at >= $1 AND s.occurred_at < $2
      AND NOT EXISTS (SELECT 1 FROM material_views v WHERE v.search_id = s.id)),
reformulated AS (
    SELECT u.query AS word, v.material_slug AS slug, n.query AS found_with, u.viewer_id, v.roles
    FROM unopened u
    CROSS JOIN LATERAL (
        SELECT s.id, s.query
        FROM searches s
        WHERE s.viewer_id = u.viewer_id AND s.occurred_at > u.occurred_at AND s.occurred_at <= u.occurred_at + $3::interval
          AND s.query <> u.query AND EXISTS (SELECT 1 FROM material_views v WHERE v.search_id = s.id)
        ORDER BY s.occurred_at LIMIT 1) n
    JOIN material_views v ON v.search_id = n.id),
opened AS (
    SELECT s.query AS word, v.material_slug AS slug, NULL::text AS found_with, s.viewer_id, v.roles
    FROM searches s JOIN material_views v ON v.search_id = s.id
    WHERE s.occurred_at >= $1 AND s.occurred_at < $2),
evidence AS (
    SELECT * FROM reformulated UNION ALL SELECT * FROM opened)
SELECT word, slug, found_with, viewer_id, roles, count(*)::int
FROM evidence
WHERE (word, slug) IN (SELECT word, slug FROM evidence GROUP BY word, slug HAVING count(DISTINCT viewer_id) >= $4)
GROUP BY word, slug, found_with, viewer_id, roles;

-- name: Dismissed
SELECT word, target FROM dismissed_aliases;

-- name: Dismiss
INSERT INTO dismissed_aliases (word, target, dismissed_at) VALUES ($1, $2, $3)
ON CONFLICT (word, target) DO NOTHING;
