package org.medoc.archive.download;

import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.medoc.archive.catalogue.CatalogueService.StoredFile;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.Sha256;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams a set of archive files as one tar or zip, file by file, without holding a file in memory. Each file's
 * SHA-256 is re-computed while it is copied and compared with the catalogue; on a mismatch the stream is aborted
 * (the client sees a failed transfer, never a silently corrupted archive). A {@code SHA256SUMS} file, in the
 * format {@code sha256sum -c} reads, closes the archive. Entry names are generated, never taken from input.
 */
@Service
public class BulkDownload {

    public enum Format {
        TAR("application/x-tar", ".tar"), ZIP("application/zip", ".zip");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** Thrown when a stored file no longer matches its catalogued checksum or size. */
    public static class IntegrityException extends IOException {
        public IntegrityException(String message) {
            super(message);
        }
    }

    private final ArchiveStore store;

    public BulkDownload(ArchiveStore store) {
        this.store = store;
    }

    public void write(List<StoredFile> files, Format format, OutputStream target) throws IOException {
        ArchiveOutputStream<?> archive = format == Format.TAR ? tar(target) : zip(target);
        StringBuilder sums = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (StoredFile file : files) {
            String name = names.add(file.fileName()) ? file.fileName() : file.id() + "_" + file.fileName();
            names.add(name);
            putEntry(archive, format, name, file.sizeBytes());
            MessageDigest digest = Sha256.newDigest();
            long copied;
            try (InputStream in = new DigestInputStream(store.open(file.storageKey()), digest)) {
                copied = in.transferTo(archive);
            }
            String actual = Sha256.hex(digest);
            if (copied != file.sizeBytes() || !actual.equals(file.sha256())) {
                throw new IntegrityException("stored file of observation " + file.id() + " does not match the catalogue (sha256 "
                        + actual + ", " + copied + " bytes; expected " + file.sha256() + ", " + file.sizeBytes() + " bytes)");
            }
            archive.closeArchiveEntry();
            sums.append(file.sha256()).append("  ").append(name).append('\n');
        }
        byte[] manifest = sums.toString().getBytes(StandardCharsets.UTF_8);
        putEntry(archive, format, "SHA256SUMS", manifest.length);
        archive.write(manifest);
        archive.closeArchiveEntry();
        archive.finish();
        archive.flush();
    }

    private static void putEntry(ArchiveOutputStream<?> archive, Format format, String name, long size) throws IOException {
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
        return new java.io.FilterOutputStream(target) {
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
