package org.medoc.archive.storage;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Archive files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, …), for installations whose archive
 * outgrows one machine or is shared by several nodes. An object PUT is atomic in S3, which gives the store's
 * whole-or-nothing guarantee; keys are content-addressed, so an existing object is never rewritten.
 */
public class S3ArchiveStore implements ArchiveStore {

    private static final Logger log = LoggerFactory.getLogger(S3ArchiveStore.class);

    /**
     * When an object is sent in parts ({@code medoc.storage.s3.multipart-threshold}) and how large a part is
     * ({@code medoc.storage.s3.part-size}): one part is held in memory per upload in progress. S3 wants parts of at
     * least 5 MiB (all but the last) and at most 10,000 parts per object, so a larger object gets larger parts.
     */
    public record Multipart(long thresholdBytes, long partSizeBytes) {
        public static final long MIN_PART_BYTES = 5L << 20;
        static final int MAX_PARTS = 10_000;
        public static final Multipart DEFAULT = new Multipart(64L << 20, 16L << 20);

        public Multipart {
            if (partSizeBytes < MIN_PART_BYTES || partSizeBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("medoc.storage.s3.part-size must be between 5 MiB and 2 GiB: " + partSizeBytes);
            }
            // below the threshold an object is sent from memory in one PUT: at most one Java array
            if (thresholdBytes < partSizeBytes || thresholdBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("medoc.storage.s3.multipart-threshold must be between the part size and 2 GiB: "
                        + thresholdBytes);
            }
        }

        int partSizeFor(long sizeBytes) {
            return (int) Math.min(Math.max(partSizeBytes, -Math.floorDiv(-sizeBytes, MAX_PARTS)), sizeBytes);
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Multipart multipart;

    /** @param prefix folder inside the bucket ("" for the bucket root), e.g. "medoc/" */
    public S3ArchiveStore(S3Client s3, String bucket, String prefix) {
        this(s3, bucket, prefix, Multipart.DEFAULT);
    }

    public S3ArchiveStore(S3Client s3, String bucket, String prefix, Multipart multipart) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
        this.multipart = multipart;
    }

    /**
     * A file over the multipart threshold is hashed first and then sent in parts checked against that hash (see
     * {@link #put(String, InputStream, long, String)}): a file changed while it is sent is refused, not half-stored.
     */
    @Override
    public void put(String key, Path source) throws IOException {
        if (exists(key)) {
            return;
        }
        long size = Files.size(source);
        if (size >= multipart.thresholdBytes()) {
            String sha256 = Sha256.of(source);
            try (InputStream in = Files.newInputStream(source)) {
                putMultipart(key, in, size, sha256);
            }
            return;
        }
        call(() -> s3.putObject(b -> b.bucket(bucket).key(objectKey(key)), RequestBody.fromFile(source)));
    }

    /**
     * Objects under the threshold are read into memory (at most the threshold), checked, and sent in one PUT; larger
     * ones are sent as a multipart upload that is completed only once every part is sent and the hash of all the bytes
     * sent matches: on any failure or mismatch the upload is aborted, so no object appears under the key. Each part
     * also carries its own SHA-256, which the object store checks on receipt.
     */
    @Override
    public Sha256.Measured put(String key, InputStream content, long sizeBytes, String expectedSha256) throws IOException {
        if (exists(key)) {
            return null;
        }
        if (sizeBytes >= multipart.thresholdBytes()) {
            return putMultipart(key, content, sizeBytes, expectedSha256);
        }
        SentBytes sent = new SentBytes(key, expectedSha256, sizeBytes);
        byte[] bytes = content.readNBytes((int) sizeBytes);
        sent.add(bytes, 0, bytes.length);
        byte[] oneMore = new byte[1];
        if (content.read(oneMore) > 0) {
            sent.add(oneMore, 0, 1);
        }
        Sha256.Measured verified = sent.verified();
        call(() -> s3.putObject(b -> b.bucket(bucket).key(objectKey(key)), RequestBody.fromBytes(bytes)));
        return verified;
    }

