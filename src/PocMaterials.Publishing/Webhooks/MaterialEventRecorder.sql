-- What webhooks last announced of each material, shared by every host: a host that sees a change compares it with
-- this, under the lock of the material's slug. No row: the material does not exist (or never did).

-- name: Announced
SELECT slug, fingerprint, visible FROM webhook_material_states;

-- name: LockSlug
-- The lock of slug $2 among the locks of class $1, held until the transaction ends.
SELECT pg_advisory_xact_lock($1, hashtext($2));

-- name: State
SELECT fingerprint, visible, roles, material FROM webhook_material_states WHERE slug = $1;

-- name: SaveState
-- $1 slug, $2 fingerprint, $3 visible, $4 roles, $5 the material's payload as JSON text.
INSERT INTO webhook_material_states (slug, fingerprint, visible, roles, material)
VALUES ($1, $2, $3, $4, $5::jsonb)
ON CONFLICT (slug) DO UPDATE
SET fingerprint = $2, visible = $3, roles = $4, material = $5::jsonb, recorded_at = now();

-- name: ForgetState
DELETE FROM webhook_material_states WHERE slug = $1;
