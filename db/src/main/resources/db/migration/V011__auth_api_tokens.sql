-- Personal API tokens for scripts (sent as `Authorization: Bearer`). Only the SHA-256 of a token is stored: the
-- token itself is shown once, when it is made. A revoked token keeps its row (revoked_at) so the owner and the
-- administrators can still see what it was and when it stopped.
CREATE TABLE auth.api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username     text        NOT NULL REFERENCES auth.app_user (username) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    token_sha256 bytea       NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    -- the last characters of the token, so its owner can tell tokens apart
    token_hint   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);

CREATE INDEX api_token_username ON auth.api_token (username);
