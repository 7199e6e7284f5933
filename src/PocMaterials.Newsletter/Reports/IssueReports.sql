-- What one issue reached. Every statement takes the issue as $1. Opens and clicks count readers only: rows marked
-- automated (mail scanners, privacy proxies) are given apart. A click counts as an open (images may be blocked).
-- The figures per centre and per role (...ByCentre, ...ByRole) return pairs: the centre ('' for none) or role, and
-- the figure. A delivery keeps the roles and centre its subscriber had when the mail was made, and so do its opens
-- and clicks.

-- name: Statuses
-- Mails per delivery status.
SELECT status, count(*) FROM newsletter_deliveries WHERE issue_id = $1 GROUP BY status;

-- name: Totals
-- Readers who opened (or clicked), clicks, readers who clicked, archive views, scanners' opens and clicks.
SELECT count(DISTINCT subscriber_id) FILTER (WHERE NOT automated AND kind IN ('open', 'click')),
       coalesce(sum(count) FILTER (WHERE NOT automated AND kind = 'click'), 0)::bigint,
       count(DISTINCT subscriber_id) FILTER (WHERE NOT automated AND kind = 'click'),
       coalesce(sum(count) FILTER (WHERE NOT automated AND kind = 'archive_view'), 0)::bigint,
       coalesce(sum(count) FILTER (WHERE automated AND kind = 'open'), 0)::bigint,
       coalesce(sum(count) FILTER (WHERE automated AND kind = 'click'), 0)::bigint
FROM newsletter_events
WHERE issue_id = $1;

-- name: Links
-- Clicks and readers who clicked, per link, most clicked first.
SELECT link, sum(count)::bigint AS clicks, count(DISTINCT subscriber_id)
FROM newsletter_events
WHERE issue_id = $1 AND kind = 'click' AND NOT automated
GROUP BY link
ORDER BY clicks DESC, link;

-- name: SentByCentre
SELECT coalesce(centre, ''), count(*)
FROM newsletter_deliveries
WHERE issue_id = $1 AND status = 'sent'
GROUP BY 1;

-- name: OpensByCentre
SELECT coalesce(centre, ''), count(DISTINCT subscriber_id)
FROM newsletter_events
WHERE issue_id = $1 AND NOT automated AND kind IN ('open', 'click')
GROUP BY 1;

-- name: ClicksByCentre
SELECT coalesce(centre, ''), sum(count)::bigint
FROM newsletter_events
WHERE issue_id = $1 AND NOT automated AND kind = 'click'
GROUP BY 1;

-- name: SentByRole
SELECT role, count(*)
FROM newsletter_deliveries CROSS JOIN LATERAL unnest(roles) AS role
WHERE issue_id = $1 AND status = 'sent'
GROUP BY 1;

-- name: OpensByRole
SELECT role, count(DISTINCT subscriber_id)
FROM newsletter_events CROSS JOIN LATERAL unnest(roles) AS role
WHERE issue_id = $1 AND NOT automated AND kind IN ('open', 'click')
GROUP BY 1;

-- name: ClicksByRole
SELECT role, sum(count)::bigint
FROM newsletter_events CROSS JOIN LATERAL unnest(roles) AS role
WHERE issue_id = $1 AND NOT automated AND kind = 'click'
GROUP BY 1;
