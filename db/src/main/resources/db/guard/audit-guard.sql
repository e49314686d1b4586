-- The audit trail's guard (docs/operations.md, "Audit trail"): an event trigger, owned by a superuser, that keeps every
-- role without superuser rights - the schema's owner included - from dropping anything of the schema audit, from
-- leaving a trigger of an audit table other than always-enabled, from moving a table guarded by audit.refuse_change out
-- of that schema and from replacing that function by one that no longer raises. Owning a table lets a role drop its
-- triggers; only a superuser's event trigger also fires for the owner. A later migration that really must do one of
-- these is applied by a superuser.
--
-- medoc installs it in its embedded PostgreSQL at every start. On an external server a superuser runs this file once
-- in medoc's database (psql -d medoc -f audit-guard.sql); running it again is harmless.
CREATE SCHEMA IF NOT EXISTS medoc_guard AUTHORIZATION CURRENT_USER;
REVOKE CREATE ON SCHEMA medoc_guard FROM PUBLIC;

CREATE OR REPLACE FUNCTION medoc_guard.protect_audit_trail() RETURNS event_trigger LANGUAGE plpgsql AS $guard$
DECLARE
    dropped record;
BEGIN
    IF current_setting('is_superuser') = 'on' THEN
        RETURN;
    END IF;
    IF TG_EVENT = 'sql_drop' THEN
        FOR dropped IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
            -- a trigger belongs to no schema: its identity names its table ("t on audit.event")
            IF dropped.schema_name = 'audit' OR (dropped.object_type = 'schema' AND dropped.object_name = 'audit')
               OR (dropped.object_type = 'trigger' AND dropped.object_identity LIKE '% on audit.%') THEN
                RAISE EXCEPTION 'the audit trail is append-only: % % may only be dropped by the database superuser',
                    dropped.object_type, dropped.object_identity USING ERRCODE = 'insufficient_privilege';
            END IF;
        END LOOP;
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'audit' AND NOT t.tgisinternal AND t.tgenabled <> 'O')
       OR EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
               JOIN pg_namespace pn ON pn.oid = p.pronamespace JOIN pg_class c ON c.oid = t.tgrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE p.proname = 'refuse_change' AND (n.nspname <> 'audit' OR pn.nspname <> 'audit'))
       OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = 'audit' AND p.proname = 'refuse_change' AND p.prosrc NOT LIKE '%RAISE EXCEPTION%')
    THEN
        RAISE EXCEPTION 'the audit trail is append-only: % may not disable, move or defuse its triggers '
            '(only the database superuser may)', TG_TAG USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$guard$;

DROP EVENT TRIGGER IF EXISTS medoc_audit_guard_sql_drop;
CREATE EVENT TRIGGER medoc_audit_guard_sql_drop ON sql_drop EXECUTE FUNCTION medoc_guard.protect_audit_trail();
DROP EVENT TRIGGER IF EXISTS medoc_audit_guard_ddl_command_end;
CREATE EVENT TRIGGER medoc_audit_guard_ddl_command_end ON ddl_command_end EXECUTE FUNCTION medoc_guard.protect_audit_trail();
-- fire in every session_replication_role, "replica" included
ALTER EVENT TRIGGER medoc_audit_guard_sql_drop ENABLE ALWAYS;
ALTER EVENT TRIGGER medoc_audit_guard_ddl_command_end ENABLE ALWAYS;
