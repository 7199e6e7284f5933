-- How far the send of an issue is.

-- name: Counts
-- An issue's deliveries by status, the recipients still waiting (active, not suppressed, subscribed before the approval,
-- without a delivery), its bounces, and the mails sent in the last five minutes and the first of them (the current
-- pace). $1 the issue, $2 now.
SELECT count(d.*) FILTER (WHERE d.status = 'sent'),
       count(d.*) FILTER (WHERE d.status = 'sending'),
       count(d.*) FILTER (WHERE d.status = 'deferred'),
       count(d.*) FILTER (WHERE d.status = 'failed'),
       count(d.*) FILTER (WHERE d.status = 'uncertain'),
       count(d.*) FILTER (WHERE d.status = 'skipped'),
       (SELECT count(*) FROM newsletter_subscribers s
        WHERE s.unsubscribed_at IS NULL AND s.created_at <= coalesce(i.approved_at, $2)
          AND NOT EXISTS (SELECT 1 FROM newsletter_suppressions x WHERE x.subscriber_id = s.id AND x.reactivated_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries w WHERE w.issue_id = i.id AND w.subscriber_id = s.id)),
       (SELECT count(*) FROM newsletter_bounces b WHERE b.issue_id = i.id),
       count(d.*) FILTER (WHERE d.status = 'sent' AND d.sent_at > $2 - interval '5 minutes'),
       min(d.sent_at) FILTER (WHERE d.status = 'sent' AND d.sent_at > $2 - interval '5 minutes')
FROM newsletter_issues i
LEFT JOIN newsletter_deliveries d ON d.issue_id = i.id
WHERE i.id = $1
GROUP BY i.id, i.approved_at;
