-- The audit trail (issue 12): one row per state-changing action anywhere in the application - who (a user name,
-- 'system' for scheduled work, 'anonymous' for a caller who has not logged in), when, what (a dotted verb such as
-- release.published or ingest.quarantined), on which object, and its values before and after. Written by
-- org.medoc.audit.AuditTrail in the transaction of the action it records; never changed afterwards (V016).
CREATE SCHEMA audit;

CREATE TABLE audit.event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the moment of recording, not the start of the transaction: a long freeze records when it ended
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text        NOT NULL CHECK (actor <> ''),
    action         text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$'),
    object_type    text,
    object_id      text,
    before         jsonb,
    after          jsonb,
    detail         text,
    -- the caller's network address when the action came over HTTP (the web UI or the API)
    client_address text
);

-- the admin search: newest first (keyset on id) within a time range, an actor, an action prefix or one object
CREATE INDEX event_at_idx ON audit.event (at);
CREATE INDEX event_actor_idx ON audit.event (actor, id);
CREATE INDEX event_action_idx ON audit.event (action text_pattern_ops, id);
CREATE INDEX event_object_idx ON audit.event (object_type, object_id, id);
