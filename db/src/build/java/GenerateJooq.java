import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time jOOQ code generation from the schema of a real PostgreSQL (the jOOQ manual's "derived artefact"
 * mode): start embedded PostgreSQL, apply the Flyway migrations, generate, stop. DDL-based generation is not
 * used because it loses PostgreSQL features (jsonb, ranges, partial indexes).
 *
 * <p>Arguments: migration directory, output directory, target package, comma-separated schemas.
 * Regeneration is skipped when the migrations are byte-for-byte those of the last run.
 */
public class GenerateJooq {
    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String packageName = args[2];
        List<String> schemas = List.of(args[3].split(","));

        String fingerprint = fingerprint(migrations, String.join(",", args));
        Path stamp = output.resolve(".migrations.sha256");
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("[jooq] generated classes are up to date with the migrations");
            return;
        }
        long started = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            Database database = new Database()
                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                    .withExcludes("flyway_schema_history");
            for (String schema : schemas) {
                database.withSchemata(new SchemaMappingType().withInputSchema(schema.trim()));
            }
            Configuration configuration = new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(database)
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName(packageName)
                                    .withDirectory(output.toAbsolutePath().toString())
                                    .withClean(true)));
            GenerationTool.generate(configuration);
        }
        Files.writeString(stamp, fingerprint);
        System.out.printf("[jooq] generated %s from %s in %.1f s%n", packageName, migrations,
                (System.nanoTime() - started) / 1e9);
    }

    private static String fingerprint(Path migrations, String arguments) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(arguments.getBytes());
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes());
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
