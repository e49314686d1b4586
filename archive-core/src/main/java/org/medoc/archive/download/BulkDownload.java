package org.medoc.archive.download;

import org.medoc.archive.catalogue.CatalogueService.StoredFile;
import org.medoc.archive.storage.ArchiveStore;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Streams a set of archive files as one tar or zip through {@link ArchiveStream} (each file re-verified against its
 * catalogued SHA-256 while it is copied). A {@code SHA256SUMS} file, in the format {@code sha256sum -c} reads, closes
 * the archive. Entry names are generated, never taken from input.
 */
@Service
public class BulkDownload {

    /** The container format; kept here for the callers of the archive API. */
    public enum Format {
        TAR(ArchiveStream.Format.TAR), ZIP(ArchiveStream.Format.ZIP);

        public final String mediaType;
        public final String extension;
        final ArchiveStream.Format stream;

        Format(ArchiveStream.Format stream) {
            this.stream = stream;
            this.mediaType = stream.mediaType;
            this.extension = stream.extension;
        }

        /**
         * The name a download made at {@code at} is saved under, e.g. {@code medoc-20261215T060000Z.tar}: the caller's
         * prefix, the UTC second (sortable, no characters a file system refuses) and the format's extension.
         */
        public String fileName(String prefix, Instant at) {
            return prefix + STAMP.format(at) + extension;
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ArchiveStore store;

    public BulkDownload(ArchiveStore store) {
        this.store = store;
    }

    public void write(List<StoredFile> files, Format format, OutputStream target) throws IOException {
        ArchiveStream archive = new ArchiveStream(format.stream, target, store);
        StringBuilder sums = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (StoredFile file : files) {
            String name = names.add(file.fileName()) ? file.fileName() : file.id() + "_" + file.fileName();
            names.add(name);
            archive.addStored(name, file.storageKey(), file.sizeBytes(), file.sha256(), "observation " + file.id());
            sums.append(file.sha256()).append("  ").append(name).append('\n');
        }
        archive.addBytes("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        archive.finish();
    }
}
