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
import java.nio.file.StandardCopyOption;

/** Archive files in a local directory ({@code ${medoc.data-dir}/archive} by default). */
public class LocalArchiveStore implements ArchiveStore {

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

    private interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes beside the target, then renames: readers never see a partial object. An existing object is kept. */
    private void putAtomically(String key, Writer writer) throws IOException {
        Path target = path(key);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".incoming-", ".part");
        try {
            writer.writeTo(temporary);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
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
