-- Learning from use: (word, target) pairs an editor dismissed, so they are not proposed again. No viewer and no
-- editor is kept here: reach stays pseudonymous, and who dismissed it is in the audit log.
CREATE TABLE dismissed_aliases (
    word          text NOT NULL,              -- normalised as searches.query is: lower case, single spaces
    target        text NOT NULL,              -- the id of a taxonomy term or theme
    dismissed_at  timestamptz NOT NULL,
    PRIMARY KEY (word, target)
);

-- The reformulation search looks up a viewer's next searches by time.
CREATE INDEX searches_viewer_time ON searches (viewer_id, occurred_at);
