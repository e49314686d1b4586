-- Periodic fixity check of the files of published releases (ARCHITECTURE: every stored file is re-verified).
-- One row per checked file, the last result; files never checked come first in the next batch.
CREATE TABLE releases.fixity_status (
    release_id      bigint      NOT NULL,
    package_path    text        NOT NULL,
    checked_at      timestamptz NOT NULL,
    ok              boolean     NOT NULL,
    actual_sha256   char(64),
    actual_size     bigint,
    detail          text,
    PRIMARY KEY (release_id, package_path),
    FOREIGN KEY (release_id, package_path) REFERENCES releases.release_file (release_id, package_path)
);

CREATE INDEX fixity_status_checked_idx ON releases.fixity_status (checked_at);
CREATE INDEX fixity_status_failed_idx ON releases.fixity_status (release_id) WHERE NOT ok;
