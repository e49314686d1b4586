-- db-scheduler's task table (com.github.kagkarlsson:db-scheduler 16.x, PostgreSQL form of the project's
-- postgresql_tables.sql). Product chains run as its tasks: a recurring scan and one task instance per product, picked by
-- whichever node polls first; the row lock on (task_name, task_instance) is what keeps two nodes from running one
-- instance. Kept in the default schema under the library's default name so that its standard tooling finds it.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
