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
    /** The Range header of every GetObject the store sends ("" for a whole-object GET). */
    static final List<String> getRanges = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        S3MockServer server = S3MockServer.start();
        S3Client client = S3Client.builder()
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
                    }
                }))
                .build();
        store = new S3ArchiveStore(client, S3MockServer.BUCKET, "archive");
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
}
