package org.medoc.db.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proof that one live medoc owns an embedded PostgreSQL data directory: an OS file lock on {@code medoc.lock} beside
 * it (in {@code ${medoc.data-dir}}, not inside {@code pg}, which {@code initdb} wants empty). The operating system drops
 * the lock when the owning process ends in any way, SIGKILL included, so a held lock always means a live medoc and
 * a free one means whatever still runs on the directory was left by a dead one. The file holds the owner's pid for
 * the refusal message; it is never deleted (deleting a lock file lets two processes lock two different files).
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "medoc.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code pgDirectory} (the PostgreSQL data directory), or refuses at once with the pid of the
     * medoc that holds it.
     */
    static DataDirectoryLock acquire(Path pgDirectory) {
        Path file = lockFile(pgDirectory);
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot open the lock file of the embedded database: " + e.getMessage(),
                    file, "check that the medoc data directory exists and is writable by this user", e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = ownerPid(channel);
                channel.close();
                throw new EmbeddedDatabaseException("data directory in use by medoc pid " + owner, pgDirectory.getParent(),
                        "stop that medoc first, or give this one another --medoc.data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EmbeddedDatabaseException("cannot lock the embedded database: " + e.getMessage(), file,
                    "check that the medoc data directory is on a local file system writable by this user", e);
        }
    }

    static Path lockFile(Path pgDirectory) {
        return pgDirectory.resolveSibling(FILE_NAME);
    }

    private static String ownerPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("\\d+") ? text : "(unknown)";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel; nothing more to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }
}
