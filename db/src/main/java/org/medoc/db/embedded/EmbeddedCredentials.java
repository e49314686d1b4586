package org.medoc.db.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The two passwords of the embedded PostgreSQL: the bootstrap superuser's ({@code postgres}, used only at start-up to
 * prepare the cluster) and the application role's ({@link #APPLICATION_ROLE}, which medoc connects as). Generated at
 * the first start and kept in {@code ${medoc.data-dir}/pg.credentials}, readable by the owner only (0600): beside the
 * cluster rather than inside it because initdb wants an empty directory and the superuser's password must be known
 * before initdb runs (a start interrupted between the two then finds the same password again).
 */
record EmbeddedCredentials(String superuserPassword, String applicationPassword) {

    static final String SUPERUSER = "postgres";
    static final String APPLICATION_ROLE = "medoc";
    static final String FILE_NAME = "pg.credentials";

    /** Base64url: no quote, backslash or space, so a password can be written into SQL and pg files as it is. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{20,}");
    private static final SecureRandom RANDOM = new SecureRandom();

    EmbeddedCredentials {
        if (!SAFE.matcher(superuserPassword).matches() || !SAFE.matcher(applicationPassword).matches()) {
            throw new IllegalArgumentException("a password of the embedded PostgreSQL must be 20 or more base64url characters");
        }
    }

    /** {@code ${medoc.data-dir}/pg.credentials} for the cluster in {@code ${medoc.data-dir}/pg}. */
    static Path file(Path pgDirectory) {
        return pgDirectory.resolveSibling(FILE_NAME);
    }

    static boolean exist(Path pgDirectory) {
        return Files.exists(file(pgDirectory));
    }

    /** Reads the credentials beside {@code pgDirectory}, first creating them (fresh random passwords) if absent. */
    static EmbeddedCredentials loadOrCreate(Path pgDirectory) {
        Path file = file(pgDirectory);
        try {
            if (Files.exists(file)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                return new EmbeddedCredentials(properties.getProperty("superuser.password", ""),
                        properties.getProperty("application.password", ""));
            }
            EmbeddedCredentials created = new EmbeddedCredentials(generate(), generate());
            created.write(file);
            return created;
        } catch (IOException | IllegalArgumentException e) {
            throw new EmbeddedDatabaseException("cannot read or write the embedded PostgreSQL's credentials: " + e.getMessage(),
                    file, "check that the data directory is writable by this user; if the file was damaged, restore it "
                    + "from the backup of the data directory", e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written to a private temporary file, forced to disk, then renamed, so that a crash leaves the old file or the new. */
    private void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        createPrivate(temporary);
        Properties properties = new Properties();
        properties.setProperty("superuser.name", SUPERUSER);
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("application.role", APPLICATION_ROLE);
        properties.setProperty("application.password", applicationPassword);
        try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
            properties.store(out, "medoc's embedded PostgreSQL (pg/): keep private, keep with the data directory");
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** An empty file only its owner can read and write, created so (never readable by others, not even briefly). */
    static Path createPrivate(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[passwords hidden]";
    }
}
