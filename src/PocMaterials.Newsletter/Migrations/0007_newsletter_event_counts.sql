-- Opens and clicks come from mail links, unauthenticated: one row per issue, subscriber, kind, link and
-- automation, with a count and the first and last time, so repeating a request cannot grow the table.
-- Archive views (no subscriber) stay a row each: they come from signed-in staff.
ALTER TABLE newsletter_events ADD COLUMN count bigint NOT NULL DEFAULT 1, ADD COLUMN last_at timestamptz;
UPDATE newsletter_events SET last_at = occurred_at;
ALTER TABLE newsletter_events ALTER COLUMN last_at SET NOT NULL;
ALTER TABLE newsletter_events RENAME COLUMN occurred_at TO first_at;

-- Repeats recorded before: folded into the first row of each.
UPDATE newsletter_events e SET count = g.count, last_at = g.last_at
FROM (SELECT min(id) AS id, count(*) AS count, max(first_at) AS last_at FROM newsletter_events
      WHERE subscriber_id IS NOT NULL GROUP BY issue_id, subscriber_id, kind, link, automated HAVING count(*) > 1) g
WHERE e.id = g.id;
DELETE FROM newsletter_events e
WHERE e.subscriber_id IS NOT NULL AND e.id > (
    SELECT min(f.id) FROM newsletter_events f
    WHERE f.issue_id = e.issue_id AND f.subscriber_id = e.subscriber_id AND f.kind = e.kind
      AND f.link IS NOT DISTINCT FROM e.link AND f.automated = e.automated);

CREATE UNIQUE INDEX newsletter_events_once ON newsletter_events (issue_id, subscriber_id, kind, (coalesce(link, '')), automated)
    WHERE subscriber_id IS NOT NULL;
