-- Bounces read from the mailbox and the suppressions they lead to.

-- name: Record
-- A bounce, once per message; nothing for a subscriber or issue that no longer exists. $1 message key, $2 subscriber,
-- $3 issue, $4 kind, $5 status, $6 diagnostic, $7 now. Returns its id when it is new.
INSERT INTO newsletter_bounces (message_key, subscriber_id, issue_id, kind, status, diagnostic, received_at)
SELECT $1, s.id, (SELECT i.id FROM newsletter_issues i WHERE i.id = $3), $4, $5, $6, $7
FROM newsletter_subscribers s
WHERE s.id = $2
ON CONFLICT (message_key) DO NOTHING
RETURNING id;

-- name: SuppressIfDue
-- Suppresses the bounce's address when it is due: at once for a hard bounce or a complaint, for soft bounces once
-- $3 of them fell within $4 days (after the latest reactivation). $1 the bounce, $2 now. Returns the reason.
INSERT INTO newsletter_suppressions (subscriber_id, reason, bounce_id, suppressed_at)
SELECT b.subscriber_id,
       CASE b.kind WHEN 'hard' THEN 'hard-bounce' WHEN 'complaint' THEN 'complaint' ELSE 'soft-bounces' END,
       b.id, $2
FROM newsletter_bounces b
WHERE b.id = $1
  AND (b.kind <> 'soft'
       OR (SELECT count(*) FROM newsletter_bounces o
           WHERE o.subscriber_id = b.subscriber_id AND o.kind = 'soft'
             AND o.received_at > $2 - make_interval(days => $4)
             AND o.received_at > coalesce((SELECT max(r.reactivated_at) FROM newsletter_suppressions r
                                           WHERE r.subscriber_id = b.subscriber_id), '-infinity')) >= $3)
ON CONFLICT (subscriber_id) WHERE reactivated_at IS NULL DO NOTHING
RETURNING reason;

-- name: Suppressed
-- The addresses suppressed now, latest first, with the bounce that decided it. $1 offset, $2 how many.
SELECT s.id, s.email, s.name, x.reason, x.suppressed_at, b.status, b.diagnostic, b.issue_id, count(*) OVER () AS total
FROM newsletter_suppressions x
JOIN newsletter_subscribers s ON s.id = x.subscriber_id
LEFT JOIN newsletter_bounces b ON b.id = x.bounce_id
WHERE x.reactivated_at IS NULL
ORDER BY x.suppressed_at DESC, x.id DESC
OFFSET $1 LIMIT $2;

-- name: Reactivate
-- An editor sends to the address again. $1 the subscriber, $2 now, $3 the editor. Returns the lifted reason.
UPDATE newsletter_suppressions SET reactivated_at = $2, reactivated_by = $3
WHERE subscriber_id = $1 AND reactivated_at IS NULL
RETURNING reason;

-- name: IssueCounts
-- An issue's bounces by kind, and the addresses they suppressed. $1 the issue.
SELECT count(*) FILTER (WHERE b.kind = 'hard') AS hard,
       count(*) FILTER (WHERE b.kind = 'soft') AS soft,
       count(*) FILTER (WHERE b.kind = 'complaint') AS complaints,
       (SELECT count(*) FROM newsletter_suppressions x JOIN newsletter_bounces y ON y.id = x.bounce_id
        WHERE y.issue_id = $1) AS suppressed
FROM newsletter_bounces b
WHERE b.issue_id = $1;
