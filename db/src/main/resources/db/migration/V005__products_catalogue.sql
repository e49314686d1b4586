-- Derived products (DEM maps, later synoptic and current maps), catalogued like observations, with their provenance:
-- which observations went in, which files came out, the recipe's parameters, software version, duration, and every
-- run of the chain that made (or failed to make) them. A product is identified by (type, version, reference time):
-- reprocessing with a new version adds rows and keeps the old ones.
CREATE SCHEMA products;

CREATE TABLE products.product (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type             text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9-]{0,31}$'),
    -- the recipe's version; ':' is reserved as the separator of task instance ids (type:version:time)
    version          text        NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    reference_time   timestamptz NOT NULL,
    -- e.g. MISSING_INPUTS when a set lacked some of its inputs and was made from the ones available
    flags            text[]      NOT NULL DEFAULT '{}',
    missing_inputs   text[]      NOT NULL DEFAULT '{}',
    parameters       jsonb       NOT NULL DEFAULT '{}',
    -- figures the recipe reports about its result (pixels fitted, median log T, ...)
    summary          jsonb       NOT NULL DEFAULT '{}',
    software_version text        NOT NULL,
    duration_ms      bigint      NOT NULL CHECK (duration_ms >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (type, version, reference_time)
);

CREATE INDEX product_type_time_idx ON products.product (type, reference_time DESC, id DESC);
CREATE INDEX product_time_idx ON products.product (reference_time DESC, id DESC);

-- The files of a product: its data (FITS) and its previews (PNG), stored through the ArchiveStore like observation files.
CREATE TABLE products.product_file (
    product_id  bigint  NOT NULL REFERENCES products.product (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    name        text    NOT NULL,
    role        text    NOT NULL CHECK (role IN ('DATA', 'PREVIEW')),
    media_type  text    NOT NULL,
    size_bytes  bigint  NOT NULL CHECK (size_bytes > 0),
    sha256      char(64) NOT NULL,
    storage_key text    NOT NULL,
    PRIMARY KEY (product_id, position),
    UNIQUE (product_id, name)
);

-- Provenance, inputs side: the catalogued observations a product was made from (kept even if a product is withdrawn
-- later, hence no cascade from the observation).
CREATE TABLE products.product_input (
    product_id     bigint NOT NULL REFERENCES products.product (id) ON DELETE CASCADE,
    observation_id bigint NOT NULL REFERENCES archive.observation (id),
    -- the input's role in the set, e.g. the AIA channel '171'
    label          text   NOT NULL,
    file_name      text   NOT NULL,
    sha256         char(64) NOT NULL,
    PRIMARY KEY (product_id, observation_id)
);

CREATE INDEX product_input_observation_idx ON products.product_input (observation_id);

-- Every attempt at making a product: scheduled (db-scheduler task), on demand (command line, reprocessing) or a retry.
CREATE TABLE products.run (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type           text        NOT NULL,
    version        text        NOT NULL,
    reference_time timestamptz NOT NULL,
    -- the db-scheduler task instance id (type:version:time), the same for every attempt at one product
    instance_id    text        NOT NULL,
    attempt        integer     NOT NULL CHECK (attempt >= 1),
    trigger        text        NOT NULL CHECK (trigger IN ('SCHEDULED', 'COMMAND', 'RETRY')),
    node           text,
    status         text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    duration_ms    bigint,
    error          text,
    product_id     bigint REFERENCES products.product (id) ON DELETE SET NULL
);

CREATE INDEX run_started_idx ON products.run (started_at DESC, id DESC);
CREATE INDEX run_instance_idx ON products.run (instance_id, id DESC);
