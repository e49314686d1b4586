-- GOLF command requests (PLANNING.md §13.5, rule G2): requested, approved by someone else, sent, verified.

CREATE TABLE ops.command_request (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requested_by     text NOT NULL,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    planned_exec_utc timestamptz NOT NULL,
    commands         text NOT NULL,
    reason           text NOT NULL,
    override_reason  text,
    status           text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'SENT', 'VERIFIED', 'CANCELLED')),
    approved_by      text,
    approved_at      timestamptz,
    sent_by          text,
    sent_at          timestamptz,
    verified_by      text,
    verified_at      timestamptz,
    result           text,
    lock_version     integer NOT NULL DEFAULT 0,
    CHECK (approved_by IS NULL OR approved_by <> requested_by)
);
