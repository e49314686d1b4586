package org.medoc.archive.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalArchiveStoreTests {

    @TempDir Path root;

    @Test
    void storedBytesComeBackAndLeaveNoPartFilesBehind() throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root);
        store.put("fits/ab/x.fits", "content".getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = store.open("fits/ab/x.fits")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("content");
        }
        try (var files = Files.list(root.resolve("fits/ab"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.fits");
        }
    }

    @Test
    void aStreamIsStoredOnlyWhenItsBytesMatchTheExpectedHashAndLength() throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root);
        byte[] content = "content".getBytes(StandardCharsets.US_ASCII);
        String sha256 = Sha256.measure(new java.io.ByteArrayInputStream(content)).sha256();

        var stored = store.put("fits/ab/ok.fits", new java.io.ByteArrayInputStream(content), content.length, sha256);
        assertThat(stored).isEqualTo(new Sha256.Measured(sha256, content.length));

        assertThatThrownBy(() -> store.put("fits/ab/bad.fits", new java.io.ByteArrayInputStream("contenT".getBytes(StandardCharsets.US_ASCII)),
                content.length, sha256)).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> store.put("fits/ab/long.fits", new java.io.ByteArrayInputStream(content), content.length - 1, null))
                .hasMessageContaining("nothing stored");
        try (var files = Files.list(root.resolve("fits/ab"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ok.fits");
        }
    }

    @Test
    void anExistingObjectIsNeverRewritten() throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root);
        store.put("fits/ab/x.fits", "first".getBytes(StandardCharsets.US_ASCII));
        store.put("fits/ab/x.fits", "second".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(root.resolve("fits/ab/x.fits"))).isEqualTo("first");
    }

    @Test
    void keysCannotLeaveTheStore() throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root.resolve("archive"));
        Files.writeString(root.resolve("secret.txt"), "outside");
        assertThatThrownBy(() -> store.open("../secret.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("fits/../../secret.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/tmp/x", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("FITS/Upper.fits")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("fits/ab/absent.fits")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theIncompleteWriteOfAnEndedProcessIsSweptAndALiveOneKept() throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root);
        store.put("fits/ab/whole.fits", "whole".getBytes(StandardCharsets.US_ASCII));
        Path dir = root.resolve("fits/ab");
        // what kill -9 leaves between write and rename: a temporary file named for its (now ended) process
        Path crashed = Files.writeString(dir.resolve(".incoming-999999999-123.part"), "half");
        Path olderVersion = Files.writeString(dir.resolve(".incoming-123.part"), "half");
        Path ours = IncompleteFiles.create(dir, ".incoming-");

        assertThat(store.sweepIncomplete(java.time.Duration.ofHours(24))).isEqualTo(2);

        assertThat(crashed).doesNotExist();
        assertThat(olderVersion).doesNotExist();
        assertThat(ours).as("a write this live process is doing").exists();
        assertThat(dir.resolve("whole.fits")).hasContent("whole");
    }

    @Test
    void listingShowsStoredObjectsButNotIncompleteWrites() throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(root);
        store.put("fits/ab/one.fits", new byte[] {1});
        store.put("quicklook/ab/one.png", new byte[] {1, 2});
        IncompleteFiles.create(root.resolve("fits/ab"), ".incoming-");
        try (var listed = store.list("fits/")) {
            assertThat(listed.map(o -> o.key() + ":" + o.sizeBytes())).containsExactly("fits/ab/one.fits:1");
        }
        try (var listed = store.list("")) {
            assertThat(listed.map(ArchiveStore.StoredObject::key)).containsExactlyInAnyOrder("fits/ab/one.fits", "quicklook/ab/one.png");
        }
    }
}
