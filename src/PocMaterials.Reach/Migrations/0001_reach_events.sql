-- Reach tracking: what staff view and search. Viewers are pseudonymous (a keyed hash of the
-- subject, made by the application); the raw identity is never stored.

-- Pseudonyms get a compact key: unique-viewer counts over millions of events sort integers, not text.
CREATE TABLE viewers (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pseudonym  text NOT NULL UNIQUE
);

CREATE TABLE searches (
    id            uuid PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    query         text NOT NULL,              -- normalised: trimmed, lower case, single spaces
    filters       jsonb NOT NULL,
    result_count  integer NOT NULL,
    viewer_id     integer NOT NULL REFERENCES viewers (id),
    roles         text[] NOT NULL,
    centre        text
);
CREATE INDEX searches_occurred_at ON searches (occurred_at);

CREATE TABLE material_views (
    event_id         uuid PRIMARY KEY,        -- written again after an outage, still stored once
    occurred_at      timestamptz NOT NULL,
    material_slug    text NOT NULL,
    faq_anchor       text,
    viewer_id        integer NOT NULL REFERENCES viewers (id),
    roles            text[] NOT NULL,
    centre           text,
    source           text NOT NULL CHECK (source IN ('search', 'related', 'newsletter', 'direct')),
    search_id        uuid,                    -- the search this view followed, if any
    result_position  integer,
    counted          boolean NOT NULL         -- false: the same viewer saw the same material in the 30 minutes before
);
CREATE INDEX material_views_occurred_at ON material_views (occurred_at) INCLUDE (material_slug, viewer_id, counted, centre, roles);
CREATE INDEX material_views_viewer_material ON material_views (viewer_id, material_slug, occurred_at);
CREATE INDEX material_views_search ON material_views (search_id) WHERE search_id IS NOT NULL;

-- Viewer sets as bit strings: bit n is viewer n. Unique viewers over any days are the bits set in
-- the union of the days' sets, so reports never count distinct over raw events.
CREATE FUNCTION varbit_or(a varbit, b varbit) RETURNS varbit LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (a || repeat('0', greatest(0, length(b) - length(a)))::varbit) | (b || repeat('0', greatest(0, length(a) - length(b)))::varbit)
$$;
CREATE AGGREGATE varbit_union(varbit) (SFUNC = varbit_or, STYPE = varbit, PARALLEL = SAFE);
CREATE FUNCTION viewer_bit(id integer) RETURNS varbit LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (repeat('0', id) || '1')::varbit
$$;

-- Kept forever, written with every batch of views: per day (Europe/Brussels) and per material,
-- centre ('' for viewers without one), role, and search result position.
CREATE TABLE daily_reach (
    day        date NOT NULL,
    dimension  text NOT NULL CHECK (dimension IN ('material', 'centre', 'role', 'position')),
    key        text NOT NULL,
    views      integer NOT NULL,              -- counted views (the 30-minute rule applied)
    opens      integer NOT NULL,              -- every view, repeats included
    viewers    varbit NOT NULL,
    PRIMARY KEY (dimension, key, day)
);
