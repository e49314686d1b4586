package org.medoc.archive.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files that become something else when complete (an upload being received, an object being written before
 * its rename). Their names carry the id of the process writing them, {@code <prefix><pid>-<random>.part}, so that
 * after a crash ({@code kill -9}) the next start can tell the files of a dead process, which nobody will ever finish,
 * from those a live process is still writing, and delete only the former.
 */
public final class IncompleteFiles {

    private static final Logger log = LoggerFactory.getLogger(IncompleteFiles.class);
    private static final Pattern NAME = Pattern.compile("(.*?)(\\d+)-[^/]*\\.part");

    private IncompleteFiles() {
    }

    private static final long PID = ProcessHandle.current().pid();
    private static final java.nio.file.attribute.FileAttribute<?>[] OWNER_ONLY = {
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};

    /**
     * A new empty temporary file in {@code dir} (created if needed), named for this process, readable and writable by
     * its owner only (as {@code Files.createTempFile} makes them). Made here rather than by {@code createTempFile}:
     * that one draws its name from a shared {@code SecureRandom}, and {@code createDirectories} throws and catches an
     * exception when the directory exists, both a cost at hundreds of objects a second; the name only has to be new
     * (it is created exclusively, and drawn again if taken).
     */
    public static Path create(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path file = dir.resolve(prefix + PID + "-"
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return posix ? Files.createFile(file, OWNER_ONLY) : Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes, in {@code dir} and below, the {@code .part} files starting with {@code prefix} that no live process
     * writes: their process has ended, their name carries no process (older medoc versions), or they are older than
     * {@code maxAge} (a process id seen on another host sharing the directory, or reused).
     *
     * @return how many files were deleted
     */
    public static int sweep(Path dir, String prefix, Duration maxAge) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant tooOld = Instant.now().minus(maxAge);
        int deleted = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (!name.startsWith(prefix) || !name.endsWith(".part")) {
                    continue;
                }
                if (abandoned(name.substring(prefix.length()), file, tooOld) && Files.deleteIfExists(file)) {
                    log.info("Deleted incomplete file {} left by an ended process", file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static boolean abandoned(String rest, Path file, Instant tooOld) throws IOException {
        Matcher m = NAME.matcher(rest);
        if (!m.matches() || !m.group(1).isEmpty()) {
            return true; // no process id in the name
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return true;
        }
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Files.getLastModifiedTime(file).toInstant().isBefore(tooOld);
        }
        return pid != ProcessHandle.current().pid() || Files.getLastModifiedTime(file).toInstant().isBefore(tooOld);
    }
}
