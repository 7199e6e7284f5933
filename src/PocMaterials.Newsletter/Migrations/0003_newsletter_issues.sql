-- POC-a-tizer issues: one per month, composed by the monthly job, sent once an editor approves.
CREATE TABLE newsletter_issues (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    month           date NOT NULL UNIQUE CHECK (extract(day FROM month) = 1),   -- composing a month twice finds this row
    feature_kind    text NOT NULL CHECK (feature_kind IN ('theme', 'core_process')),
    feature_id      text NOT NULL,
    feature_reason  text NOT NULL,             -- planned in newsletter.yml, or why it was picked
    intro_markdown  text NOT NULL,             -- the feature's introduction, as an editor may have edited it
    composition     jsonb NOT NULL,            -- material slugs per group; titles are read from the content when rendered
    status          text NOT NULL CHECK (status IN ('composed', 'approved', 'sending', 'sent', 'stopped', 'cancelled')),
    composed_at     timestamptz NOT NULL,
    approved_at     timestamptz,
    approved_by     text,
    cancelled_at    timestamptz,
    sent_at         timestamptz,
    note            text                       -- why it waits (a late schedule) or why sending stopped
);

-- One row per subscriber an issue was meant for. A row is claimed ('sending') before its mail goes
-- out and settled after, so a killed run leaves 'sending' rows that the next run marks uncertain
-- instead of sending them again. 'deferred': transient failures used up this run's tries; a later
-- run tries again.
CREATE TABLE newsletter_deliveries (
    issue_id         bigint NOT NULL REFERENCES newsletter_issues (id),
    subscriber_id    bigint NOT NULL REFERENCES newsletter_subscribers (id),
    status           text NOT NULL CHECK (status IN ('sending', 'sent', 'deferred', 'failed', 'uncertain', 'skipped')),
    attempts         integer NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    server_response  text,                     -- the SMTP server's answer to a failed mail
    roles            text[] NOT NULL,          -- the subscriber's, when the mail was made: reports by role and centre
    centre           text,
    PRIMARY KEY (issue_id, subscriber_id)
) WITH (fillfactor = 80);
-- No index on status: the settle after each mail then updates its row in place (a HOT update), and
-- listing one issue's deliveries by status reads the primary key's range of that issue.

-- Opens, clicks and archive reads. Requests from mail scanners and privacy proxies are kept, marked
-- automated, and left out of the figures.
CREATE TABLE newsletter_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id       bigint NOT NULL REFERENCES newsletter_issues (id),
    subscriber_id  bigint REFERENCES newsletter_subscribers (id),   -- null for a web archive reader
    kind           text NOT NULL CHECK (kind IN ('open', 'click', 'archive_view')),
    link           text,                                            -- for clicks: the material slug or the link's address
    occurred_at    timestamptz NOT NULL,
    automated      boolean NOT NULL,
    roles          text[] NOT NULL,
    centre         text
);
CREATE INDEX newsletter_events_issue ON newsletter_events (issue_id, kind);
