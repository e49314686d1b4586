package org.medoc.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * medoc runs on its embedded PostgreSQL as the role "medoc": no superuser, a password, every connection asked for one,
 * the audit trail out of the owner's reach, and clusters made by older versions (superuser, no password) upgraded in
 * place at the next start.
 */
class ApplicationRoleTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class, FlywayAutoConfiguration.class));

    @TempDir Path dataDir;

    @Test
    void medocConnectsAsARoleWithoutSuperuserRightsThatOwnsItsSchemas() throws Exception {
        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("medoc");
            assertThat(jdbc.queryForMap("SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls "
                    + "FROM pg_roles WHERE rolname = current_user"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("rolsuper", false, "rolcreaterole", false,
                            "rolcreatedb", false, "rolreplication", false, "rolbypassrls", false));
            assertThat(jdbc.queryForList("SELECT DISTINCT pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname "
                    + "IN ('archive', 'products', 'releases', 'planning', 'auth', 'ops', 'audit')", String.class))
                    .containsExactly("medoc");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname IN "
                    + "('archive', 'products', 'releases', 'planning', 'auth', 'ops', 'audit')", Integer.class)).isEqualTo(7);
            refused(() -> jdbc.execute("CREATE ROLE intruder LOGIN"), "permission denied");
            refused(() -> jdbc.execute("CREATE DATABASE elsewhere"), "permission denied");
            refused(() -> jdbc.execute("ALTER ROLE medoc SUPERUSER"), "permission denied");
            refused(() -> jdbc.execute("COPY (SELECT 1) TO PROGRAM 'true'"), "permission denied");
        });
        assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).isEqualTo(ApplicationRole.PG_HBA).doesNotContain("trust");
        assertThat(PosixFilePermissions.toString(permissions(dataDir.resolve(EmbeddedCredentials.FILE_NAME)))).isEqualTo("rw-------");
        assertThat(dataDir.resolve("pg.initdb-password")).doesNotExist();
    }

    @Test
    void theOwningRoleCanNeitherDropNorDisableNorDefuseTheAuditTriggers() {
        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.update("INSERT INTO audit.event (actor, action, detail) VALUES ('test', 'test.recorded', 'kept')");

            refused(() -> jdbc.execute("DROP TRIGGER event_no_update_or_delete ON audit.event"), "append-only");
            refused(() -> jdbc.execute("ALTER TABLE audit.event DISABLE TRIGGER ALL"), "append-only");
            refused(() -> jdbc.execute("ALTER TABLE audit.event ENABLE REPLICA TRIGGER event_no_truncate"), "append-only");
            refused(() -> jdbc.execute("CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger "
                    + "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$"), "append-only");
            refused(() -> jdbc.execute("ALTER TABLE audit.event SET SCHEMA public"), "append-only");
            refused(() -> jdbc.execute("DROP TABLE audit.event"), "append-only");
            refused(() -> jdbc.execute("DROP SCHEMA audit CASCADE"), "append-only");
            // the superuser's switch that skips ordinary triggers is not the application's to flip
            refused(() -> jdbc.execute("SET session_replication_role = replica"), "permission denied");
            // and the triggers themselves still refuse every change, the owner's included
            refused(() -> jdbc.update("DELETE FROM audit.event"), "append-only");
            refused(() -> jdbc.execute("TRUNCATE audit.event"), "append-only");

            assertThat(jdbc.queryForObject("SELECT detail FROM audit.event WHERE actor = 'test'", String.class)).isEqualTo("kept");
            assertThat(jdbc.queryForList("SELECT tgname || ':' || tgenabled::text FROM pg_trigger WHERE tgrelid = 'audit.event'::regclass "
                    + "ORDER BY tgname", String.class)).containsExactly("event_no_truncate:O", "event_no_update_or_delete:O");
            // ordinary schema work on the audit table stays possible for later migrations
            jdbc.execute("CREATE INDEX probe_idx ON audit.event (detail)");
            jdbc.execute("ALTER INDEX audit.probe_idx RENAME TO probe_renamed_idx");
        });
    }

    @Test
    void aWrongOrMissingPasswordIsRefusedForEveryRole() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("pg"))) {
            String url = database.jdbcUrl();
            assertThatThrownBy(() -> connect(url, "medoc", "not-the-password")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed for user \"medoc\"");
            assertThatThrownBy(() -> connect(url, "postgres", "")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("SCRAM-based authentication");
            assertThatThrownBy(() -> connect(url, "postgres", database.applicationPassword())).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed for user \"postgres\"");
            try (Connection medoc = connect(url, "medoc", database.applicationPassword());
                 Connection superuser = database.superuserConnection()) {
                assertThat(medoc.isValid(5)).isTrue();
                assertThat(superuser.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aClusterMadeByAnOlderMedocAsPasswordlessSuperuserIsUpgradedInPlace() throws Exception {
        Path pg = dataDir.resolve("pg");
        // what medoc before the application role left: trust everywhere, every object the superuser's
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start()) {
            String url = old.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(old.getPostgresDatabase());
            jdbc.update("INSERT INTO audit.event (actor, action, detail) VALUES ('old', 'test.recorded', 'from before')");
            assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit.event'::regclass",
                    String.class)).isEqualTo("postgres");
        }
        assertThat(dataDir.resolve(EmbeddedCredentials.FILE_NAME)).doesNotExist();

        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("medoc");
            assertThat(jdbc.queryForObject("SELECT detail FROM audit.event WHERE actor = 'old'", String.class))
                    .isEqualTo("from before");
            assertThat(jdbc.queryForList("SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE n.nspname IN ('archive', 'products', 'releases', 'planning', 'auth', "
                    + "'ops', 'audit', 'public') AND c.relkind IN ('r', 'v', 'S')", String.class)).containsExactly("medoc");
            assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE oid = "
                    + "'audit.refuse_change()'::regprocedure", String.class)).isEqualTo("medoc");
            // Flyway, now running as medoc, still owns its history and can write to it; the application can work
            jdbc.update("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                    + "VALUES ('probe', '1', now(), false, 1)");
            refused(() -> jdbc.execute("ALTER TABLE audit.event DISABLE TRIGGER ALL"), "append-only");
            assertThatThrownBy(() -> connect(context.getBean(EmbeddedDatabase.class).jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class).hasMessageContaining("SCRAM-based authentication");
        });
        assertThat(Files.readString(pg.resolve("pg_hba.conf"))).isEqualTo(ApplicationRole.PG_HBA);
        assertThat(dataDir.resolve(EmbeddedCredentials.FILE_NAME)).exists();

        // and the start after the upgrade is an ordinary one
        runner.withPropertyValues("medoc.data-dir=" + dataDir).run(context -> assertThat(new JdbcTemplate(
                context.getBean(DataSource.class)).queryForObject("SELECT count(*) FROM audit.event", Integer.class)).isEqualTo(1));
    }

    @Test
    void aClusterThatAsksForPasswordsButLostItsCredentialsFileIsRefusedAtOnce() throws Exception {
        Path pg = dataDir.resolve("pg");
        EmbeddedDatabase.start(pg).close();
        Files.delete(dataDir.resolve(EmbeddedCredentials.FILE_NAME));

        assertThatThrownBy(() -> EmbeddedDatabase.start(pg)).isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("credentials file").hasMessageContaining("is missing")
                .hasMessageContaining("restore pg.credentials").hasMessageNotContaining("\n");
        DataDirectoryLock.acquire(pg).close();
    }

    /** The statement fails, and PostgreSQL's own message says {@code expected}. */
    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement, String expected) {
        assertThatThrownBy(statement).rootCause().hasMessageContaining(expected);
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path file) throws java.io.IOException {
        return Files.getPosixFilePermissions(file);
    }
}
