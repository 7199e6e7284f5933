-- name: Remember
-- $1 the subject, $2 its name; a name that did not change is no write.
INSERT INTO staff_names (subject, name) VALUES ($1, $2)
ON CONFLICT (subject) DO UPDATE SET name = EXCLUDED.name WHERE staff_names.name IS DISTINCT FROM EXCLUDED.name;

-- name: NamesOf
-- The names of the subjects $1 (text[]) that have one.
SELECT subject, name FROM staff_names WHERE subject = ANY($1);
