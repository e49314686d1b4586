package org.medoc.archive.storage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.util.StreamUtils;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The object-store ArchiveStore against a real S3 protocol peer (S3Mock), not a mock of the SDK. */
class S3ArchiveStoreTests {

    static S3ArchiveStore store;
    static S3Client client;
    /** A store that sends objects of 6 MiB and more in parts of 5 MiB (the smallest S3 accepts). */
    static S3ArchiveStore multipartStore;
    static final List<Integer> partsSent = new CopyOnWriteArrayList<>();
    /** The Range header of every GetObject the store sends ("" for a whole-object GET). */
    static final List<String> getRanges = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        S3MockServer server = S3MockServer.start();
        client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create(server.endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("medoc", "secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetObjectRequest get) {
                            getRanges.add(get.range() == null ? "" : get.range());
                        }
                        if (context.request() instanceof UploadPartRequest part) {
                            partsSent.add(part.partNumber());
                        }
                    }
                }))
                .build();
        store = new S3ArchiveStore(client, S3MockServer.BUCKET, "archive");
        multipartStore = new S3ArchiveStore(client, S3MockServer.BUCKET, "multipart",
                new S3ArchiveStore.Multipart(6L << 20, 5L << 20));
    }

    @Test
    void storedBytesComeBackWhole(@TempDir Path dir) throws Exception {
        byte[] content = "SIMPLE  =                    T".repeat(500).getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("a.fits"), content);
        store.put("fits/ab/roundtrip.fits", file);
        assertThat(store.exists("fits/ab/roundtrip.fits")).isTrue();
        assertThat(store.size("fits/ab/roundtrip.fits")).isEqualTo(content.length);
        try (InputStream in = store.open("fits/ab/roundtrip.fits")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        var resource = store.resource("fits/ab/roundtrip.fits");
        assertThat(resource.contentLength()).isEqualTo(content.length);
        try (InputStream in = resource.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aByteRangeIsFetchedWithARangedGetNotByReadingAndSkippingTheObject() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(42).nextBytes(content);
        store.put("fits/12/ranged.fits", content);
        var resource = store.resource("fits/12/ranged.fits");
        getRanges.clear();

        // what Spring does for "Range: bytes=500000-500099": skip to the start, read the length, close
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        try (InputStream in = resource.getInputStream()) {
            StreamUtils.copyRange(in, served, 500_000, 500_099);
        }

        assertThat(served.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 500_000, 500_100));
        assertThat(getRanges).containsExactly("bytes=500000-");
    }

    @Test
    void aWholeObjectIsFetchedWithOnePlainGet() throws Exception {
        store.put("fits/12/whole.fits", "whole object".getBytes(StandardCharsets.US_ASCII));
        getRanges.clear();
        try (InputStream in = store.resource("fits/12/whole.fits").getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("whole object");
        }
        assertThat(getRanges).containsExactly("");
    }

    @Test
    void listingShowsTheObjectsUnderAPrefixWithTheirSizes() throws Exception {
        store.put("quicklook/77/a.png", new byte[] {1, 2});
        store.put("quicklook/77/b.png", new byte[] {1, 2, 3});
        try (var listed = store.list("quicklook/77/")) {
            assertThat(listed.map(o -> o.key() + ":" + o.sizeBytes()))
                    .containsExactlyInAnyOrder("quicklook/77/a.png:2", "quicklook/77/b.png:3");
        }
    }

    @Test
    void anExistingObjectIsNeverRewritten() throws Exception {
        store.put("quicklook/cd/kept.png", "first".getBytes(StandardCharsets.US_ASCII));
        store.put("quicklook/cd/kept.png", "second".getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = store.open("quicklook/cd/kept.png")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("first");
        }
    }

    @Test
    void aMissingObjectIsReportedAsMissing() {
        assertThatThrownBy(() -> store.open("fits/ef/absent.fits")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.size("fits/ef/absent.fits")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deletedObjectsAreGone() throws Exception {
        store.put("quarantine/00/gone.bin", new byte[] {1, 2, 3});
        store.delete("quarantine/00/gone.bin");
        assertThat(store.exists("quarantine/00/gone.bin")).isFalse();
    }

    @Test
    void keysThatCouldEscapeAreRefused() {
        assertThatThrownBy(() -> store.put("../etc/passwd", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/absolute", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("fits/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileOverTheMultipartThresholdIsSentInPartsAndComesBackWhole(@TempDir Path dir) throws Exception {
        byte[] content = randomBytes(12 << 20, 1);
        Path file = Files.write(dir.resolve("large.fits"), content);
        partsSent.clear();

        multipartStore.put("fits/mp/large.fits", file);

        assertThat(partsSent).containsExactly(1, 2, 3); // 5 MiB + 5 MiB + 2 MiB
        assertThat(multipartStore.size("fits/mp/large.fits")).isEqualTo(content.length);
        try (InputStream in = multipartStore.openVerified("fits/mp/large.fits", sha256(content), content.length)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(unfinishedUploads()).isEmpty();
    }

    @Test
    void aFileUnderTheThresholdIsSentInOnePut(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("small.fits"), randomBytes(1 << 20, 2));
        partsSent.clear();
        multipartStore.put("fits/mp/small.fits", file);
        assertThat(partsSent).isEmpty();
        assertThat(multipartStore.size("fits/mp/small.fits")).isEqualTo(1 << 20);
    }

    @Test
    void aStreamThatFailsMidUploadLeavesNoObjectAndNoUnfinishedUpload() throws Exception {
        byte[] content = randomBytes(12 << 20, 3);
        InputStream failing = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(content)) {
            long read;

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (read > (7 << 20)) {
                    throw new java.io.IOException("disk read error (simulated)");
                }
                int n = super.read(b, off, Math.min(len, 1 << 20));
                read += Math.max(n, 0);
                return n;
            }
        };

        assertThatThrownBy(() -> multipartStore.put("fits/mp/failed.fits", failing, content.length, sha256(content)))
                .hasMessageContaining("simulated");

        assertThat(multipartStore.exists("fits/mp/failed.fits")).isFalse();
        assertThat(unfinishedUploads()).isEmpty();
    }

    @Test
    void bytesThatDifferFromTheExpectedHashAreNeverCompletedIntoAnObject() throws Exception {
        byte[] content = randomBytes(7 << 20, 4);
        String otherHash = sha256(randomBytes(7 << 20, 5));

        assertThatThrownBy(() -> multipartStore.put("fits/mp/corrupt.fits", new java.io.ByteArrayInputStream(content),
                content.length, otherHash)).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> multipartStore.put("fits/mp/short.fits", new java.io.ByteArrayInputStream(content),
                content.length + 1L, null)).hasMessageContaining("nothing stored");
        assertThatThrownBy(() -> multipartStore.put("fits/mp/small-corrupt.fits", new java.io.ByteArrayInputStream(new byte[10]),
                10, otherHash)).isInstanceOf(IntegrityException.class);

        assertThat(multipartStore.list("fits/mp/").map(ArchiveStore.StoredObject::key))
                .doesNotContain("fits/mp/corrupt.fits", "fits/mp/short.fits", "fits/mp/small-corrupt.fits");
        assertThat(unfinishedUploads()).isEmpty();
    }

    @Test
    void anUploadLeftUnfinishedByACrashIsAbortedByTheSweepOnceOldEnough() throws Exception {
        // what a process killed between two parts leaves behind
        String uploadId = client.createMultipartUpload(b -> b.bucket(S3MockServer.BUCKET).key("multipart/fits/mp/crashed.fits"))
                .uploadId();
        client.uploadPart(b -> b.bucket(S3MockServer.BUCKET).key("multipart/fits/mp/crashed.fits").uploadId(uploadId).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(randomBytes(5 << 20, 6)));

        assertThat(multipartStore.sweepIncomplete(java.time.Duration.ofHours(1))).isZero(); // may be another node's
        assertThat(unfinishedUploads()).containsExactly("multipart/fits/mp/crashed.fits");

        assertThat(multipartStore.sweepIncomplete(java.time.Duration.ZERO)).isEqualTo(1);
        assertThat(unfinishedUploads()).isEmpty();
        assertThat(multipartStore.exists("fits/mp/crashed.fits")).isFalse();
    }

    private static List<String> unfinishedUploads() {
        return client.listMultipartUploads(b -> b.bucket(S3MockServer.BUCKET).prefix("multipart/")).uploads().stream()
                .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key).toList();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return Sha256.measure(new java.io.ByteArrayInputStream(bytes)).sha256();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
