package org.medoc.archive.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ArchiveStore.openVerified: the one verified read of stored files (downloads, chains, freezes, fixity). */
class VerifiedReadTests {

    @TempDir Path root;

    private static final byte[] CONTENT = "SIMPLE  =                    T".getBytes(StandardCharsets.US_ASCII);

    private LocalArchiveStore storeWith(byte[] content) throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root);
        store.put("fits/ab/x.fits", content);
        return store;
    }

    private static String sha256(byte[] content) throws java.io.IOException {
        return Sha256.measure(new java.io.ByteArrayInputStream(content)).sha256();
    }

    @Test
    void anIntactFileReadsThroughAndReportsItsVerifiedChecksum() throws Exception {
        LocalArchiveStore store = storeWith(CONTENT);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (VerifiedInputStream in = store.openVerified("fits/ab/x.fits", sha256(CONTENT), CONTENT.length)) {
            assertThat(in.transferTo(copy)).isEqualTo(CONTENT.length);
            assertThat(in.verifiedSha256()).isEqualTo(sha256(CONTENT));
        }
        assertThat(copy.toByteArray()).isEqualTo(CONTENT);
    }

    @Test
    void aFlippedByteFailsAtTheEndWithBothChecksums() throws Exception {
        byte[] damaged = CONTENT.clone();
        damaged[3] ^= 1;
        LocalArchiveStore store = storeWith(damaged);
        String recorded = sha256(CONTENT);
        String actual = sha256(damaged);
        assertThatThrownBy(() -> {
            try (VerifiedInputStream in = store.openVerified("fits/ab/x.fits", recorded, CONTENT.length)) {
                in.verifyToEnd();
            }
        }).isInstanceOfSatisfying(IntegrityException.class, e -> {
            assertThat(e.storageKey()).isEqualTo("fits/ab/x.fits");
            assertThat(e.expectedSha256()).isEqualTo(recorded);
            assertThat(e.actualSha256()).isEqualTo(actual);
            assertThat(e.actualSizeBytes()).isEqualTo(CONTENT.length);
            assertThat(e.getMessage()).contains("does not match its record", recorded);
        });
    }

    @Test
    void aTruncatedFileFailsWithItsActualSize() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(CONTENT, 10);
        LocalArchiveStore store = storeWith(truncated);
        assertThatThrownBy(() -> {
            try (InputStream in = store.openVerified("fits/ab/x.fits", sha256(CONTENT), CONTENT.length)) {
                in.readAllBytes();
            }
        }).isInstanceOfSatisfying(IntegrityException.class, e -> assertThat(e.actualSizeBytes()).isEqualTo(10));
    }

    @Test
    void aLongerFileFailsAsSoonAsTheExtraByteIsRead() throws Exception {
        byte[] longer = (new String(CONTENT, StandardCharsets.US_ASCII) + "!").getBytes(StandardCharsets.US_ASCII);
        LocalArchiveStore store = storeWith(longer);
        try (InputStream in = store.openVerified("fits/ab/x.fits", sha256(CONTENT), CONTENT.length)) {
            assertThat(in.readNBytes(CONTENT.length)).isEqualTo(CONTENT);
            assertThatThrownBy(in::read).isInstanceOfSatisfying(IntegrityException.class, e -> {
                assertThat(e.actualSha256()).isNull();
                assertThat(e.actualSizeBytes()).isEqualTo(CONTENT.length + 1);
            });
        }
    }

    @Test
    void skippedBytesAreStillHashed() throws Exception {
        byte[] damaged = CONTENT.clone();
        damaged[1] ^= 1;
        LocalArchiveStore store = storeWith(damaged);
        assertThatThrownBy(() -> {
            try (InputStream in = store.openVerified("fits/ab/x.fits", sha256(CONTENT), CONTENT.length)) {
                in.skip(5);
                in.readAllBytes();
            }
        }).isInstanceOf(IntegrityException.class);
    }

    @Test
    void namingTheFileForPeopleKeepsTheFacts() throws Exception {
        IntegrityException mismatch = new IntegrityException("k/x.fits", "aa", 3, "bb", 2);
        IntegrityException named = new IntegrityException("observation 42", mismatch);
        assertThat(named.getMessage()).startsWith("stored file of observation 42 does not match its record (sha256 bb, 2 bytes; expected aa, 3 bytes)");
        assertThat(named.storageKey()).isEqualTo("k/x.fits");
        assertThat(Files.exists(root)).isTrue();
    }
}
