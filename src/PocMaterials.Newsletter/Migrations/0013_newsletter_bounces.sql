-- Bounces and complaints read from the bounce mailbox, each about one delivery, and the addresses they suppressed.
CREATE TABLE newsletter_bounces (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the bounce message's Message-ID (or a digest of its headers): a message read twice is counted once
    message_key    text NOT NULL UNIQUE,
    subscriber_id  bigint NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
    issue_id       bigint REFERENCES newsletter_issues (id) ON DELETE SET NULL,
    kind           text NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
    status         text,                       -- the delivery status code, e.g. 5.1.1
    diagnostic     text,                       -- what the receiving server answered, as the report quotes it
    received_at    timestamptz NOT NULL
);
CREATE INDEX newsletter_bounces_subscriber ON newsletter_bounces (subscriber_id, received_at);
CREATE INDEX newsletter_bounces_issue ON newsletter_bounces (issue_id);

-- An address no issue is sent to until an editor reactivates it; reactivations are kept, and soft bounces count
-- only after the latest one.
CREATE TABLE newsletter_suppressions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber_id   bigint NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
    reason          text NOT NULL CHECK (reason IN ('hard-bounce', 'soft-bounces', 'complaint')),
    bounce_id       bigint REFERENCES newsletter_bounces (id) ON DELETE SET NULL,
    suppressed_at   timestamptz NOT NULL,
    reactivated_at  timestamptz,
    reactivated_by  text                        -- the editor's subject
);
CREATE UNIQUE INDEX newsletter_suppressions_active ON newsletter_suppressions (subscriber_id) WHERE reactivated_at IS NULL;
