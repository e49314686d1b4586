-- GOLF operations (PLANNING.md §13): the ops schema, GOLF's modes and the mode history, seeded with IAS's public
-- chronology (§13.2), and mode changes planned ahead.

CREATE SCHEMA ops;

CREATE TABLE ops.golf_mode (
    code        text PRIMARY KEY,
    cycle_s     integer,
    description text NOT NULL
);

INSERT INTO ops.golf_mode (code, cycle_s, description) VALUES
    ('PREPLANNED_8CFG', 40, 'Pre-planned sequence of 8 configurations (quarter-wave plate x polariser x magnetic modulation); PM1 and PM2 sent separately'),
    ('BLUE_WING', 10, 'Mechanisms stopped: modulation between two points on the blue wing; PM1/PM2 duplicated'),
    ('RED_WING', 10, 'Modulation between two points on the red wing'),
    ('OFF', NULL, 'Instrument off or no spacecraft contact'),
    ('SAFE', NULL, 'Safe mode: no science data');

-- One row per stretch of time in one mode; end_utc NULL = the current mode. Periods never overlap (rule G3).
CREATE TABLE ops.golf_mode_period (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mode_code text NOT NULL REFERENCES ops.golf_mode (code),
    start_utc timestamptz NOT NULL,
    end_utc   timestamptz,
    source    text NOT NULL CHECK (source IN ('CHRONOLOGY', 'COMMAND', 'MANUAL')),
    note      text,
    CHECK (end_utc IS NULL OR start_utc < end_utc),
    EXCLUDE USING gist (tstzrange(start_utc, end_utc) WITH &&)
);

INSERT INTO ops.golf_mode_period (mode_code, start_utc, end_utc, source, note) VALUES
    ('PREPLANNED_8CFG', '1995-12-02T08:08:00Z', '1996-04-11T00:00:00Z', 'CHRONOLOGY',
        'From SoHO''s launch: the pre-planned 8-configuration sequence, 40 s cycle, until the mechanisms stopped'),
    ('BLUE_WING', '1996-04-11T00:00:00Z', '1998-06-25T00:00:00Z', 'CHRONOLOGY',
        'Mechanisms stopped on 11 Apr 1996: blue wing, 10 s cycle'),
    ('OFF', '1998-06-25T00:00:00Z', '1998-10-08T00:00:00Z', 'CHRONOLOGY', 'SoHO lost (June 1998) until the recovery'),
    ('RED_WING', '1998-10-08T00:00:00Z', '2002-11-18T00:00:00Z', 'CHRONOLOGY',
        'Switch-on after the SoHO recovery on the red wing'),
    ('BLUE_WING', '2002-11-18T00:00:00Z', NULL, 'CHRONOLOGY', 'Switch back to the blue wing on 18 Nov 2002');

CREATE TABLE ops.golf_mode_change (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    planned_utc  timestamptz NOT NULL,
    mode_code    text NOT NULL REFERENCES ops.golf_mode (code),
    reason       text NOT NULL,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    status       text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'APPLIED', 'CANCELLED')),
    decided_by   text,
    decided_at   timestamptz
);
