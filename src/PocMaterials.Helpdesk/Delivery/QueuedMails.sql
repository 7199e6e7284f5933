-- The helpdesk's mails as a durable queue: a mail is recorded with what it is about, claimed ('sending', committed)
-- before it goes out, and settled with the server's answer after. Leases and retries are on the database's clock,
-- the one all hosts share.

-- name: Enqueue
-- In the transaction that records the question or answer: $1 the question, $2 the kind, $3 the recipient, $4 the
-- reply-to address (or null), $5 the subject, $6 the HTML, $7 the plain text, $8 now.
INSERT INTO helpdesk_mails (question_id, kind, recipient, reply_to, subject, html, text_body, created_at)
VALUES ($1, $2, $3, $4::text, $5, $6, $7, $8);

-- name: Abandon
-- Claims whose lease ran out: their host stopped while sending, so the server may have the mail. Never sent again.
UPDATE helpdesk_mails
SET status = 'uncertain', lease_until = NULL, last_error = 'the sending host stopped before the answer was recorded'
WHERE status = 'sending' AND lease_until < now()
RETURNING id;

-- name: Claim
-- The next mail that is due, claimed for $1 (an interval); another host's claim is skipped, not waited for.
UPDATE helpdesk_mails m SET status = 'sending', attempts = m.attempts + 1, lease_until = now() + $1
WHERE m.id = (SELECT id FROM helpdesk_mails WHERE status = 'pending' AND next_attempt_at <= now()
              ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING m.id, m.question_id, m.kind, m.recipient, m.reply_to, m.subject, m.html, m.text_body, m.attempts;

-- name: Sent
-- Mail $1 was accepted; $2 the server's answer. Also when its lease ran out meanwhile: it is sent, not uncertain.
UPDATE helpdesk_mails SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = $2
WHERE id = $1 AND status IN ('sending', 'uncertain');

-- name: Retry
-- Mail $1 was not taken for now ($2 why): it is due again after $3 (an interval).
UPDATE helpdesk_mails SET status = 'pending', next_attempt_at = now() + $3, lease_until = NULL, last_error = $2
WHERE id = $1 AND status = 'sending';

-- name: Fail
-- Mail $1 was refused for good, or ran out of attempts ($2 why).
UPDATE helpdesk_mails SET status = 'failed', lease_until = NULL, last_error = $2
WHERE id = $1 AND status = 'sending';

-- name: Resend
-- Mail $2 of question $1, uncertain, goes out again at an editor's request (it may have arrived: the editor chose), due now.
-- Only an uncertain one: a sent mail arrived, a failed one was refused.
UPDATE helpdesk_mails SET status = 'pending', next_attempt_at = now(), last_error = 'sent again at an editor''s request'
WHERE id = $2 AND question_id = $1 AND status = 'uncertain'
RETURNING id;

-- name: NextDue
-- How many seconds until the next pending mail is due (negative: overdue), or null when none waits.
SELECT extract(epoch FROM min(next_attempt_at) - now())::float8 FROM helpdesk_mails WHERE status = 'pending';

-- name: OfQuestion
-- The mails of question $1, oldest first: what editors see of them (never the recipient).
SELECT id, kind, status, attempts, created_at, sent_at FROM helpdesk_mails WHERE question_id = $1 ORDER BY id;
