-- A GOLF command request may be cancelled before it is sent (requested or approved), by a GOLF operator, with a reason:
-- who, when and why are kept on the request (and in the audit trail).

ALTER TABLE ops.command_request
    ADD COLUMN cancelled_by  text,
    ADD COLUMN cancelled_at  timestamptz,
    ADD COLUMN cancel_reason text,
    ADD CONSTRAINT command_request_cancel_stamped
        CHECK (status <> 'CANCELLED' OR (cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL));
