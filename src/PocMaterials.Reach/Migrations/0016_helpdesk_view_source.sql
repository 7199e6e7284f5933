-- A material opened from a helpdesk answer's mail (?source=helpdesk) is a view of its own source.
ALTER TABLE material_views DROP CONSTRAINT material_views_source_check;
ALTER TABLE material_views ADD CONSTRAINT material_views_source_check
    CHECK (source IN ('search', 'related', 'newsletter', 'direct', 'helpdesk'));
