-- Webhooks: receivers editors configured, what they were last told about each material, and every
-- delivery with its attempts.
CREATE TABLE webhook_endpoints (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url          text NOT NULL,
    events       text[] NOT NULL,              -- the event types it receives
    roles        text[] NOT NULL,              -- whom its receiver serves: it hears only of materials these roles may see
    secret       text NOT NULL,                -- whsec_<base64>: signs every request; shown once, at creation
    description  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL
);

-- The state of each material as webhooks last announced it, shared by every host: a host that sees a
-- file change compares it with this row (under a lock per slug), so the hosts that all see the same
-- change announce it once. No row: the material does not exist (or never did).
CREATE TABLE webhook_material_states (
    slug         text PRIMARY KEY,
    fingerprint  text NOT NULL,                -- SHA-256 of the material as parsed (front matter and body)
    visible      boolean NOT NULL,             -- published and its date reached, when recorded
    roles        text[] NOT NULL,
    material     jsonb NOT NULL,               -- the metadata a payload carries, for unpublished and removed events
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id      bigint NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    message_id       text NOT NULL UNIQUE,     -- webhook-id: the same on every attempt, for the receiver's deduplication
    event_type       text NOT NULL,
    slug             text,                     -- null for webhook.test
    payload          text NOT NULL,            -- the exact body, signed anew at every attempt
    status           text NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_until      timestamptz,              -- while 'sending': after this, the attempt counts as lost (a killed host)
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id DESC);
-- The periodic sweep looks only at unfinished deliveries.
CREATE INDEX webhook_deliveries_unfinished ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE webhook_attempts (
    delivery_id  bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      integer NOT NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  integer NOT NULL,
    status_code  integer,                      -- null when no answer came (timeout, refused connection)
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
