package org.medoc.ui.ingest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The upload handler of the Ingest view, without a browser: what reaches the ingest, what is refused, what is left. */
class IncomingFileUploadHandlerTests {

    @TempDir
    Path dataDir;

    private final IngestService ingest = mock(IngestService.class);
    private final List<IngestOutcome> shown = new ArrayList<>();

    @Test
    void anUploadIsIngestedFromATemporaryFileUnderIncomingWithTheSanitisedNameAndTheUploader() throws IOException {
        Path incoming = dataDir.resolve("incoming");
        List<String> seen = new ArrayList<>();
        when(ingest.ingestFile(any(), anyString(), anyString())).thenAnswer(call -> {
            Path file = call.getArgument(0);
            seen.add(file.getParent() + "|" + Files.readString(file));
            return new IngestOutcome(call.getArgument(1), IngestOutcome.Status.INGESTED, 7L, "ab", null);
        });
        UploadEvent event = upload("../../etc/evil name.fits", "SIMPLE  =                    T", 30);

        handler(incoming, 1000).handleUploadRequest(event);

        verify(ingest).ingestFile(any(), eq("evil_name.fits"), eq("upload by archivist"));
        assertThat(seen).containsExactly(incoming + "|SIMPLE  =                    T");
        assertThat(shown).extracting(IngestOutcome::status).containsExactly(IngestOutcome.Status.INGESTED);
        assertThat(incoming).isEmptyDirectory();
    }

    @Test
    void aFileDeclaredLargerThanTheLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        UploadEvent event = upload("big.fits", "x".repeat(10), 2_000);

        handler(dataDir.resolve("incoming"), 1000).handleUploadRequest(event);

        verify(event).reject(any());
        verify(ingest, never()).ingestFile(any(), anyString(), anyString());
        assertThat(shown).isEmpty();
    }

    @Test
    void aStreamLongerThanTheLimitIsRefusedWhileCopyingAndLeavesNoTemporaryFile() throws IOException {
        Path incoming = dataDir.resolve("incoming");
        // no declared size (-1): only the copy can tell
        UploadEvent event = upload("big.fits", "x".repeat(1001), -1);

        handler(incoming, 1000).handleUploadRequest(event);

        verify(event).reject(any());
        verify(ingest, never()).ingestFile(any(), anyString(), anyString());
        assertThat(incoming).isEmptyDirectory();
    }

    private IncomingFileUploadHandler handler(Path incoming, long maxBytes) {
        return new IncomingFileUploadHandler(ingest, incoming, maxBytes, "upload by archivist", (outcome, size) -> shown.add(outcome));
    }

    private static UploadEvent upload(String fileName, String content, long declaredSize) {
        UploadEvent event = mock(UploadEvent.class);
        when(event.getFileName()).thenReturn(fileName);
        when(event.getFileSize()).thenReturn(declaredSize);
        when(event.getInputStream()).thenReturn(new ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        UI ui = mock(UI.class);
        when(ui.access(any())).thenAnswer(call -> {
            ((Command) call.getArgument(0)).execute();
            return null;
        });
        when(event.getUI()).thenReturn(ui);
        return event;
    }
}
