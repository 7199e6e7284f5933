-- What one issue reached. Every statement takes the issue as $1, but those that count per centre and role and the
-- readers who left (Unsubscribed, ...ByCentre, ...ByRole) take an array of issues, so a school year's issues are counted
-- together (a reader who opened three of them is one reader). Opens and clicks count readers only: rows marked
-- automated (mail scanners, privacy proxies) are given apart. A click counts as an open (images may be blocked).
-- The figures per centre and per role return pairs: the centre ('' for none) or role, and the figure. A delivery keeps
-- the roles and centre its subscriber had when the mail was made, and so do its opens and clicks.

-- name: Statuses
-- Mails per delivery status.
SELECT status, count(*) FROM newsletter_deliveries WHERE issue_id = $1 GROUP BY status;

-- name: Unsubscribed
-- The centre and roles (as the delivery kept them) of each reader who unsubscribed after one of the issues reached them
-- and before a later one did: the issue they left after. A mail's unsubscribe link names the reader, not the issue, so an
-- older mail's link counts for the latest issue the reader got. One pass over the unsubscribed readers' deliveries.
SELECT coalesce(d.centre, ''), d.roles
FROM (SELECT d.issue_id, d.centre, d.roles,
             row_number() OVER (PARTITION BY d.subscriber_id ORDER BY d.sent_at DESC) AS latest
      FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id
      WHERE s.unsubscribed_at IS NOT NULL AND d.status = 'sent' AND d.sent_at <= s.unsubscribed_at) d
WHERE d.latest = 1 AND d.issue_id = ANY($1);

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
WHERE issue_id = ANY($1) AND status = 'sent'
GROUP BY 1;

-- name: OpensByCentre
SELECT coalesce(centre, ''), count(DISTINCT subscriber_id)
FROM newsletter_events
WHERE issue_id = ANY($1) AND NOT automated AND kind IN ('open', 'click')
GROUP BY 1;

-- name: ClicksByCentre
SELECT coalesce(centre, ''), sum(count)::bigint
FROM newsletter_events
WHERE issue_id = ANY($1) AND NOT automated AND kind = 'click'
GROUP BY 1;

-- name: SentByRole
SELECT role, count(*)
FROM newsletter_deliveries CROSS JOIN LATERAL unnest(roles) AS role
WHERE issue_id = ANY($1) AND status = 'sent'
GROUP BY 1;

-- name: OpensByRole
SELECT role, count(DISTINCT subscriber_id)
FROM newsletter_events CROSS JOIN LATERAL unnest(roles) AS role
WHERE issue_id = ANY($1) AND NOT automated AND kind IN ('open', 'click')
GROUP BY 1;

-- name: ClicksByRole
SELECT role, sum(count)::bigint
FROM newsletter_events CROSS JOIN LATERAL unnest(roles) AS role
WHERE issue_id = ANY($1) AND NOT automated AND kind = 'click'
GROUP BY 1;
