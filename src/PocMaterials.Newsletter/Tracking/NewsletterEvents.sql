-- name: Delivery
-- The sent mail an open or click belongs to. $1 the issue, $2 the subscriber.
SELECT roles, centre, sent_at
FROM newsletter_deliveries
WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'sent';

-- name: Record
-- A mail's repeated open or click adds to its row's count: links in mails are unauthenticated, so a row per
-- request would let anyone grow the table. An archive view (no subscriber) is a row of its own.
-- $1 the issue, $2 the subscriber (or null), $3 the kind, $4 the link (or null), $5 when, $6 automated,
-- $7 the roles, $8 the centre (or null).
INSERT INTO newsletter_events (issue_id, subscriber_id, kind, link, first_at, last_at, automated, roles, centre)
VALUES ($1, $2::bigint, $3, $4::text, $5, $5, $6, $7, $8::text)
ON CONFLICT (issue_id, subscriber_id, kind, (coalesce(link, '')), automated) WHERE subscriber_id IS NOT NULL
DO UPDATE SET count = newsletter_events.count + 1, last_at = greatest(newsletter_events.last_at, EXCLUDED.last_at);

-- name: MergeMovedClicks
-- A rename moves the clicks on the old slug ($1) to the new one ($2): this and the next two statements, in one
-- batch. A reader who clicked both slugs has a row for each: they are merged, as reach merges its daily figures.
UPDATE newsletter_events n
SET count = n.count + o.count, first_at = least(n.first_at, o.first_at), last_at = greatest(n.last_at, o.last_at)
FROM newsletter_events o
WHERE o.kind = 'click' AND o.link = $1 AND n.kind = 'click' AND n.link = $2
  AND n.issue_id = o.issue_id AND n.subscriber_id = o.subscriber_id AND n.automated = o.automated;

-- name: DeleteMergedClicks
-- The old slug's rows just merged.
DELETE FROM newsletter_events o
WHERE o.kind = 'click' AND o.link = $1 AND EXISTS (
    SELECT 1 FROM newsletter_events n
    WHERE n.kind = 'click' AND n.link = $2
      AND n.issue_id = o.issue_id AND n.subscriber_id = o.subscriber_id AND n.automated = o.automated);

-- name: MoveClicks
-- The old slug's other rows.
UPDATE newsletter_events SET link = $2 WHERE kind = 'click' AND link = $1;
