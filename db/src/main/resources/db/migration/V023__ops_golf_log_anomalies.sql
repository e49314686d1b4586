-- GOLF operations log and anomaly reports (PLANNING.md §13.5, rules G3 and G4). Links to planning constraint windows
-- are identifiers only: the planning schema belongs to the planner.

CREATE TABLE ops.anomaly (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number            text NOT NULL UNIQUE,
    title             text NOT NULL,
    description       text NOT NULL,
    severity          text NOT NULL CHECK (severity IN ('MINOR', 'MAJOR', 'CRITICAL')),
    owner             text NOT NULL,
    detected_by       text NOT NULL,
    opened_at         timestamptz NOT NULL DEFAULT now(),
    target_close_date date NOT NULL,
    root_cause        text,
    actions           text,
    status            text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANALYSING', 'ACTIONS_PLANNED', 'CLOSED')),
    closed_at         timestamptz,
    lock_version      integer NOT NULL DEFAULT 0
);

CREATE TABLE ops.log_entry (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time_utc             timestamptz NOT NULL,
    author               text NOT NULL,
    category             text NOT NULL CHECK (category IN ('ROUTINE_CHECK', 'COMMANDING', 'SPACECRAFT_EVENT', 'ANOMALY', 'DATA_DELIVERY', 'NOTE')),
    text                 text NOT NULL,
    data_impact          text NOT NULL DEFAULT 'NONE' CHECK (data_impact IN ('NONE', 'GAP', 'DEGRADED', 'TIMING_SHIFT')),
    hk_from_utc          timestamptz,
    hk_to_utc            timestamptz,
    alarm_id             bigint REFERENCES ops.hk_alarm (id),
    anomaly_id           bigint REFERENCES ops.anomaly (id),
    constraint_window_id bigint,
    public               boolean NOT NULL DEFAULT false,
    public_title         text,
    approved_by          text,
    approved_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (approved_by IS NULL OR public),
    CHECK (approved_by IS NULL OR approved_by <> author)
);

CREATE INDEX log_entry_time_idx ON ops.log_entry (time_utc);

-- A data gap is explained by a log entry or an anomaly (rule G3).
ALTER TABLE ops.data_gap
    ADD COLUMN log_entry_id bigint REFERENCES ops.log_entry (id),
    ADD COLUMN anomaly_id   bigint REFERENCES ops.anomaly (id);
