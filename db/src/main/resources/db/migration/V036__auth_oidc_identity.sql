-- Accounts of users who sign in through the centre's OpenID Connect provider (optional OIDC login): the provider's
-- issuer and its subject identifier ("sub", stable, never reassigned) name the person; the user name may change at the
-- provider, the pair does not. A local account has neither. Such an account has no usable local password: its
-- password_hash is the bcrypt hash of a random secret nobody was given.
ALTER TABLE auth.app_user
    ADD COLUMN oidc_issuer  text CHECK (length(oidc_issuer) BETWEEN 1 AND 2000),
    ADD COLUMN oidc_subject text CHECK (length(oidc_subject) BETWEEN 1 AND 255),
    ADD CONSTRAINT app_user_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL)),
    ADD CONSTRAINT app_user_oidc_identity_unique UNIQUE (oidc_issuer, oidc_subject);
