package org.medoc.db.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The embedded default: with no {@code spring.datasource.url} configured, medoc runs its own PostgreSQL 17
 * (real server binaries, not an imitation) under {@code ${medoc.data-dir}/pg}, so that a newcomer needs no
 * database server. The data directory is kept between starts; the server lives exactly as long as the JVM that
 * started it, even one killed with SIGKILL (see {@link EmbeddedDatabase}). medoc connects as a role without superuser
 * rights, with a password ({@link ApplicationRole}). A configured URL switches this off entirely.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(NoDataSourceUrlCondition.class)
public class EmbeddedPostgresAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment environment) {
        return EmbeddedDatabase.start(pgDirectory(environment));
    }

    /** {@code ${medoc.data-dir}/pg}, absolute. */
    static Path pgDirectory(Environment environment) {
        return Path.of(environment.getProperty("medoc.data-dir", "./medoc-data")).toAbsolutePath().normalize().resolve("pg");
    }

    /** The server itself, for code that needs its port; {@link EmbeddedDatabase} stops it. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabase database) {
        return database.postgres();
    }

    /**
     * medoc's connections: the application role, which owns medoc's schemas but is no superuser (see
     * {@link ApplicationRole}), with the password kept in {@code ${medoc.data-dir}/pg.credentials}.
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.applicationUser());
        config.setPassword(database.applicationPassword());
        config.setMaximumPoolSize(10);
        config.setPoolName("medoc-embedded");
        return new HikariDataSource(config);
    }

}
