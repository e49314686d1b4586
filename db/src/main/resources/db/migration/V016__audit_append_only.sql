-- The audit trail is append-only, and the database says so, not only the application: a trigger refuses every
-- UPDATE and DELETE of a row and every TRUNCATE of the table, whoever asks (the application's own role included).
-- Only a schema change by the table's owner (dropping the trigger) could alter history, and that is itself visible in
-- the migration history. Run the application as a role that does not own the schema to rule that out too
-- (docs/operations.md, "Audit trail").
CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on audit.event is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'audit records are never changed or deleted; record a new event instead';
END
$$;

CREATE TRIGGER event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit.event
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

CREATE TRIGGER event_no_truncate
    BEFORE TRUNCATE ON audit.event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- and no role but the owner gets the privileges in the first place
REVOKE UPDATE, DELETE, TRUNCATE ON audit.event FROM PUBLIC;
