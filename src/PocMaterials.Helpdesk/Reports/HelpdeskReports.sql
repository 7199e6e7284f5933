-- name: Figures
-- The questions asked from $1 up to $2 (instants), counted per theme, core process, channel, centre and role ('' for none;
-- a question counts once for each of its roles) and in total: questions, answered ones, minutes spent, satisfaction
-- scores and their mean, when the answered ones were asked and first answered (pairs in the same order), and how many
-- became a FAQ question.
WITH asked AS (SELECT * FROM helpdesk_questions WHERE asked_at >= $1 AND asked_at < $2),
keyed AS (
    SELECT 'theme' AS dimension, theme AS key, asked.* FROM asked
    UNION ALL SELECT 'core_process', coalesce(core_process, ''), asked.* FROM asked
    UNION ALL SELECT 'channel', channel, asked.* FROM asked
    UNION ALL SELECT 'centre', coalesce(centre, ''), asked.* FROM asked
    UNION ALL SELECT 'role', role, asked.* FROM asked, unnest(asked.roles) AS role
    UNION ALL SELECT 'total', '', asked.* FROM asked)
SELECT dimension, key, count(*)::int, count(first_answered_at)::int, coalesce(sum(minutes), 0)::int, count(satisfaction)::int,
    avg(satisfaction)::float8,
    array_agg(asked_at ORDER BY id) FILTER (WHERE first_answered_at IS NOT NULL),
    array_agg(first_answered_at ORDER BY id) FILTER (WHERE first_answered_at IS NOT NULL),
    count(faq_slug)::int
FROM keyed
GROUP BY dimension, key;
