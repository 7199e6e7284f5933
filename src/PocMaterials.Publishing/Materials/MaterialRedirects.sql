-- name: Target
-- $1: a slug; its row says what the material is called now.
SELECT new_slug FROM material_redirects WHERE old_slug = $1;

-- name: Forget
DELETE FROM material_redirects WHERE old_slug = $1;

-- name: Repoint
-- A rename of $1 to $2: the redirects that led to $1 lead to $2, so no redirect leads to another.
UPDATE material_redirects SET new_slug = $2 WHERE new_slug = $1;

-- name: Add
-- $1: the old slug, $2: the new one.
INSERT INTO material_redirects (old_slug, new_slug) VALUES ($1, $2)
ON CONFLICT (old_slug) DO UPDATE SET new_slug = excluded.new_slug, created_at = now();
