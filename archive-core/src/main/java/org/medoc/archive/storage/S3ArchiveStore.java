package org.medoc.archive.storage;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Archive files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, …), for installations whose archive
 * outgrows one machine or is shared by several nodes. An object PUT is atomic in S3, which gives the store's
 * whole-or-nothing guarantee; keys are content-addressed, so an existing object is never rewritten.
 */
public class S3ArchiveStore implements ArchiveStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix folder inside the bucket ("" for the bucket root), e.g. "medoc/" */
    public S3ArchiveStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
    }

    @Override
    public void put(String key, Path source) throws IOException {
        if (!exists(key)) {
            call(() -> s3.putObject(b -> b.bucket(bucket).key(objectKey(key)), RequestBody.fromFile(source)));
        }
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        if (!exists(key)) {
            call(() -> s3.putObject(b -> b.bucket(bucket).key(objectKey(key)), RequestBody.fromBytes(content)));
        }
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
        try {
            request.run();
        } catch (S3Exception e) {
            throw new IOException("object store: " + e.getMessage(), e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
    }

}
