-- What the relay was handed lately, for its limits per minute, hour and day.

-- name: Use
-- When each mail of the last day was handed to the relay (sent; claimed and in flight; or uncertain, which a killed run
-- may have handed over), over every issue and host; of the running issue only those from before this run started, which
-- counts its own. $1 now, $2 the issue, $3 when the run started.
SELECT coalesce(sent_at, updated_at)
FROM newsletter_deliveries
WHERE ((status = 'sent' AND sent_at > $1 - interval '1 day')
       OR (status IN ('sending', 'uncertain') AND updated_at > $1 - interval '1 day'))
  AND NOT (issue_id = $2 AND coalesce(sent_at, updated_at) >= $3)
ORDER BY 1;