    private Sha256.Measured putMultipart(String key, InputStream content, long sizeBytes, String expectedSha256)
            throws IOException {
        String objectKey = objectKey(key);
        String uploadId = call(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256))).uploadId();
        boolean completed = false;
        try {
            SentBytes sent = new SentBytes(key, expectedSha256, sizeBytes);
            byte[] part = new byte[multipart.partSizeFor(sizeBytes)];
            List<CompletedPart> parts = new ArrayList<>();
            while (true) {
                int n = content.readNBytes(part, 0, part.length);
                if (n == 0) {
                    break;
                }
                sent.add(part, 0, n);
                int number = parts.size() + 1;
                UploadPartResponse response = call(() -> s3.uploadPart(b -> b.bucket(bucket).key(objectKey)
                                .uploadId(uploadId).partNumber(number).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                        RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, n), n)));
                parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag())
                        .checksumSHA256(response.checksumSHA256()).build());
                if (n < part.length) {
                    break;
                }
            }
            Sha256.Measured verified = sent.verified();
            call(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))));
            completed = true;
            return verified;
        } finally {
            if (!completed) {
                abort(objectKey, uploadId);
            }
        }
    }

    private void abort(String objectKey, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (RuntimeException e) {
            // the start-up sweep aborts it later; the object itself never became visible
            log.warn("Could not abort the multipart upload {} of {}: {}", uploadId, objectKey, e.getMessage());
        }
    }

    /**
     * Aborts the multipart uploads under this store's prefix that a crashed process left unfinished (their parts
     * take space but are never an object). Uploads younger than {@code maxAge} may belong to another live node and are kept.
     */
    @Override
    public int sweepIncomplete(Duration maxAge) throws IOException {
        Instant startedBefore = Instant.now().minus(maxAge);
        int aborted = 0;
        List<MultipartUpload> uploads = call(() -> s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
                .uploads().stream().toList());
        for (MultipartUpload upload : uploads) {
            if (upload.initiated() == null || !upload.initiated().isAfter(startedBefore)) {
                call(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())));
                log.info("Aborted the unfinished multipart upload of {} started at {}", upload.key(), upload.initiated());
                aborted++;
            }
        }
        return aborted;
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        if (!exists(key)) {
            call(() -> s3.putObject(b -> b.bucket(bucket).key(objectKey(key)), RequestBody.fromBytes(content)));
        }
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public boolean exists(String key) throws IOException {
        return head(key) != null;
    }

    @Override
    public long size(String key) throws IOException {
        HeadObjectResponse head = head(key);
        if (head == null) {
            throw new NoSuchFileException("no stored object " + key);
        }
        return head.contentLength();
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("no stored object " + key);
        } catch (S3Exception e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    @Override
    public Resource resource(String key) throws IOException {
        long length = size(key);
        String name = key.substring(key.lastIndexOf('/') + 1);
        return new AbstractResource() {
            @Override
            public String getDescription() {
                return "s3://" + bucket + "/" + objectKey(key);
            }

            /**
             * Opened lazily: Spring serves a Range request by skipping to the range's start and reading its length,
             * so a skip before the first read becomes the start of a ranged GET and the object store sends only
             * the bytes from there on (the rest is not fetched: the stream is aborted when closed early).
             */
            @Override
            public InputStream getInputStream() {
                return new RangedObjectStream(key, length);
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public String getFilename() {
                return name;
            }

            @Override
            public boolean exists() {
                return true;
            }
        };
    }

    /** The object's bytes from {@code start} (inclusive) to {@code end} (inclusive, or to the end when null): one ranged GET. */
    public InputStream openRange(String key, long start, Long end) throws IOException {
        String range = "bytes=" + start + "-" + (end == null ? "" : end);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(objectKey(key)).range(range));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException("no stored object " + key);
        } catch (S3Exception e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    /** An object stream that fetches nothing until read, and turns skips before that into the start of a ranged GET. */
    private final class RangedObjectStream extends InputStream {
        private final String key;
        private final long length;
        private long position;
        private ResponseInputStream<GetObjectResponse> open;
        private boolean atEnd;

        RangedObjectStream(String key, long length) {
            this.key = key;
            this.length = length;
        }

        private InputStream stream() throws IOException {
            if (open == null) {
                if (position >= length) {
                    atEnd = true;
                    return InputStream.nullInputStream();
                }
                @SuppressWarnings("unchecked")
                ResponseInputStream<GetObjectResponse> stream = (ResponseInputStream<GetObjectResponse>) (position == 0
                        ? open(key) : openRange(key, position, null));
                open = stream;
            }
            return open;
        }

        @Override
        public long skip(long n) throws IOException {
            if (open == null) {
                long skipped = Math.max(0, Math.min(n, length - position));
                position += skipped;
                return skipped;
            }
            long skipped = open.skip(n);
            position += skipped;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            int b = stream().read();
            if (b < 0) {
                atEnd = true;
            } else {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n = stream().read(buffer, offset, count);
            if (n < 0) {
                atEnd = true;
            } else {
                position += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (open != null) {
                if (!atEnd && position < length) {
                    open.abort(); // a range ended early: drop the connection rather than download the rest
                }
                open.close();
            }
        }
    }

    @Override
    public Stream<StoredObject> list(String listPrefix) throws IOException {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + listPrefix)).contents().stream()
                    .filter(o -> o.key().startsWith(prefix))
                    .map(o -> new StoredObject(o.key().substring(prefix.length()), o.size(), o.lastModified()));
        } catch (S3Exception e) {
            throw new IOException("object store: " + e.getMessage(), e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key))));
    }

    private HeadObjectResponse head(String key) throws IOException {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    private String objectKey(String key) {
        return prefix + ArchiveStore.checkKey(key);
    }

    private static void call(Runnable request) throws IOException {
        call(() -> {
            request.run();
            return null;
        });
    }

    private static <T> T call(Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (S3Exception e) {
            throw new IOException("object store: " + e.getMessage(), e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
    }

}
