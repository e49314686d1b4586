-- The objects `medoc storage migrate` has copied to another store and verified there (read back, hash compared), so
-- that a rerun after an interruption skips them without reading them again. A row names the target store by its
-- location (s3://bucket/prefix/ or file:/path), so a later migration to another place starts afresh.
CREATE TABLE archive.storage_copy (
    target      text        NOT NULL,
    storage_key text        NOT NULL,
    sha256      char(64)    NOT NULL,
    size_bytes  bigint      NOT NULL,
    verified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (target, storage_key)
);
