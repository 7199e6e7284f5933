-- "Was dit nuttig?": staff's votes on a material or one of its FAQ answers. Pseudonymous like reach: the viewer is the
-- keyed hash of the subject (viewers), never a name or a subject. One vote per viewer, material and answer per 30 days,
-- counted from the first: a vote within them replaces it. Roles and centre are kept as views keep them, and the day
-- of the vote, so figures per theme (from the material), month, role and centre can be counted for reports.
CREATE TABLE material_feedback (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    material_slug   text NOT NULL,
    faq_anchor      text NOT NULL DEFAULT '',  -- '': the material itself, else the anchor of a FAQ question
    viewer_id       integer NOT NULL REFERENCES viewers (id),
    first_voted_at  timestamptz NOT NULL,      -- the start of the 30 days in which a vote replaces this one
    voted_at        timestamptz NOT NULL,      -- the last change
    helpful         boolean NOT NULL,
    reason          text CHECK (reason IN ('verouderd', 'onvolledig', 'niet-wat-ik-zocht', 'onduidelijk')),
    comment         text CHECK (char_length(comment) <= 500),
    roles           text[] NOT NULL,
    centre          text,
    CHECK (helpful = (reason IS NULL)),
    CHECK (comment IS NULL OR NOT helpful)
);
CREATE INDEX material_feedback_viewer ON material_feedback (viewer_id, material_slug, faq_anchor, first_voted_at);
CREATE INDEX material_feedback_material ON material_feedback (material_slug, voted_at);
CREATE INDEX material_feedback_voted_at ON material_feedback (voted_at) INCLUDE (material_slug, faq_anchor, helpful, reason);
