-- POC-a-tizer subscribers: staff who receive the monthly newsletter by mail.
CREATE TABLE newsletter_subscribers (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email            text NOT NULL,             -- as last imported
    -- one subscriber per address, whatever its case; checked, so no writer can get it wrong
    email_key        text NOT NULL UNIQUE CHECK (email_key = lower(email)),
    name             text NOT NULL,
    roles            text[] NOT NULL,           -- role ids of taxonomy.yml: what the mail may show
    centre           text,                      -- centre id of taxonomy.yml: for reach per centre
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    unsubscribed_at  timestamptz                -- for good: no import clears it
);

