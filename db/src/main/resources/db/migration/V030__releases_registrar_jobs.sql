-- DataCite is never called inside a database transaction. A release change (draft created, published, withdrawn, a
-- newer version published) commits together with a registrar job: "bring this DOI into line with our state". The
-- registrar task claims due jobs, performs the idempotent PUT outside any transaction and records the outcome; the
-- reconciler compares DataCite's record with ours and queues a job again (or flags a conflict) when they differ.
-- One row per DOI: a newer request folds into the existing row (generation + 1), so nothing is ever sent twice for
-- one change and a job that was running when a newer request came in does not mark the newer one done.
CREATE TABLE releases.registrar_job (
    doi              text        PRIMARY KEY,
    collection       text        NOT NULL REFERENCES releases.collection (code),
    -- the release whose DOI this is; null for a collection's concept DOI
    release_id       bigint      REFERENCES releases.release (id),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'CONFLICT')),
    generation       integer     NOT NULL DEFAULT 1,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- a claimed job is being sent by some node until then; a node killed mid-call leaves it to expire
    claimed_until    timestamptz,
    last_error       text,
    -- DataCite's state of the DOI after the last successful call or check (draft, registered, findable)
    remote_state     text,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    done_at          timestamptz,
    reconciled_at    timestamptz
);

CREATE INDEX registrar_job_due_idx ON releases.registrar_job (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX registrar_job_release_idx ON releases.registrar_job (release_id);

-- The registrar's own db-scheduler table, with the layout (columns, key, indexes) of public.scheduled_tasks (V004):
-- the release manager's recurring tasks (send due jobs, reconcile) run cluster-safe on it without the chain scheduler
-- seeing task names it does not know.
CREATE TABLE releases.scheduled_tasks (LIKE public.scheduled_tasks INCLUDING ALL);
