package org.medoc.archive.storage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;

/** Archive files in a local directory ({@code ${medoc.data-dir}/archive} by default). */
public class LocalArchiveStore implements ArchiveStore {

    /** Name start of the temporary files of writes in progress (never a valid key: keys start with a letter or digit). */
    static final String INCOMPLETE_PREFIX = ".incoming-";

    private final Path root;

    public LocalArchiveStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public void put(String key, Path source) throws IOException {
        putAtomically(key, temporary -> Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        putAtomically(key, temporary -> Files.write(temporary, content));
    }

    /** Verified before the rename: an object whose bytes differ from the expected ones never appears under its key. */
    @Override
    public Sha256.Measured put(String key, InputStream content, long sizeBytes, String expectedSha256) throws IOException {
        Sha256.Measured[] written = new Sha256.Measured[1];
        putAtomically(key, temporary -> {
            try (var out = Files.newOutputStream(temporary)) {
                written[0] = SentBytes.copy(key, content, sizeBytes, expectedSha256, out);
            }
        });
        return written[0];
    }

    private interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Writes beside the target, forces the bytes to the disk, renames, and forces the directory entry: readers never
     * see a partial object, and after a crash (power loss, {@code kill -9}) an object under its key is whole, so a
     * catalogue row committed after {@code put} returned never refers to a half-written file. An existing object is
     * kept. A crash before the rename leaves only a temporary file, deleted by {@link #sweepIncomplete} at the next start.
     */
    private void putAtomically(String key, Writer writer) throws IOException {
        Path target = path(key);
        if (Files.exists(target)) {
            return;
        }
        Path directory = target.getParent();
        Path temporary = IncompleteFiles.create(directory, INCOMPLETE_PREFIX);
        try {
            writer.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            moveIntoPlace(temporary, target);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Makes the rename durable. A platform that cannot open directories (Windows) has no such step to take: the rename
     * is still atomic, only its durability on power loss is the platform's. Where the directory opens, a failing
     * {@code fsync} is an I/O error like any other and fails the put, so no catalogue row is committed on top of it.
     */
    private static void forceDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) throws IOException {
        String dirPart = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        Path start = dirPart.isEmpty() ? root : path(dirPart);
        if (!Files.isDirectory(start)) {
            return Stream.empty();
        }
        Stream<Path> walk = Files.walk(start);
        return walk.filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith(INCOMPLETE_PREFIX))
                .map(p -> {
                    String key = root.relativize(p).toString().replace('\\', '/');
                    try {
                        var attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                        return new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant());
                    } catch (IOException e) {
                        return null; // deleted while listed
                    }
                })
                .filter(o -> o != null && o.key().startsWith(prefix))
                .onClose(walk::close);
    }

    @Override
    public int sweepIncomplete(Duration maxAge) throws IOException {
        return IncompleteFiles.sweep(root, INCOMPLETE_PREFIX, maxAge);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another ingest stored the same content first: same key, same bytes
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String location() {
        return root.toUri().toString();
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(path(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = path(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException("no stored object " + key);
        }
        return Files.newInputStream(path);
    }

    @Override
    public Resource resource(String key) throws IOException {
        Path path = path(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException("no stored object " + key);
        }
        return new FileSystemResource(path);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        Path path = root.resolve(ArchiveStore.checkKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return path;
    }
}
