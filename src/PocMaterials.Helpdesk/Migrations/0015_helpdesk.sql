-- Helpdesk questions: asked by staff on the website, or registered by editors when they came by phone, mail or a
-- session, so every channel is counted alike. The asker is pseudonymous like reach: their viewer key (the keyed hash of
-- the subject), never the subject or a name. Their mail address is kept only to send the answer: no list or report
-- reads it.
CREATE TABLE helpdesk_questions (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at           timestamptz NOT NULL,
    channel            text NOT NULL CHECK (channel IN ('website', 'telefoon', 'mail', 'sessie')),
    question           text NOT NULL CHECK (char_length(question) BETWEEN 1 AND 2000),
    theme              text NOT NULL,
    core_process       text,
    material_slug      text,
    roles              text[] NOT NULL,
    centre             text,
    asker              text,                     -- the viewer key, for website questions only
    asker_email        text,                     -- only to send the answer
    registered_by      text,                     -- the editor's subject, for questions by phone, mail or a session
    minutes            integer CHECK (minutes BETWEEN 0 AND 600),
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
    answer             text,
    answer_materials   text[] NOT NULL DEFAULT '{}',
    first_answered_at  timestamptz,              -- how long answering took counts to the first answer, not a correction
    answered_at        timestamptz,
    answered_by        text,                     -- the editor's subject
    satisfaction       smallint CHECK (satisfaction BETWEEN 1 AND 5),
    satisfied_at       timestamptz,
    faq_slug           text,                     -- the FAQ question it became
    faq_anchor         text,
    CHECK ((faq_slug IS NULL) = (faq_anchor IS NULL)),
    CHECK ((channel = 'website') = (registered_by IS NULL))
);
CREATE INDEX helpdesk_questions_asked_at ON helpdesk_questions (asked_at);
CREATE INDEX helpdesk_questions_theme ON helpdesk_questions (theme, asked_at);

-- The mails of questions, a durable queue: the answer is recorded with its mail in one transaction, and a sender claims
-- the row ('sending', committed) before the mail goes out, so a mail is sent once: a failure the server answered goes
-- back to 'pending' for a later attempt, and a claim left by a host that died while sending becomes 'uncertain' rather
-- than being sent again. The message is kept as it was composed, so a later correction does not change an earlier mail.
CREATE TABLE helpdesk_mails (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id      bigint NOT NULL REFERENCES helpdesk_questions (id),
    kind             text NOT NULL CHECK (kind IN ('question', 'answer')),
    recipient        text NOT NULL,
    reply_to         text,
    subject          text NOT NULL,
    html             text NOT NULL,
    text_body        text NOT NULL,
    created_at       timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),  -- leases and retries on the database's clock, which all hosts share
    lease_until      timestamptz,
    sent_at          timestamptz,
    last_error       text
);
CREATE INDEX helpdesk_mails_due ON helpdesk_mails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX helpdesk_mails_question ON helpdesk_mails (question_id);
