-- "Was dit nuttig?": votes on a material ($2, the slug) or one of its FAQ answers ($3, the anchor; '' the material).

-- name: Lock
-- One vote per viewer, material and answer is decided at a time: two at once would each find none to replace.
SELECT pg_advisory_xact_lock(hashtextextended($1 || '/' || $2 || '#' || $3, 0));

-- name: InsertViewer
INSERT INTO viewers (pseudonym) VALUES ($1) ON CONFLICT (pseudonym) DO NOTHING;

-- name: Vote
-- The viewer's vote of the 30 days from its first ($4 is now) is replaced; otherwise one is added, and only then is a
-- row returned, so the caller knows a new vote from a change.
WITH viewer AS (SELECT id FROM viewers WHERE pseudonym = $1),
replaced AS (
    UPDATE material_feedback f SET voted_at = $4, helpful = $5, reason = $6::text, comment = $7::text, roles = $8, centre = $9::text
    WHERE f.id = (
        SELECT p.id FROM material_feedback p JOIN viewer ON p.viewer_id = viewer.id
        WHERE p.material_slug = $2 AND p.faq_anchor = $3 AND p.first_voted_at > $4 - interval '30 days'
        ORDER BY p.first_voted_at DESC LIMIT 1)
    RETURNING f.id)
INSERT INTO material_feedback (material_slug, faq_anchor, viewer_id, first_voted_at, voted_at, helpful, reason, comment, roles, centre)
SELECT $2, $3, viewer.id, $4, $4, $5, $6::text, $7::text, $8, $9::text FROM viewer
WHERE NOT EXISTS (SELECT 1 FROM replaced)
RETURNING id;

-- name: Mine
-- The viewer's ($1) votes on a material ($2) that a vote now ($3) would replace, as Vote picks them: per answer, the
-- latest of those within 30 days from their first.
SELECT DISTINCT ON (f.faq_anchor) f.faq_anchor, f.helpful, f.reason, f.comment, f.voted_at
FROM material_feedback f JOIN viewers v ON v.id = f.viewer_id
WHERE v.pseudonym = $1 AND f.material_slug = $2 AND f.first_voted_at > $3 - interval '30 days'
ORDER BY f.faq_anchor, f.first_voted_at DESC;

-- name: Counts
-- Votes cast or changed from $2 up to $3 (instants), of one material ($1) or all (NULL), per material, answer, month
-- (in time zone $4), helpfulness and reason.
SELECT material_slug, faq_anchor, date_trunc('month', voted_at AT TIME ZONE $4)::date, helpful, reason, count(*)::int
FROM material_feedback
WHERE ($1::text IS NULL OR material_slug = $1) AND voted_at >= $2 AND voted_at < $3
GROUP BY 1, 2, 3, 4, 5;

-- name: LatestComments
-- A material's latest comments of the period: what was said, never by whom.
SELECT faq_anchor, reason, comment, voted_at
FROM material_feedback
WHERE material_slug = $1 AND comment IS NOT NULL AND voted_at >= $2 AND voted_at < $3
ORDER BY voted_at DESC, id DESC
LIMIT $4;

-- name: Move
-- A renamed material's votes follow it (slug $1 to $2).
UPDATE material_feedback SET material_slug = $2 WHERE material_slug = $1;
