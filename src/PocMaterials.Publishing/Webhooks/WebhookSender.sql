-- One attempt of a webhook delivery: claimed, then recorded in the delivery log (or released when the host stops).
-- Leases are on the database's clock, the one all hosts share: a lease written by one host and read by another must
-- not depend on how far their clocks differ.

-- name: Claim
-- Claims delivery $1 for an attempt leased for $2 (an interval): a pending delivery whose time has come (give or take
-- a job scheduler running a few seconds early), or one whose attempt was lost with its host. No row when there is
-- nothing to send, or its receiver was deleted.
UPDATE webhook_deliveries d
SET status = 'sending', attempts = d.attempts + 1, lease_until = now() + $2
FROM webhook_endpoints e
WHERE d.id = $1 AND e.id = d.endpoint_id
  AND (d.status = 'pending' AND d.next_attempt_at <= now() + interval '5 seconds'
       OR d.status = 'sending' AND d.lease_until < now())
RETURNING d.attempts, d.message_id, d.payload, e.url, e.secret;

-- name: Record
-- Logs attempt $2 of delivery $1: started at $3, it took $4 ms and was answered with status $5 (null: no answer) or
-- failed with error $6 (null: none). The delivery becomes $7 ('delivered', 'pending' or 'failed'), its next attempt
-- $8 (an interval) from now; unless a later attempt claimed it meanwhile.
WITH logged AS (
    INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)
    VALUES ($1, $2, $3, $4, $5::integer, $6::text)
    ON CONFLICT DO NOTHING)
UPDATE webhook_deliveries
SET status = $7, next_attempt_at = now() + $8, lease_until = NULL, last_status_code = $5, last_error = $6,
    delivered_at = CASE WHEN $7 = 'delivered' THEN now() END
WHERE id = $1 AND attempts = $2;

-- name: Release
-- Attempt $2 of delivery $1 did not finish (the host is stopping): it is given back, to be made again.
UPDATE webhook_deliveries SET status = 'pending', attempts = attempts - 1, lease_until = NULL
WHERE id = $1 AND attempts = $2 AND status = 'sending';
