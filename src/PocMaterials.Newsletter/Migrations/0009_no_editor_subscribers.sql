-- An import no longer accepts the role redacteur for a subscriber: with it, the mail listed drafts and every
-- role's materials. Subscribers imported with it before keep their other roles (clb-medewerker at least).
UPDATE newsletter_subscribers SET roles = array_remove(roles, 'redacteur'), updated_at = now() WHERE 'redacteur' = ANY (roles);
