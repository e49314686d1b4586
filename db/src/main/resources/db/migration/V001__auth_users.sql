-- Staff accounts and their roles. Passwords are bcrypt hashes ({bcrypt} prefix, Spring Security's
-- DelegatingPasswordEncoder format); anonymous visitors need no account.
CREATE SCHEMA auth;

CREATE TABLE auth.app_user (
    username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash text        NOT NULL,
    full_name     text,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auth.user_role (
    username text NOT NULL REFERENCES auth.app_user (username) ON DELETE CASCADE,
    role     text NOT NULL CHECK (role IN ('PLANNER', 'GOLF_OPERATOR', 'RELEASE_MANAGER', 'ARCHIVIST', 'ADMIN')),
    PRIMARY KEY (username, role)
);
