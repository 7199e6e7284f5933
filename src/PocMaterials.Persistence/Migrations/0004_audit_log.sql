-- Every management action (publishing, newsletter, subscribers): who, what, when, from where.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,               -- the editor's token subject
    action       text NOT NULL,               -- method and route, e.g. 'PUT /api/materials/{slug}'
    target       text NOT NULL,               -- the path acted on
    status       integer NOT NULL,            -- the answer given
    address      text                         -- the client's address
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at DESC);
