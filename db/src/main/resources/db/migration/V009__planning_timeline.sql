-- SPICE planning in time (PLANNING.md §5-§9): planning periods, SOOPs, constraint windows and telemetry
-- allocations, the timeline, BOPs (reusable blocks of timeline items) and ICNs (change control).

CREATE TABLE planning.planning_period (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind               text NOT NULL CHECK (kind IN ('MLP', 'LTP', 'MTP', 'STP', 'VSTP')),
    number             integer NOT NULL,
    start_utc          timestamptz NOT NULL,
    end_utc            timestamptz NOT NULL,
    parent_id          bigint REFERENCES planning.planning_period (id),
    ior_delivery_opens timestamptz,
    ior_deadline       timestamptz,
    moc_precheck       timestamptz,
    stack_built        timestamptz,
    mib_version        text,
    status             text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FROZEN', 'DELIVERED', 'EXECUTED')),
    notes              text,
    lock_version       integer NOT NULL DEFAULT 0,
    UNIQUE (kind, number),
    CHECK (start_utc < end_utc)
);

CREATE TABLE planning.soop (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL UNIQUE,
    kitchen_id           text,
    fits_type_code       text,
    soop_class           text CHECK (soop_class IN ('I', 'R', 'L')),
    default_duration_h   numeric(6, 1),
    pointing_requirement text NOT NULL DEFAULT 'ANY'
                             CHECK (pointing_requirement IN ('DISK_CENTRE', 'OFFPOINT', 'TRACKING', 'LIMB', 'ANY')),
    spice_mode           text,
    coordinator          text,
    lock_version         integer NOT NULL DEFAULT 0
);

CREATE TABLE planning.soop_instance (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    soop_id      bigint NOT NULL REFERENCES planning.soop (id),
    start_utc    timestamptz NOT NULL,
    end_utc      timestamptz NOT NULL,
    ltp_id       bigint REFERENCES planning.planning_period (id),
    notes        text,
    lock_version integer NOT NULL DEFAULT 0,
    CHECK (start_utc < end_utc)
);

-- Every time window a planner must respect (E-FECS, SOC LTP, SoHO SPWG, manual).
CREATE TABLE planning.constraint_window (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text NOT NULL CHECK (source IN ('E_FECS', 'SOC_LTP', 'SOHO_SPWG', 'MANUAL')),
    type         text NOT NULL,
    effect       text NOT NULL CHECK (effect IN ('INFO', 'WARN', 'FORBID_INTEGRATION', 'FORBID_OBS', 'SAFE_INSTRUMENT')),
    start_utc    timestamptz NOT NULL,
    end_utc      timestamptz NOT NULL,
    description  text,
    params       jsonb,
    lock_version integer NOT NULL DEFAULT 0,
    CHECK (start_utc < end_utc)
);
CREATE INDEX constraint_window_time_idx ON planning.constraint_window (start_utc, end_utc);

-- Telemetry corridor: data volume allocated to an instrument over a period (rule T5).
CREATE TABLE planning.telemetry_allocation (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_id      bigint NOT NULL REFERENCES planning.planning_period (id),
    instrument     text NOT NULL DEFAULT 'SPICE',
    allocated_bits bigint NOT NULL CHECK (allocated_bits >= 0),
    source_file    text,
    lock_version   integer NOT NULL DEFAULT 0,
    UNIQUE (period_id, instrument)
);

-- BOPs: versioned reusable blocks of timeline items ---------------------------------------------------------------

CREATE TABLE planning.bop (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    name         text NOT NULL,
    description  text,
    owner        text NOT NULL,
    status       text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'RELEASED', 'RETIRED')),
    lock_version integer NOT NULL DEFAULT 0
);

CREATE TABLE planning.bop_version (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bop_id       bigint NOT NULL REFERENCES planning.bop (id),
    version_no   integer NOT NULL CHECK (version_no >= 1),
    released     boolean NOT NULL DEFAULT false,
    released_at  timestamptz,
    notes        text,
    lock_version integer NOT NULL DEFAULT 0,
    UNIQUE (bop_id, version_no)
);

CREATE TABLE planning.bop_item (
    bop_version_id   bigint NOT NULL REFERENCES planning.bop_version (id) ON DELETE CASCADE,
    seq              integer NOT NULL,
    offset_s         numeric(12, 3) NOT NULL CHECK (offset_s >= 0),
    item_type        text NOT NULL CHECK (item_type IN ('STUDY', 'COMMAND', 'WAIT', 'MARKER')),
    study_id         bigint REFERENCES planning.study (id),
    rasters          integer CHECK (rasters >= 1),
    command_mnemonic text,
    duration_s       numeric(12, 3) CHECK (duration_s >= 0),
    params           jsonb,
    PRIMARY KEY (bop_version_id, seq),
    CHECK (item_type <> 'STUDY' OR study_id IS NOT NULL)
);

