-- The delivery of each recipient of an issue: a row is claimed ('sending') and committed before its mail goes out,
-- and settled with the server's answer after it.

-- name: MarkAbandonedUncertain
-- Rows a killed run left claimed. $1 the issue, $2 now.
UPDATE newsletter_deliveries SET status = 'uncertain', updated_at = $2
WHERE issue_id = $1 AND status = 'sending';

-- name: Candidates
-- Who may be a recipient of a run, by id: subscribed before $1 (a resend reaches no newer subscribers) and not
-- unsubscribed. Ids only, read once per run; Pending checks the rest a batch at a time.
SELECT id FROM newsletter_subscribers WHERE unsubscribed_at IS NULL AND created_at <= $1 ORDER BY id;

-- name: Pending
-- Of the subscribers $2, by id, those to be sent the issue now: still subscribed, not suppressed by bounces, without a
-- delivery row or with one deferred before this run started; none once the issue is no longer being sent (an editor
-- cancelled it). $1 the issue, $3 subscribed before, $4 when the run started.
SELECT s.id, s.email, s.name, s.roles, s.centre
FROM newsletter_subscribers s
WHERE s.id = ANY ($2) AND s.unsubscribed_at IS NULL AND s.created_at <= $3
  AND NOT EXISTS (SELECT 1 FROM newsletter_suppressions x WHERE x.subscriber_id = s.id AND x.reactivated_at IS NULL)
  AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.id = $1 AND i.status IN ('sending', 'sent'))
  AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.issue_id = $1 AND d.subscriber_id = s.id
                  AND NOT (d.status = 'deferred' AND d.updated_at < $4))
ORDER BY s.id;

-- name: Skip
-- Records that recipients may see nothing of the issue: no mail. A new row, or a deferred one (its materials changed
-- meanwhile). $1 the issue, $2 the recipients (jsonb: subscriber_id, roles, centre), $3 now. Returns whom.
INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles, centre)
SELECT $1, r.subscriber_id, 'skipped', $3, r.roles, r.centre
FROM jsonb_to_recordset($2) AS r (subscriber_id bigint, roles text[], centre text)
ON CONFLICT (issue_id, subscriber_id) DO UPDATE
    SET status = EXCLUDED.status, updated_at = $3, roles = EXCLUDED.roles, centre = EXCLUDED.centre
    WHERE newsletter_deliveries.status = 'deferred'
RETURNING subscriber_id;

-- name: Record
-- In one statement, so in one commit: how claimed mails went, and the next recipients claimed ('sending': a new row,
-- or a deferred one taken again); returns who was claimed. The answers as arrays, one element per mail: $2 subscriber
-- ids, $3 statuses, $4 attempts, $5 the server's answers. $1 the issue, $6 the recipients to claim (jsonb:
-- subscriber_id, roles, centre), $7 now. A run claims a recipient once, so no row is both answered and claimed.
-- "= ANY ($2)" has the answered rows found by both columns of the primary key, whatever the plan: planned on a near
-- empty table (the start of a send), the join alone read every delivery of the issue for each commit.
WITH answered AS (
    UPDATE newsletter_deliveries d
    SET status = a.status, attempts = a.attempts, server_response = a.response, updated_at = $7,
        sent_at = CASE WHEN a.status = 'sent' THEN $7 END
    FROM unnest($2::bigint[], $3::text[], $4::integer[], $5::text[]) AS a (subscriber_id, status, attempts, response)
    WHERE d.issue_id = $1 AND d.subscriber_id = ANY ($2) AND d.subscriber_id = a.subscriber_id AND d.status = 'sending'
    RETURNING d.subscriber_id)
INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles, centre)
SELECT $1, r.subscriber_id, 'sending', $7, r.roles, r.centre
FROM jsonb_to_recordset($6) AS r (subscriber_id bigint, roles text[], centre text)
ON CONFLICT (issue_id, subscriber_id) DO UPDATE
    SET status = EXCLUDED.status, updated_at = $7, roles = EXCLUDED.roles, centre = EXCLUDED.centre
    WHERE newsletter_deliveries.status = 'deferred'
RETURNING subscriber_id;

-- name: Count
-- $1 the issue, $2 the status (or null: every delivery).
SELECT count(*) FROM newsletter_deliveries WHERE issue_id = $1 AND ($2::text IS NULL OR status = $2);

-- name: ReleaseUncertain
-- An editor's decision to send an uncertain mail again: the row becomes deferred, which every later run of the issue
-- tries again (a run that started before this goes on without it, and leaves it to the next). Not for a cancelled
-- issue. $1 the issue, $2 the subscriber, $3 now.
UPDATE newsletter_deliveries SET status = 'deferred', updated_at = $3, server_response = 'sent again at an editor''s request'
WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'uncertain'
  AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.id = $1 AND i.status <> 'cancelled');

-- name: List
-- A page of the editors' list, by subscriber id. $1 the issue, $2 only this status (or null), $3 the page's size, $4 the
-- rows before it.
SELECT d.subscriber_id, s.email, s.name, d.status, d.attempts, d.updated_at, d.server_response
FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id
WHERE d.issue_id = $1 AND ($2::text IS NULL OR d.status = $2)
ORDER BY d.subscriber_id
LIMIT $3 OFFSET $4;
