package org.medoc.db.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes an embedded cluster one that medoc can run on without superuser rights, at every start and idempotently, so
 * that a data directory made by an older medoc (which connected as the passwordless superuser) is upgraded in place:
 * <ol>
 *   <li>the bootstrap superuser gets its password; the application role {@link EmbeddedCredentials#APPLICATION_ROLE}
 *       exists with its password and no SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS;</li>
 *   <li>the application role may create schemas in the {@code postgres} database and tables in {@code public} (where
 *       Flyway's history and db-scheduler's table live), and owns every schema and object medoc made, so that Flyway,
 *       running as that role, can apply later migrations; older clusters' objects, owned by the superuser, are
 *       handed over;</li>
 *   <li>an event trigger owned by the superuser keeps the owner from undoing the audit trail's protection (dropping
 *       or disabling its triggers, dropping its table, defusing {@code audit.refuse_change}): owning a table lets a
 *       role drop its triggers, and only a superuser's event trigger fires for the owner too;</li>
 *   <li>{@code pg_hba.conf} asks every connection, local socket or loopback, for a password (scram-sha-256).</li>
 * </ol>
 */
final class ApplicationRole {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);

    static final String GUARD_SCHEMA = "medoc_guard";
    static final String GUARD_SCRIPT = "db/guard/audit-guard.sql";
    static final String DATABASE = "postgres";

    /** Every connection needs a password; nothing listens beyond loopback (listen_addresses = localhost). */
    static final String PG_HBA = """
            # Written by medoc at every start (org.medoc.db.embedded.ApplicationRole): every connection needs a
            # password. The passwords are in ../pg.credentials; medoc connects as the role "medoc".
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private ApplicationRole() {
    }

    /**
     * Prepares the cluster through {@code superuser}, a connection of the bootstrap superuser to {@value #DATABASE}.
     * Returns whether {@code pg_hba.conf} had to be rewritten (true for a cluster made by an older medoc).
     */
    static boolean prepare(Connection superuser, Path pgDirectory, EmbeddedCredentials credentials) throws SQLException, IOException {
        String role = EmbeddedCredentials.APPLICATION_ROLE;
        boolean autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(false);
        try (Statement sql = superuser.createStatement()) {
            // passwords are base64url (EmbeddedCredentials), so they can stand in a literal as they are
            sql.execute("ALTER ROLE " + EmbeddedCredentials.SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'");
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '"
                    + credentials.applicationPassword() + "'";
            boolean exists = exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
            sql.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + (exists ? " WITH" : "") + attributes);
            sql.execute("GRANT CONNECT, TEMPORARY, CREATE ON DATABASE " + DATABASE + " TO " + role);
            sql.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + role);
            int handedOver = handOver(sql, role);
            guardAuditTrail(sql);
            superuser.commit();
            if (handedOver > 0) {
                log.info("Embedded PostgreSQL: handed {} objects made by an older medoc over to the role \"{}\"", handedOver, role);
            }
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
        // the passwords are set, so the host-based rules may now ask for them
        boolean rewritten = writePgHba(pgDirectory);
        if (rewritten) {
            try (Statement sql = superuser.createStatement()) {
                sql.execute("SELECT pg_reload_conf()");
            }
        }
        return rewritten;
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    /** Application schemas: all but PostgreSQL's own, {@code public} (owned by the database owner) and the guard's. */
    private static final String APPLICATION_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' "
            + "AND n.nspname <> '" + GUARD_SCHEMA + "'";

    /** ALTER ... OWNER for every object of medoc's schemas (and {@code public}) that the role does not own yet. */
    private static int handOver(Statement sql, String role) throws SQLException {
        List<String> statements = new ArrayList<>();
        collect(sql, statements, "SELECT format('ALTER SCHEMA %I OWNER TO " + role + "', n.nspname) FROM pg_namespace n "
                + "WHERE " + APPLICATION_SCHEMAS + " AND n.nspname <> 'public' AND n.nspowner <> '" + role + "'::regrole");
        // tables, views, materialized views, foreign tables, free-standing sequences (a column's sequence and a
        // table's indexes follow their table)
        collect(sql, statements, "SELECT format('ALTER %s %s OWNER TO " + role + "', CASE c.relkind WHEN 'v' THEN 'VIEW' "
                + "WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, "
                + "c.oid::regclass) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE " + APPLICATION_SCHEMAS + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') "
                + "AND c.relowner <> '" + role + "'::regrole AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d "
                + "WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))");
        collect(sql, statements, "SELECT format('ALTER ROUTINE %s OWNER TO " + role + "', p.oid::regprocedure) "
                + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + APPLICATION_SCHEMAS
                + " AND p.proowner <> '" + role + "'::regrole AND NOT EXISTS (SELECT 1 FROM pg_depend d "
                + "WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')");
        // enums, domains, composite and range types of their own (not a table's row type, not an array type)
        collect(sql, statements, "SELECT format('ALTER %s %s OWNER TO " + role + "', CASE t.typtype WHEN 'd' THEN 'DOMAIN' "
                + "ELSE 'TYPE' END, t.oid::regtype) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE " + APPLICATION_SCHEMAS + " AND t.typtype IN ('e', 'd', 'r', 'm', 'c') AND t.typowner <> '" + role
                + "'::regrole AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c') "
                + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid "
                + "AND d.deptype IN ('e', 'i'))");
        for (String statement : statements) {
            sql.execute(statement);
        }
        return statements.size();
    }

    private static void collect(Statement sql, List<String> statements, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                statements.add(rows.getString(1));
            }
        }
    }

    /**
     * Installs (again) {@value #GUARD_SCRIPT}, the superuser's event trigger that keeps the owner of the audit schema
     * from undoing the audit trail's protection; the file says what it refuses, and operators of an external server
     * run the same file.
     */
    private static void guardAuditTrail(Statement sql) throws SQLException, IOException {
        try (var script = ApplicationRole.class.getResourceAsStream("/" + GUARD_SCRIPT)) {
            if (script == null) {
                throw new IOException(GUARD_SCRIPT + " is missing from the class path");
            }
            sql.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Replaces {@code pg_hba.conf} by {@link #PG_HBA} unless it already says exactly that; true if it did. */
    static boolean writePgHba(Path pgDirectory) throws IOException {
        Path hba = pgDirectory.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA)) {
            return false;
        }
        Path temporary = pgDirectory.resolve("pg_hba.conf.medoc-tmp");
        Files.deleteIfExists(temporary);
        EmbeddedCredentials.createPrivate(temporary);
        Files.writeString(temporary, PG_HBA, StandardCharsets.UTF_8);
        Files.move(temporary, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
