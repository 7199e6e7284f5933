-- The name each editor is known by, from their sign-in (an OpenID Connect provider's name claim, the development
-- sign-in page): versions, approvals and the audit log keep the token subject and are shown with this name. Reach
-- tracking never reads it: reach stays pseudonymous.
CREATE TABLE staff_names (
    subject  text PRIMARY KEY,
    name     text NOT NULL
);
