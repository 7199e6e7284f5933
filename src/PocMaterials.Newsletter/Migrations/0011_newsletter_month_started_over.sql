-- A cancelled month can be started over: composing it again makes a new issue, and the cancelled one stays as
-- history. A month still has at most one issue that is not cancelled, so composing it twice finds that one.
ALTER TABLE newsletter_issues DROP CONSTRAINT newsletter_issues_month_key;
CREATE UNIQUE INDEX newsletter_issues_month_once ON newsletter_issues (month) WHERE status <> 'cancelled';
