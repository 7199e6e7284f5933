-- The benchmark's PostgreSQL full-text search: the synthetic materials with a generated tsvector over title,
-- summary and body ('dutch' configuration, weighted A, B, C) and a GIN index, searched as the engine is.

-- name: DropTable
DROP TABLE IF EXISTS bench_materials;

-- name: CreateTable
CREATE TABLE bench_materials (
    slug text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    body text NOT NULL,
    type text NOT NULL,
    core_processes text[] NOT NULL,
    themes text[] NOT NULL,
    domains text[] NOT NULL,
    roles text[] NOT NULL,
    published date,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', title), 'A')
        || setweight(to_tsvector('dutch', summary), 'B')
        || setweight(to_tsvector('dutch', body), 'C')) STORED
);

-- name: Copy
COPY bench_materials (slug, title, summary, body, type, core_processes, themes, domains, roles, published)
FROM STDIN (FORMAT BINARY);

-- name: CreateIndex
CREATE INDEX bench_materials_document ON bench_materials USING gin (document);

-- name: Analyze
ANALYZE bench_materials;

-- name: Search
-- $1 the query text, $2 true for "every word" (plainto_tsquery), false for "any word" (the same lexemes ORed);
-- $3 the viewer's roles, $4 whether the viewer sees everything (editor), $5 today; $6..$9 the filters (null: none).
-- Ranked with ts_rank_cd; the top 10 with the count of every match and a ts_headline of the body.
SELECT slug, rank, total, ts_headline('dutch', body, query) AS snippet
FROM (
    SELECT m.slug, m.body, q.query, ts_rank_cd(m.document, q.query) AS rank, count(*) OVER () AS total
    FROM bench_materials m,
        (SELECT CASE WHEN $2 THEN p ELSE replace(p::text, ' & ', ' | ')::tsquery END AS query
         FROM plainto_tsquery('dutch', $1) AS p) AS q
    WHERE m.document @@ q.query
        AND ($4 OR (m.roles && $3 AND m.published <= $5))
        AND ($6::text[] IS NULL OR m.type = ANY ($6))
        AND ($7::text[] IS NULL OR m.core_processes && $7)
        AND ($8::text[] IS NULL OR m.themes && $8)
        AND ($9::text[] IS NULL OR m.domains && $9)
    ORDER BY rank DESC
    LIMIT 10
) AS top
ORDER BY rank DESC;
