-- GOLF alarms (PLANNING.md §10.5 G1, after Yamcs): one alarm per violation episode of a parameter, with its
-- acknowledgement, shelving and return to normal; every step is also kept in the alarm's history.

CREATE TABLE ops.hk_alarm (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parameter_id      bigint NOT NULL REFERENCES ops.hk_parameter (id),
    severity          text NOT NULL CHECK (severity IN ('WATCH', 'WARNING', 'CRITICAL')),
    current_severity  text NOT NULL CHECK (current_severity IN ('NORMAL', 'WATCH', 'WARNING', 'CRITICAL')),
    raised_utc        timestamptz NOT NULL,
    trigger_value     double precision NOT NULL,
    last_violation_utc timestamptz NOT NULL,
    violation_count   bigint NOT NULL DEFAULT 1,
    normal_since_utc  timestamptz,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    acknowledge_comment text,
    shelved_by        text,
    shelved_until     timestamptz,
    shelve_comment    text
);

-- at most one alarm per parameter is still out of limits
CREATE UNIQUE INDEX hk_alarm_active_idx ON ops.hk_alarm (parameter_id) WHERE current_severity <> 'NORMAL';

CREATE TABLE ops.hk_alarm_event (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alarm_id bigint NOT NULL REFERENCES ops.hk_alarm (id),
    at_utc   timestamptz NOT NULL,
    kind     text NOT NULL CHECK (kind IN ('RAISED', 'SEVERITY_CHANGED', 'RETURNED_TO_NORMAL', 'ACKNOWLEDGED', 'SHELVED', 'UNSHELVED')),
    actor    text NOT NULL,
    detail   text
);
