-- Data releases (ARCHIVE_AND_RELEASES.md §5-§10): a collection ('spice', 'dem-maps') holds versions; each version
-- goes DRAFT -> FROZEN -> PUBLISHED (-> WITHDRAWN). Metadata and the selection rules are jsonb documents owned by the
-- release-manager module; the frozen file list is a table of its own. Nothing here is ever deleted.
CREATE SCHEMA releases;

CREATE TABLE releases.collection (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    title          text        NOT NULL,
    -- how catalog.csv is written: the columns the sospice reader requires (SPICE) or medoc's generic set
    catalog_format text        NOT NULL DEFAULT 'GENERIC' CHECK (catalog_format IN ('SPICE', 'GENERIC')),
    -- the concept DOI (or local identifier) of all versions, fixed at the collection's first publication
    concept_identifier text UNIQUE,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE releases.release (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collection          text        NOT NULL REFERENCES releases.collection (code),
    version             text        NOT NULL CHECK (version ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$'),
    state               text        NOT NULL CHECK (state IN ('DRAFT', 'FROZEN', 'PUBLISHED', 'WITHDRAWN')),
    metadata            jsonb       NOT NULL,
    selection           jsonb       NOT NULL,
    -- Markdown edited by the release manager; null = generated from the metadata
    release_notes       text,
    -- the DOI (identifier_type DOI) or a local identifier that is plainly not a DOI (LOCAL)
    identifier          text        NOT NULL UNIQUE,
    identifier_type     text        NOT NULL CHECK (identifier_type IN ('DOI', 'LOCAL')),
    -- DataCite's state of the DOI as last reported (draft, registered, findable); null for local identifiers
    doi_state           text,
    previous_release_id bigint REFERENCES releases.release (id),
    file_count          integer,
    total_bytes         bigint,
    frozen_at           timestamptz,
    published_at        timestamptz,
    withdrawn_at        timestamptz,
    withdrawal_reason   text,
    -- optimistic locking: every change names the lock_version it read
    lock_version        integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (collection, version),
    CHECK (state <> 'WITHDRAWN' OR (withdrawal_reason IS NOT NULL AND withdrawn_at IS NOT NULL)),
    CHECK (state = 'DRAFT' OR file_count IS NOT NULL)
);

-- A release that left DRAFT keeps its metadata, selection, notes and identifier; only the state may move on
-- (FROZEN -> PUBLISHED -> WITHDRAWN) with its dates and the DOI's state. Enforced here too, not only in Java.
CREATE FUNCTION releases.release_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'releases are never deleted (release %)', OLD.id;
    END IF;
    IF OLD.state <> 'DRAFT' AND (NEW.metadata IS DISTINCT FROM OLD.metadata OR NEW.selection IS DISTINCT FROM OLD.selection
            OR NEW.release_notes IS DISTINCT FROM OLD.release_notes OR NEW.identifier IS DISTINCT FROM OLD.identifier
            OR NEW.collection IS DISTINCT FROM OLD.collection OR NEW.version IS DISTINCT FROM OLD.version
            OR NEW.file_count IS DISTINCT FROM OLD.file_count OR NEW.total_bytes IS DISTINCT FROM OLD.total_bytes) THEN
        RAISE EXCEPTION 'release % is % and can no longer change', OLD.id, OLD.state;
    END IF;
    IF NOT ((OLD.state = NEW.state)
            OR (OLD.state = 'DRAFT' AND NEW.state = 'FROZEN')
            OR (OLD.state = 'FROZEN' AND NEW.state = 'PUBLISHED')
            OR (OLD.state = 'PUBLISHED' AND NEW.state = 'WITHDRAWN')) THEN
        RAISE EXCEPTION 'release % cannot go from % to %', OLD.id, OLD.state, NEW.state;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER release_immutable BEFORE UPDATE OR DELETE ON releases.release
    FOR EACH ROW EXECUTE FUNCTION releases.release_immutable();

-- The frozen file list. A file is (kind, id, storage key, sha256, size, path in the package): observations now,
-- products later. The catalog.csv row is captured at freeze so that the package never depends on later edits.
CREATE TABLE releases.release_file (
    release_id   bigint      NOT NULL REFERENCES releases.release (id),
    package_path text        NOT NULL CHECK (package_path ~ '^data/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$' AND package_path !~ '\.\.'),
    kind         text        NOT NULL CHECK (kind IN ('OBSERVATION', 'PRODUCT')),
    item_id      bigint      NOT NULL,
    storage_key  text        NOT NULL,
    sha256       char(64)    NOT NULL,
    sha512       char(128)   NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    media_type   text        NOT NULL,
    catalog_row  jsonb       NOT NULL,
    PRIMARY KEY (release_id, package_path),
    UNIQUE (release_id, kind, item_id)
);

CREATE INDEX release_file_storage_key_idx ON releases.release_file (storage_key);

-- Files are added only while the release is a draft (the freeze inserts them, then moves the state) and never changed.
CREATE FUNCTION releases.release_file_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'the file list of a frozen release never changes';
    END IF;
    IF (SELECT state FROM releases.release WHERE id = NEW.release_id) <> 'DRAFT' THEN
        RAISE EXCEPTION 'release % is no longer a draft: its file list is frozen', NEW.release_id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER release_file_append_only BEFORE INSERT OR UPDATE OR DELETE ON releases.release_file
    FOR EACH ROW EXECUTE FUNCTION releases.release_file_append_only();

-- Every change and every transition: who, when, why. Append-only.
CREATE TABLE releases.release_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id bigint      NOT NULL REFERENCES releases.release (id),
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text        NOT NULL,
    action     text        NOT NULL,
    from_state text,
    to_state   text,
    reason     text
);

CREATE INDEX release_event_release_idx ON releases.release_event (release_id, id);

CREATE FUNCTION releases.release_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the release history is append-only';
END $$;

CREATE TRIGGER release_event_append_only BEFORE UPDATE OR DELETE ON releases.release_event
    FOR EACH ROW EXECUTE FUNCTION releases.release_event_append_only();
