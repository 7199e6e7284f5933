-- The receivers editors configured (webhook_endpoints) and the delivery log. Columns are read by name.

-- name: CreateEndpoint
-- $1 url, $2 event types, $3 roles, $4 the secret as stored (encrypted), $5 description (or null), $6 its creator.
INSERT INTO webhook_endpoints (url, events, roles, secret, description, created_by)
VALUES ($1, $2, $3, $4, $5::text, $6)
RETURNING id, url, events, roles, description, created_at, created_by;

-- name: PlainSecrets
-- Secrets stored in plain text by versions before encryption: they start with the secrets' prefix ($1).
SELECT id, secret FROM webhook_endpoints WHERE starts_with(secret, $1);

-- name: ProtectSecret
-- $1 the receiver, $2 its secret encrypted, $3 the plain secret it replaces: another host's encryption stays.
UPDATE webhook_endpoints SET secret = $2 WHERE id = $1 AND secret = $3;

-- name: Endpoints
SELECT id, url, events, roles, description, created_at, created_by
FROM webhook_endpoints
ORDER BY id;

-- name: FindEndpoint
SELECT id, url, events, roles, description, created_at, created_by
FROM webhook_endpoints
WHERE id = $1;

-- name: DeleteEndpoint
-- Its deliveries and their attempts go with it.
DELETE FROM webhook_endpoints WHERE id = $1;

-- name: AddDelivery
-- $1 the receiver, $2 the message's id, $3 its event type, $4 its material's slug (null for webhook.test), $5 its body,
-- $6 when the event occurred.
INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, slug, payload, status, created_at)
VALUES ($1, $2, $3, $4::text, $5, 'pending', $6)
RETURNING id;

-- name: Deliveries
-- The latest $2 deliveries to receiver $1, newest first, each with its attempts as arrays in the order they were made.
-- The next attempt's time is only given while one is to come.
SELECT d.id, d.message_id, d.event_type, d.slug, d.status, d.attempts, d.last_status_code, d.last_error, d.created_at,
       CASE WHEN d.status IN ('pending', 'sending') THEN d.next_attempt_at END AS next_attempt_at,
       d.delivered_at,
       coalesce(array_agg(a.attempt ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}') AS attempt_numbers,
       coalesce(array_agg(a.started_at ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}') AS attempt_started_ats,
       coalesce(array_agg(a.duration_ms ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}') AS attempt_durations_ms,
       coalesce(array_agg(a.status_code ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}') AS attempt_status_codes,
       coalesce(array_agg(a.error ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}') AS attempt_errors
FROM (SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY id DESC LIMIT $2) d
LEFT JOIN webhook_attempts a ON a.delivery_id = d.id
GROUP BY d.id, d.message_id, d.event_type, d.slug, d.status, d.attempts, d.last_status_code, d.last_error, d.created_at,
         d.next_attempt_at, d.delivered_at
ORDER BY d.id DESC;

-- name: Overdue
-- Unfinished deliveries due more than $1 (an interval) ago: pending, or sending on a lease that ran out that long ago.
SELECT id FROM webhook_deliveries
WHERE status IN ('pending', 'sending') AND next_attempt_at < now() - $1
  AND (status = 'pending' OR lease_until < now() - $1)
ORDER BY id LIMIT 1000;
