-- Helpdesk questions. What editors read never holds the asker (viewer key, address): only whether an address is known.
-- Filters of a list: $1 the theme, $2 asked from, $3 asked before, $4 the status; each null for any.

-- name: Insert
-- $1 asked at, $2 channel, $3 question, $4 theme, $5 core process, $6 material, $7 roles, $8 centre, $9 the asker's
-- viewer key, $10 the asker's address, $11 the registering editor, $12 minutes spent.
INSERT INTO helpdesk_questions (asked_at, channel, question, theme, core_process, material_slug, roles, centre, asker,
    asker_email, registered_by, minutes)
VALUES ($1, $2, $3, $4, $5::text, $6::text, $7, $8::text, $9::text, $10::text, $11::text, $12::integer)
RETURNING id;

-- name: Get
SELECT id, asked_at, channel, question, theme, core_process, material_slug, roles, centre, registered_by, minutes, status,
    answer, answer_materials, first_answered_at, answered_at, answered_by, satisfaction, satisfied_at, faq_slug, faq_anchor,
    asker_email IS NOT NULL
FROM helpdesk_questions WHERE id = $1;

-- name: List
-- A page of the list ($5 rows after the first $6): open ones first, then the newest.
SELECT id, asked_at, channel, question, theme, core_process, material_slug, roles, centre, registered_by, minutes, status,
    answer, answer_materials, first_answered_at, answered_at, answered_by, satisfaction, satisfied_at, faq_slug, faq_anchor,
    asker_email IS NOT NULL
FROM helpdesk_questions
WHERE ($1::text IS NULL OR theme = $1) AND ($2::timestamptz IS NULL OR asked_at >= $2)
  AND ($3::timestamptz IS NULL OR asked_at < $3) AND ($4::text IS NULL OR status = $4)
ORDER BY status = 'open' DESC, asked_at DESC, id DESC
LIMIT $5 OFFSET $6;

-- name: Count
SELECT count(*)::int FROM helpdesk_questions
WHERE ($1::text IS NULL OR theme = $1) AND ($2::timestamptz IS NULL OR asked_at >= $2)
  AND ($3::timestamptz IS NULL OR asked_at < $3) AND ($4::text IS NULL OR status = $4);

-- name: Texts
-- What similar questions are found among: the newest $5 questions of the filter.
SELECT id, question, asked_at, status FROM helpdesk_questions
WHERE ($1::text IS NULL OR theme = $1) AND ($2::timestamptz IS NULL OR asked_at >= $2)
  AND ($3::timestamptz IS NULL OR asked_at < $3) AND ($4::text IS NULL OR status = $4)
ORDER BY asked_at DESC, id DESC
LIMIT $5;

-- name: Answered
-- When the filter's answered questions were asked and first answered (answer times count working hours, see WorkingHours).
SELECT asked_at, first_answered_at FROM helpdesk_questions
WHERE first_answered_at IS NOT NULL AND ($1::text IS NULL OR theme = $1) AND ($2::timestamptz IS NULL OR asked_at >= $2)
  AND ($3::timestamptz IS NULL OR asked_at < $3) AND ($4::text IS NULL OR status = $4);

-- name: Lock
-- Question $1's status and asker's address, its row locked for an answer.
SELECT status, asker_email FROM helpdesk_questions WHERE id = $1 FOR UPDATE;

-- name: Answer
-- $1 the question, $2 the answer, $3 its materials, $4 minutes spent (null: kept), $5 now, $6 the editor.
UPDATE helpdesk_questions
SET status = 'answered', answer = $2, answer_materials = $3, minutes = coalesce($4::integer, minutes),
    first_answered_at = coalesce(first_answered_at, $5), answered_at = $5, answered_by = $6
WHERE id = $1;

-- name: SetStatus
-- Question $1 closed or reopened ($2).
UPDATE helpdesk_questions SET status = $2 WHERE id = $1 RETURNING id;

-- name: SetMinutes
UPDATE helpdesk_questions SET minutes = $2::integer WHERE id = $1 RETURNING id;

-- name: Satisfaction
-- The asker's score $2 at $3 of answered question $1; a later one replaces it.
UPDATE helpdesk_questions SET satisfaction = $2, satisfied_at = $3 WHERE id = $1 AND answer IS NOT NULL RETURNING id;

-- name: Faq
-- Question $1 became the FAQ question $3 of material $2.
UPDATE helpdesk_questions SET faq_slug = $2, faq_anchor = $3 WHERE id = $1 RETURNING id;

-- name: Move
-- A renamed material ($1 to $2): the questions about it, the answers linking it and the FAQ questions in it follow.
UPDATE helpdesk_questions
SET material_slug = CASE WHEN material_slug = $1 THEN $2 ELSE material_slug END,
    answer_materials = array_replace(answer_materials, $1, $2),
    faq_slug = CASE WHEN faq_slug = $1 THEN $2 ELSE faq_slug END
WHERE material_slug = $1 OR $1 = ANY (answer_materials) OR faq_slug = $1;
