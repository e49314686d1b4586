-- GOLF housekeeping (PLANNING.md §13.5): the parameter catalogue, versioned limits, the samples, an hourly rollup
-- for plots over years, and the record of imported files (idempotent re-imports).

CREATE TABLE ops.hk_parameter (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mnemonic     text NOT NULL UNIQUE CHECK (mnemonic ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    description  text NOT NULL DEFAULT '',
    subsystem    text NOT NULL CHECK (subsystem IN ('CELL', 'OVEN', 'MAGNET', 'PM1', 'PM2', 'ELECTRONICS', 'MECHANISM')),
    unit         text NOT NULL DEFAULT '',
    -- {"type":"IDENTITY"} | {"type":"POLYNOMIAL","coefficients":[c0,c1,...]} | {"type":"TABLE","points":[[raw,eng],...]}
    calibration  jsonb NOT NULL DEFAULT '{"type":"IDENTITY"}',
    sampling_s   integer NOT NULL DEFAULT 60 CHECK (sampling_s > 0),
    lock_version integer NOT NULL DEFAULT 0
);

-- Limits are never edited in place: each change adds a version in force from valid_from, with who, when and why.
-- A NULL bound is no bound. Severity order: watch (inner) < warning (yellow) < critical (red).
CREATE TABLE ops.hk_limit_set (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parameter_id bigint NOT NULL REFERENCES ops.hk_parameter (id),
    valid_from   timestamptz NOT NULL,
    watch_low    double precision,
    watch_high   double precision,
    warning_low  double precision,
    warning_high double precision,
    critical_low double precision,
    critical_high double precision,
    changed_by   text NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    reason       text NOT NULL,
    UNIQUE (parameter_id, valid_from)
);

-- Engineering values are calibrated at import with the parameter's calibration of that moment; raw is kept.
CREATE TABLE ops.hk_sample (
    parameter_id bigint NOT NULL REFERENCES ops.hk_parameter (id),
    time_utc     timestamptz NOT NULL,
    raw          double precision NOT NULL,
    eng          double precision NOT NULL,
    PRIMARY KEY (parameter_id, time_utc)
);

-- samples arrive roughly in time order: a BRIN index finds a time range across all parameters (data gaps, rule G3)
-- for a few pages of index
CREATE INDEX hk_sample_time_brin ON ops.hk_sample USING brin (time_utc);

-- Per-hour aggregates, kept in step with hk_sample by every import, so that plots over years read ~9000 rows a year.
CREATE TABLE ops.hk_rollup_hour (
    parameter_id bigint NOT NULL REFERENCES ops.hk_parameter (id),
    hour_utc     timestamptz NOT NULL,
    n            bigint NOT NULL,
    min_eng      double precision NOT NULL,
    max_eng      double precision NOT NULL,
    sum_eng      double precision NOT NULL,
    PRIMARY KEY (parameter_id, hour_utc)
);

CREATE TABLE ops.hk_import (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name     text NOT NULL,
    sha256        text NOT NULL UNIQUE,
    format        text NOT NULL CHECK (format IN ('CSV', 'FITS')),
    imported_by   text NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    samples_read  bigint NOT NULL,
    samples_added bigint NOT NULL,
    first_utc     timestamptz,
    last_utc      timestamptz
);

-- Gaps in the housekeeping stream longer than the configured threshold (rule G3), found by the imports.
CREATE TABLE ops.data_gap (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    start_utc   timestamptz NOT NULL,
    end_utc     timestamptz NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    CHECK (start_utc < end_utc),
    UNIQUE (start_utc)
);
