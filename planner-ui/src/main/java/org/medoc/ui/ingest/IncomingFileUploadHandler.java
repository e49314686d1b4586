package org.medoc.ui.ingest;

import org.medoc.ui.base.Formats;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.IncompleteFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Receives one uploaded file per request: streams it to a temporary file under {@code incoming} (never whole in
 * memory), hands it to {@link IngestService#ingestFile}, deletes the temporary file and passes the outcome to the view
 * through {@link UI#access}.
 * <p>
 * Not one of Vaadin's built-in handlers on purpose: their success callback runs inside {@code UI.access}, i.e. under
 * the session lock, and ingesting a large file (checksum, FITS parsing, quick-look) would freeze the user's UI for
 * that long. Here the ingest runs on the upload's request thread and only the outcome takes the lock.
 */
class IncomingFileUploadHandler implements UploadHandler {

    private static final Logger log = LoggerFactory.getLogger(IncomingFileUploadHandler.class);

    private final transient IngestService ingest;
    private final Path incoming;
    private final long maxBytes;
    private final String source;
    private final SerializableBiConsumer<IngestOutcome, Long> onOutcome;

    /**
     * @param incoming  directory for the temporary files, created when needed
     * @param maxBytes  largest accepted file; larger ones are refused before or while they are received
     * @param source    recorded with every ingested or quarantined file, e.g. {@code "upload by archivist"}
     * @param onOutcome called with the session locked, once per file that reached the ingest, with its size
     */
    IncomingFileUploadHandler(IngestService ingest, Path incoming, long maxBytes, String source,
                              SerializableBiConsumer<IngestOutcome, Long> onOutcome) {
        this.ingest = ingest;
        this.incoming = incoming;
        this.maxBytes = maxBytes;
        this.source = source;
        this.onOutcome = onOutcome;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String fileName = IngestService.safeFileName(event.getFileName());
        // the declared size is -1 when the browser does not send one; the copy below enforces the limit anyway
        if (event.getFileSize() > maxBytes) {
            event.reject(tooLarge());
            return;
        }
        Files.createDirectories(incoming);
        Path temporary = IncompleteFiles.create(incoming, "upload-");
        IngestOutcome outcome;
        long size;
        try {
            boolean complete;
            try (InputStream in = event.getInputStream()) {
                complete = copyAtMost(in, temporary, maxBytes);
            }
            if (!complete) {
                event.reject(tooLarge());
                return;
            }
            size = Files.size(temporary);
            outcome = ingest.ingestFile(temporary, fileName, source);
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info("Upload {} ({}): {}{}", fileName, source, outcome.status(),
                outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
        UI ui = event.getUI();
        ui.access(() -> onOutcome.accept(outcome, size));
    }

    @Override
    public long getFileSizeMax() {
        // applies to multipart requests; raw uploads are bounded by the copy in handleUploadRequest
        return maxBytes;
    }

    private String tooLarge() {
        return "file is larger than the upload limit of " + Formats.bytes(maxBytes)
                + " (medoc.ingest.max-upload-bytes); ingest it from the command line instead";
    }

    /**
     * Copies at most {@code limit} bytes; false (and the target left partly written, for the caller to delete) as soon
     * as the stream holds more, so an oversized upload never fills the disk.
     */
    private static boolean copyAtMost(InputStream in, Path target, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
        }
        return true;
    }
}
