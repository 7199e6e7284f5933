-- The delivery of each recipient of an issue: a row is claimed ('sending') before its mail goes out and settled
-- after it.

-- name: MarkAbandonedUncertain
-- Rows a killed run left claimed. $1 the issue, $2 now.
UPDATE newsletter_deliveries SET status = 'uncertain', updated_at = $2
WHERE issue_id = $1 AND status = 'sending';

-- name: Pending
-- The next recipients of a run, by subscriber id: active subscribers without a delivery row, or with one deferred
-- before this run started; none once the issue is no longer being sent (an editor cancelled it).
-- $1 the issue, $2 the last subscriber id handed out, $3 how many, $4 subscribed before (a resend reaches no
-- newer subscribers), $5 when the run started.
SELECT s.id, s.email, s.name, s.roles, s.centre
FROM newsletter_subscribers s
WHERE s.id > $2 AND s.unsubscribed_at IS NULL AND s.created_at <= $4
  AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.id = $1 AND i.status IN ('sending', 'sent'))
  AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.issue_id = $1 AND d.subscriber_id = s.id
                  AND NOT (d.status = 'deferred' AND d.updated_at < $5))
ORDER BY s.id
LIMIT $3;

-- name: Insert
-- Claims (status 'sending') or skips recipients: a new row, or a deferred one taken again; returns whom.
-- Rows as JSON: each has its own array of roles, which unnest() of arrays cannot carry.
-- $1 the issue, $2 the status, $3 the recipients (jsonb: subscriber_id, roles, centre), $4 now.
INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles, centre)
SELECT $1, r.subscriber_id, $2, $4, r.roles, r.centre
FROM jsonb_to_recordset($3) AS r (subscriber_id bigint, roles text[], centre text)
ON CONFLICT (issue_id, subscriber_id) DO UPDATE
    SET status = EXCLUDED.status, updated_at = $4, roles = EXCLUDED.roles, centre = EXCLUDED.centre
    WHERE newsletter_deliveries.status = 'deferred'
RETURNING subscriber_id;

-- name: Count
-- $1 the issue, $2 the status.
SELECT count(*) FROM newsletter_deliveries WHERE issue_id = $1 AND status = $2;

-- name: Settle
-- How claimed mails went, one array element per mail: $2 subscriber ids, $3 statuses, $4 attempts, $5 the
-- server's answers (null when sent). $1 the issue, $6 now.
UPDATE newsletter_deliveries d
SET status = s.status, attempts = s.attempts, server_response = s.response, updated_at = $6,
    sent_at = CASE WHEN s.status = 'sent' THEN $6 END
FROM unnest($2::bigint[], $3::text[], $4::integer[], $5::text[]) AS s (subscriber_id, status, attempts, response)
WHERE d.issue_id = $1 AND d.subscriber_id = s.subscriber_id AND d.status = 'sending';

-- name: ReleaseUncertain
-- $1 the issue, $2 the subscriber.
DELETE FROM newsletter_deliveries
WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'uncertain';

-- name: List
-- For editors, by subscriber id. $1 the issue, $2 only this status (or null), $3 how many.
SELECT d.subscriber_id, s.email, s.name, d.status, d.attempts, d.updated_at, d.server_response
FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id
WHERE d.issue_id = $1 AND ($2::text IS NULL OR d.status = $2)
ORDER BY d.subscriber_id
LIMIT $3;
