-- Reprocessing campaigns (issue 15): "reprocess product type P at version V over [from, to]" as thousands of
-- db-scheduler tasks spread over every worker node, with progress, cancel and resume.
--
-- The campaign and its items are the state a restarted node continues from: the feeder (a recurring db-scheduler task)
-- enumerates the interval window by window (enumerated_to is its cursor), then keeps a bounded number of items
-- queued as db-scheduler task instances; each item task records its outcome here.
CREATE TABLE products.campaign (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type           text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9-]{0,31}$'),
    version        text        NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    from_time      timestamptz NOT NULL,
    to_time        timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('ENUMERATING', 'RUNNING', 'CANCELLED', 'FINISHED')),
    -- enumeration has read the catalogue up to here (exclusive); equal to to_time once every set is an item
    enumerated_to  timestamptz NOT NULL,
    requested_by   text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- the last start or resume: the rate is measured from here
    resumed_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    CHECK (from_time <= to_time)
);

CREATE INDEX campaign_active_idx ON products.campaign (status) WHERE status IN ('ENUMERATING', 'RUNNING');

-- One product to make within a campaign. instance_id is the product instance (type:version:time[@subject]); the
-- product's own unique key keeps a product made once whatever the number of campaigns, attempts or nodes.
CREATE TABLE products.campaign_item (
    campaign_id    bigint      NOT NULL REFERENCES products.campaign (id) ON DELETE CASCADE,
    instance_id    text        NOT NULL,
    reference_time timestamptz NOT NULL,
    subject        text        NOT NULL DEFAULT '',
    status         text        NOT NULL CHECK (status IN ('PENDING', 'QUEUED', 'RUNNING', 'MADE', 'SKIPPED', 'FAILED', 'CANCELLED')),
    attempts       integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    node           text,
    started_at     timestamptz,
    finished_at    timestamptz,
    product_id     bigint      REFERENCES products.product (id) ON DELETE SET NULL,
    run_id         bigint      REFERENCES products.run (id) ON DELETE SET NULL,
    error          text,
    PRIMARY KEY (campaign_id, instance_id)
);

-- the feeder takes the next pending items in reference-time order; progress counts by status
CREATE INDEX campaign_item_status_idx ON products.campaign_item (campaign_id, status, reference_time);
-- the rate: items finished recently
CREATE INDEX campaign_item_finished_idx ON products.campaign_item (campaign_id, finished_at) WHERE finished_at IS NOT NULL;

-- runs made for a campaign say so in the Runs view
ALTER TABLE products.run DROP CONSTRAINT run_trigger_check;
ALTER TABLE products.run ADD CONSTRAINT run_trigger_check CHECK (trigger IN ('SCHEDULED', 'COMMAND', 'RETRY', 'CAMPAIGN'));
