-- Every version of every content file changed through the API or on disk: who, when and what. The
-- files stay the source of truth; this is their history, so editors can compare and restore.
CREATE TABLE content_versions (
    document    text NOT NULL,                -- 'material/<slug>', 'theme/<id>', 'taxonomy', 'contacts', 'newsletter-calendar'
    version     integer NOT NULL,             -- 1, 2, ... per document
    etag        text,                         -- of the file's bytes; null when this version removed the file
    text        text,                         -- the file as written; null when this version removed the file
    author      text NOT NULL,                -- the editor's token subject, or 'file system' for a change made on disk
    summary     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document, version)
);

-- The old slugs of renamed materials: links to them keep working through a redirect.
CREATE TABLE material_redirects (
    old_slug    text PRIMARY KEY,
    new_slug    text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX material_redirects_new_slug ON material_redirects (new_slug);