CREATE TABLE planning.bop_instance (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bop_version_id bigint NOT NULL REFERENCES planning.bop_version (id),
    stp_id         bigint NOT NULL REFERENCES planning.planning_period (id),
    start_utc      timestamptz NOT NULL,
    expanded_at    timestamptz NOT NULL DEFAULT now(),
    expanded_by    text NOT NULL
);

-- Timeline: one planned SPICE observation per row (a future SPIOBSID) --------------------------------------------

CREATE TABLE planning.timeline_entry (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stp_id             bigint NOT NULL REFERENCES planning.planning_period (id),
    study_id           bigint NOT NULL REFERENCES planning.study (id),
    start_utc          timestamptz NOT NULL,
    rasters            integer NOT NULL CHECK (rasters >= 1),
    planned_end_utc    timestamptz NOT NULL,
    est_duration_s     numeric(14, 3) NOT NULL,
    est_volume_bits    bigint NOT NULL,
    x_offset_arcsec    numeric(8, 2),
    pointing_id        text,
    pointing_kind      text CHECK (pointing_kind IN ('DISK_CENTRE', 'OFFPOINT', 'TRACKING', 'LIMB', 'ANY')),
    soop_instance_id   bigint REFERENCES planning.soop_instance (id),
    target_text        text,
    soc_obs_id         text,
    bop_instance_id    bigint REFERENCES planning.bop_instance (id) ON DELETE SET NULL,
    bop_item_seq       integer,
    -- edited by hand after expansion: no longer follows its BOP template
    detached           boolean NOT NULL DEFAULT false,
    spans_next_stp     boolean NOT NULL DEFAULT false,
    high_rate_approved boolean NOT NULL DEFAULT false,
    priority           smallint NOT NULL DEFAULT 0,
    locked             boolean NOT NULL DEFAULT false,
    status             text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'VALIDATED', 'IN_IOR', 'DELIVERED',
                           'EXECUTED', 'PARTIAL', 'FAILED', 'CANCELLED')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text NOT NULL,
    lock_version       integer NOT NULL DEFAULT 0,
    CHECK (start_utc < planned_end_utc)
);
CREATE INDEX timeline_entry_stp_idx ON planning.timeline_entry (stp_id, start_utc);

-- ICNs: change control with review ----------------------------------------------------------------------------------

CREATE TABLE planning.icn (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number                 text NOT NULL UNIQUE CHECK (number ~ '^ICN-[0-9]{4}-[0-9]{3,}$'),
    title                  text NOT NULL,
    rationale              text NOT NULL,
    category               text NOT NULL CHECK (category IN ('STUDY_SET_UPLOAD', 'TABLE_PATCH', 'PARAMETER_CHANGE',
                               'PROCEDURE_CHANGE', 'OTHER')),
    effective_stp          integer,
    produced_study_set_id  bigint REFERENCES planning.study_set (id),
    status                 text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED',
                               'IMPLEMENTED', 'CLOSED', 'WITHDRAWN')),
    author                 text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    approved_at            timestamptz,
    lock_version           integer NOT NULL DEFAULT 0
);

CREATE TABLE planning.icn_affected_item (
    icn_id    bigint NOT NULL REFERENCES planning.icn (id) ON DELETE CASCADE,
    item_kind text NOT NULL CHECK (item_kind IN ('STUDY', 'STUDY_SET', 'PERIOD')),
    item_id   bigint NOT NULL,
    PRIMARY KEY (icn_id, item_kind, item_id)
);

CREATE TABLE planning.icn_decision (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    icn_id     bigint NOT NULL REFERENCES planning.icn (id) ON DELETE CASCADE,
    approver   text NOT NULL,
    role       text NOT NULL,
    decision   text NOT NULL CHECK (decision IN ('APPROVED', 'REJECTED')),
    comment    text,
    decided_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE planning.icn_comment (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    icn_id     bigint NOT NULL REFERENCES planning.icn (id) ON DELETE CASCADE,
    author     text NOT NULL,
    text       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Audit trail: every status change of an ICN (who, when, from, to, comment).
CREATE TABLE planning.icn_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    icn_id      bigint NOT NULL REFERENCES planning.icn (id) ON DELETE CASCADE,
    from_status text,
    to_status   text NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    comment     text
);
