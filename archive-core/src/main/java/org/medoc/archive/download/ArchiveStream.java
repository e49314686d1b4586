package org.medoc.archive.download;

import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.IntegrityException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One tar or zip written entry by entry to a response, never held in memory: stored files are copied from the
 * {@link ArchiveStore} while their SHA-256 (and size) are re-computed and compared with what the caller expects; a
 * mismatch aborts the stream with {@link IntegrityException}, so a client sees a failed transfer, never a silently
 * corrupted archive. Shared by the archive's bulk download and the release packages. Entry names come from the
 * caller and must be generated ones, never user input.
 */
public final class ArchiveStream implements AutoCloseable {

    /** The container format of a bulk download or package. */
    public enum Format {
        TAR("application/x-tar", ".tar"), ZIP("application/zip", ".zip");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private final ArchiveOutputStream<?> archive;
    private final Format format;
    private final ArchiveStore store;

    public ArchiveStream(Format format, OutputStream target, ArchiveStore store) {
        this.format = format;
        this.store = store;
        this.archive = format == Format.TAR ? tar(target) : zip(target);
    }

    /**
     * Copies a stored object into the archive, re-verifying it on the way.
     *
     * @param what names the file in the error message (e.g. "observation 42")
     */
    public void addStored(String name, String storageKey, long sizeBytes, String sha256, String what) throws IOException {
        putEntry(name, sizeBytes);
        try (InputStream in = store.openVerified(storageKey, sha256, sizeBytes)) {
            in.transferTo(archive);
        } catch (IntegrityException e) {
            throw new IntegrityException(what, e);
        }
        archive.closeArchiveEntry();
    }

    /** A small generated file (manifest, catalogue, notes). */
    public void addBytes(String name, byte[] content) throws IOException {
        putEntry(name, content.length);
        archive.write(content);
        archive.closeArchiveEntry();
    }

    /** Writes the archive's end; the underlying response stays open for the container to close. */
    public void finish() throws IOException {
        archive.finish();
        archive.flush();
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }

    private void putEntry(String name, long size) throws IOException {
        if (format == Format.TAR) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(size);
            ((TarArchiveOutputStream) archive).putArchiveEntry(entry);
        } else {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setSize(size);
            ((ZipArchiveOutputStream) archive).putArchiveEntry(entry);
        }
    }

    private static TarArchiveOutputStream tar(OutputStream target) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(nonClosing(target));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    private static ZipArchiveOutputStream zip(OutputStream target) {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(nonClosing(target));
        zip.setUseZip64(Zip64Mode.AsNeeded);
        // STORED would need each entry's CRC before its bytes (a second read of every file); deflate at level 0
        // streams in one pass and costs little, and FITS pixels hardly compress anyway
        zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
        return zip;
    }

    private static OutputStream nonClosing(OutputStream target) {
        return new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
