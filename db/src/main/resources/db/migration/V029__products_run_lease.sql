-- Run leases (issue 10, crash safety; issue 15, several worker nodes). A RUNNING run is owned by its node for as long
-- as its lease lasts; the node's heartbeat renews it while the recipe works. A run whose lease expired belongs to a
-- node that died or a command that was killed: the lease check closes it as FAILED ("abandoned: ...") and schedules
-- its product again. What the run stored before dying is listed in stored_keys (written before each put), so that the
-- recovery deletes those objects unless a catalogued product refers to them: a retry replaces, not duplicates, files.
ALTER TABLE products.run
    ADD COLUMN lease_until  timestamptz,
    ADD COLUMN heartbeat_at timestamptz,
    ADD COLUMN stored_keys  text[] NOT NULL DEFAULT '{}';

-- Runs left RUNNING by a version without leases were left by nodes that are gone (the migration runs at start-up):
-- their lease ends now, so the first lease check recovers them.
UPDATE products.run SET lease_until = now() WHERE status = 'RUNNING';

-- The lease check reads only the running runs.
CREATE INDEX run_running_lease_idx ON products.run (lease_until) WHERE status = 'RUNNING';
