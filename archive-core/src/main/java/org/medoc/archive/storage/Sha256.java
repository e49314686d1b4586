package org.medoc.archive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 that identifies every stored file: computed at ingest, re-checked whenever a file is served in bulk. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Lower-case hexadecimal, as the catalogue stores it. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Streams the file: bounded memory whatever its size. */
    public static String of(Path file) throws IOException {
        return measure(Files.newInputStream(file)).sha256();
    }

    /** A stream's SHA-256 and length. */
    public record Measured(String sha256, long sizeBytes) {}

    /** Reads the stream to its end (bounded memory whatever its size), closes it, and returns its SHA-256 and length. */
    public static Measured measure(InputStream stream) throws IOException {
        MessageDigest digest = newDigest();
        long size;
        try (InputStream in = new DigestInputStream(stream, digest)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new Measured(hex(digest), size);
    }
}
