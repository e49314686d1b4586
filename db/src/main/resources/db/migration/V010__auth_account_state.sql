-- Account state the login needs: a password that must be changed at the next log-in (one-time passwords from
-- `medoc users create-admin` and from an administrator's reset), and when the account last logged in and last
-- changed its password, for the administrators' Users view.
ALTER TABLE auth.app_user
    ADD COLUMN password_change_required boolean NOT NULL DEFAULT false,
    ADD COLUMN password_changed_at      timestamptz,
    ADD COLUMN last_login_at            timestamptz;
