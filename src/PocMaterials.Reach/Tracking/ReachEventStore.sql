-- name: InsertViewers
INSERT INTO viewers (pseudonym) SELECT unnest($1::text[]) ON CONFLICT (pseudonym) DO NOTHING;

-- name: SelectViewers
SELECT id, pseudonym FROM viewers WHERE pseudonym = ANY($1);

-- name: InsertSearches
-- Roles travel as one text[] of every event's roles, each event naming its slice: a row of
-- unnest cannot hold an array, and joining roles into one text would split a role that has a comma.
INSERT INTO searches (id, occurred_at, query, filters, result_count, viewer_id, roles, centre)
SELECT s.id, s.at, s.query, s.filters::jsonb, s.results, s.viewer, ($10::text[])[s.roles_from:s.roles_to], s.centre
FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::int[])
    AS s(id, at, query, filters, results, viewer, centre, roles_from, roles_to)
ON CONFLICT (id) DO NOTHING;

-- name: InsertViews
-- "maybe" is false when an earlier view in the same batch already falls in the window;
-- otherwise the database decides from the views already stored. Only rows really inserted
-- feed the daily figures, so a batch written twice is counted once.
WITH inserted AS (
INSERT INTO material_views (event_id, occurred_at, material_slug, faq_anchor, viewer_id, roles, centre, source,
                            search_id, result_position, counted)
SELECT v.id, v.at, v.slug, v.anchor, v.viewer, ($13::text[])[v.roles_from:v.roles_to], v.centre, v.source, v.search, v.position,
       v.maybe AND NOT EXISTS (
           SELECT 1 FROM material_views p
           WHERE p.viewer_id = v.viewer AND p.material_slug = v.slug
             AND p.occurred_at > v.at - $14::interval AND p.occurred_at <= v.at AND p.event_id <> v.id)
FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::uuid[],
            $9::int[], $10::bool[], $11::int[], $12::int[])
    AS v(id, at, slug, anchor, viewer, centre, source, search, position, maybe, roles_from, roles_to)
ORDER BY v.at
ON CONFLICT (event_id) DO NOTHING
RETURNING occurred_at, material_slug, viewer_id, roles, centre, source, result_position, counted),
facts AS (
    SELECT (occurred_at AT TIME ZONE $15)::date AS day, 'material' AS dimension, material_slug AS key, counted, viewer_id FROM inserted
    UNION ALL
    SELECT (occurred_at AT TIME ZONE $15)::date, 'centre', coalesce(centre, ''), counted, viewer_id FROM inserted
    UNION ALL
    SELECT (occurred_at AT TIME ZONE $15)::date, 'role', role, counted, viewer_id FROM inserted, unnest(roles) AS role
    UNION ALL
    SELECT (occurred_at AT TIME ZONE $15)::date, 'position', result_position::text, counted, viewer_id FROM inserted
    WHERE source = 'search' AND result_position IS NOT NULL)
INSERT INTO daily_reach (day, dimension, key, views, opens, viewers)
SELECT day, dimension, key, count(*) FILTER (WHERE counted), count(*), varbit_union(viewer_bit(viewer_id))
FROM facts GROUP BY day, dimension, key
ON CONFLICT (dimension, key, day) DO UPDATE SET
    views = daily_reach.views + excluded.views,
    opens = daily_reach.opens + excluded.opens,
    viewers = varbit_or(daily_reach.viewers, excluded.viewers);
