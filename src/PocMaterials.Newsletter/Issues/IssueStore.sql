-- The issues of the POC-a-tizer. Every statement returns the whole issue, read by column name.
-- Status changes are conditional updates: of two editors or jobs, one wins.

-- name: AddOnce
-- Nothing when the month has an issue already that is not cancelled.
-- $1 month, $2 feature kind, $3 feature id, $4 why this feature, $5 intro, $6 composition (jsonb), $7 status,
-- $8 composed at, $9 approved at, $10 approved by, $11 note (the last three may be null).
INSERT INTO newsletter_issues (
    month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status, composed_at,
    approved_at, approved_by, note)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::text, $11::text)
ON CONFLICT (month) WHERE status <> 'cancelled' DO NOTHING
RETURNING id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
    composed_at, approved_at, approved_by, cancelled_at, sent_at, note;

-- name: GetByMonth
-- The month's one issue that is not cancelled.
SELECT id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
    composed_at, approved_at, approved_by, cancelled_at, sent_at, note
FROM newsletter_issues
WHERE month = $1 AND status <> 'cancelled';

-- name: GetById
SELECT id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
    composed_at, approved_at, approved_by, cancelled_at, sent_at, note
FROM newsletter_issues
WHERE id = $1;

-- name: List
-- Newest month first, and of a month the newest issue (a cancelled month composed again) first. $1: only months
-- before this one (or null), $2: only this status (or null), $3: how many.
SELECT id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
    composed_at, approved_at, approved_by, cancelled_at, sent_at, note
FROM newsletter_issues
WHERE ($1::date IS NULL OR month < $1) AND ($2::text IS NULL OR status = $2)
ORDER BY month DESC, id DESC
LIMIT $3;

-- name: Transition
-- $1 the issue, $2 the statuses it may be in (text[]), $3 the new status, $4 the editor (or null), $5 the note
-- (or null), $6 now: the moment of the new status.
UPDATE newsletter_issues SET
    status = $3,
    approved_at = CASE WHEN $3 = 'approved' THEN $6 ELSE approved_at END,
    approved_by = CASE WHEN $3 = 'approved' THEN $4::text ELSE approved_by END,
    cancelled_at = CASE WHEN $3 = 'cancelled' THEN $6 ELSE cancelled_at END,
    sent_at = CASE WHEN $3 = 'sent' THEN $6 ELSE sent_at END,
    note = $5::text
WHERE id = $1 AND status = ANY ($2)
RETURNING id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
    composed_at, approved_at, approved_by, cancelled_at, sent_at, note;

-- name: EditIntro
-- Only while the issue is not being sent yet.
UPDATE newsletter_issues SET intro_markdown = $2
WHERE id = $1 AND status IN ('composed', 'approved')
RETURNING id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
    composed_at, approved_at, approved_by, cancelled_at, sent_at, note;
