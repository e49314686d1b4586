package org.medoc.ui.ingest;

import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.archive.ingest.IngestActivity;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.ingest.QuarantineException;
import org.medoc.archive.ingest.QuarantineService;
import org.medoc.archive.ingest.QuarantineService.QuarantinedFile;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest for archivists: upload FITS files (several at once) and see, file by file, whether each was ingested,
 * skipped as already present, quarantined with the reason, or failed for a fault of the infrastructure (nothing
 * recorded, to be tried again); and review the quarantine, newest first, re-evaluating a file after a registry fix.
 * <p>
 * Uploads are streamed to {@code ${medoc.data-dir}/incoming} and ingested by {@link IngestService#ingestFile}, the
 * same path as the REST upload and the command line, so the three agree on what is accepted. Files larger than
 * {@code medoc.ingest.max-upload-bytes} (default 2 GiB) are refused; the command-line ingest has no such limit.
 * <p>
 * "Running ingests" shows the batch ingests of this server while they run (files, MB, rate, ETA), refreshed every
 * {@value #POLL_MILLIS} ms; the summary under the upload gives this visit's files, MB and rate.
 */
@Route("ingest")
@PageTitle("Ingest · medoc")
@RolesAllowed("ARCHIVIST")
public class IngestView extends VerticalLayout {

    /** 2 GiB, the same as the REST upload's {@code spring.servlet.multipart.max-file-size}. */
    static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

    static final int POLL_MILLIS = 2000;

    private final transient QuarantineService quarantine;
    private final transient IngestService ingest;
    private final transient IngestActivity activity;
    /** The running ingests, one line and bar each; empty when none runs. */
    final VerticalLayout running = new VerticalLayout();
    /** This visit's uploads: bytes ingested and when the first one ended. */
    private long uploadedBytes;
    private long firstUploadNanos;

    /** This visit's outcomes in arrival order; only touched with the session locked. */
    private final List<IngestOutcome> outcomes = new ArrayList<>();
    final Grid<IngestOutcome> results = new Grid<>();
    private final Span summary = new Span();
    final Grid<QuarantinedFile> quarantineGrid = new Grid<>();
    private final Span quarantineCount = new Span();
    private final Tab quarantineTab = new Tab();

    public IngestView(IngestService ingest, QuarantineService quarantine, IngestActivity activity,
                      AuthenticationContext authentication,
                      @Value("${medoc.data-dir:./medoc-data}") String dataDir,
                      @Value("${medoc.ingest.max-upload-bytes:" + DEFAULT_MAX_UPLOAD_BYTES + "}") long maxUploadBytes) {
        this.quarantine = quarantine;
        this.ingest = ingest;
        this.activity = activity;
        setId("ingest-view");
        setSizeFull();
        setPadding(true);

        Path incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("incoming");
        String source = "upload by " + authentication.getPrincipalName().orElse("unknown");
        Upload upload = configureUpload(new IncomingFileUploadHandler(ingest, incoming, maxUploadBytes, source,
                this::showUpload), maxUploadBytes);
        configureResults();
        configureQuarantine();

        Paragraph help = new Paragraph("FITS files (.fits, .fts, .fit, .fz), several at once, up to "
                + Formats.bytes(maxUploadBytes) + " each. Every file is checked: one already in the archive is "
                + "skipped, one that cannot be catalogued goes to quarantine with the reason.");
        help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        summary.setId("ingest-summary");
        summary.setText("No files uploaded yet.");
        running.setId("ingest-running");
        running.setPadding(false);
        running.setSpacing(false);
        refreshRunning();
        VerticalLayout uploadPane = new VerticalLayout(help, upload, summary, running, results);
        uploadPane.setPadding(false);
        uploadPane.setSizeFull();
        uploadPane.setFlexGrow(1, results);

        quarantineCount.setId("quarantine-count");
        VerticalLayout quarantinePane = new VerticalLayout(quarantineCount, quarantineGrid);
        quarantinePane.setPadding(false);
        quarantinePane.setSizeFull();
        quarantinePane.setFlexGrow(1, quarantineGrid);

        TabSheet tabs = new TabSheet();
        tabs.setId("ingest-tabs");
        tabs.setSizeFull();
        Tab uploadTab = tabs.add("Upload", uploadPane);
        uploadTab.setId("ingest-tab-upload");
        quarantineTab.setId("ingest-tab-quarantine");
        tabs.add(quarantineTab, quarantinePane);

        add(new H2("Ingest"), tabs);
        setFlexGrow(1, tabs);
        refreshQuarantine();
    }

    private Upload configureUpload(IncomingFileUploadHandler handler, long maxUploadBytes) {
        Upload upload = new Upload(handler);
        upload.setId("ingest-upload");
        // the request body is the file itself, streamed to disk by the handler: no multipart parsing, no servlet copy
        upload.setUploadFormat(UploadFormat.RAW);
        // no accepted types: a wrongly named FITS file is still FITS, and anything else is quarantined with a reason
        // the browser-side check takes an int; the handler enforces the exact limit
        upload.setMaxFileSize((int) Math.min(maxUploadBytes, Integer.MAX_VALUE));
        upload.setDropLabel(new Span("Drop FITS files here"));
        upload.addFileRejectedListener(rejected -> Notices.error(rejected.getFileName() + ": " + rejected.getErrorMessage()));
        return upload;
    }

    private void configureResults() {
        results.setId("ingest-results");
        results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        results.setSizeFull();
        results.addColumn(IngestOutcome::fileName).setHeader("File name").setKey("fileName")
                .setWidth("18em").setFlexGrow(1).setTooltipGenerator(o -> o.sha256() == null ? o.fileName() : "SHA-256 " + o.sha256());
        results.addColumn(new ComponentRenderer<>(IngestView::statusBadge)).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        results.addColumn(o -> o.reason() == null ? "" : o.reason()).setHeader("Notes").setKey("reason")
                .setWidth("24em").setFlexGrow(2).setTooltipGenerator(o -> o.reason() == null ? "" : o.reason());
        results.addColumn(new ComponentRenderer<>(IngestView::observationLink)).setHeader("Observation").setKey("observation")
                .setAutoWidth(true).setFlexGrow(0);
        results.setItems(outcomes);
    }

    private void configureQuarantine() {
        quarantineGrid.setId("quarantine-grid");
        quarantineGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        quarantineGrid.setSizeFull();
        quarantineGrid.addColumn(q -> Formats.dateTime(q.quarantinedAt())).setHeader("Time (UTC)").setKey("time")
                .setAutoWidth(true).setFlexGrow(0);
        quarantineGrid.addColumn(QuarantinedFile::fileName).setHeader("File name").setKey("fileName")
                .setWidth("16em").setFlexGrow(1).setTooltipGenerator(QuarantinedFile::fileName);
        quarantineGrid.addColumn(q -> Formats.bytes(q.sizeBytes())).setHeader("Size").setKey("size")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        quarantineGrid.addColumn(QuarantinedFile::reason).setHeader("Reason").setKey("reason")
                .setWidth("24em").setFlexGrow(2).setTooltipGenerator(QuarantinedFile::reason);
        quarantineGrid.addColumn(QuarantinedFile::source).setHeader("Source").setKey("source")
                .setWidth("12em").setFlexGrow(0).setTooltipGenerator(QuarantinedFile::source);
        quarantineGrid.addColumn(q -> Formats.shortSha256(q.sha256())).setHeader("SHA-256").setKey("sha256")
                .setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(QuarantinedFile::sha256);
        quarantineGrid.addColumn(new ComponentRenderer<>(this::reevaluateButton)).setHeader("").setKey("reevaluate")
                .setAutoWidth(true).setFlexGrow(0);
        quarantineGrid.setItems(query -> quarantine.recent(query.getOffset(), query.getLimit()).stream(),
                query -> quarantine.count());
    }

    /** Re-evaluates a quarantined file from its kept bytes, e.g. after a registry fix; only when they were kept. */
    Button reevaluateButton(QuarantinedFile file) {
        Button button = new Button("Re-evaluate", click -> reevaluate(file));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId("reevaluate-" + file.id());
        button.setEnabled(file.bytesKept());
        button.setTooltipText(file.bytesKept() ? "Check the kept bytes again with today's registry and rules"
                : "The bytes of this file were not kept: ingest it again");
        return button;
    }

    /** Re-evaluates and shows the outcome beside this visit's uploads; package-private for the view's tests. */
    void reevaluate(QuarantinedFile file) {
        try {
            IngestOutcome outcome = ingest.reevaluate(file.id());
            show(outcome);
            switch (outcome.status()) {
                case INGESTED, SKIPPED -> Notices.success(file.fileName() + ": ingested on re-evaluation");
                case QUARANTINED -> Notices.error(file.fileName() + " stays in quarantine: " + outcome.reason());
                case FAILED -> Notices.error(file.fileName() + ": " + outcome.reason());
            }
        } catch (QuarantineException e) {
            Notices.error(e.getMessage());
            refreshQuarantine();
        }
    }

    /** The batch ingests running on this server, polled while the view is shown. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(POLL_MILLIS);
        event.getUI().addPollListener(poll -> refreshRunning());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    /** One line and a progress bar per running ingest: files, MB, rate, ETA; package-private for the view's tests. */
    void refreshRunning() {
        running.removeAll();
        for (IngestActivity.Run run : activity.running()) {
            var p = run.progress();
            Span line = new Span("Running ingest (" + run.source() + "): " + p.line());
            ProgressBar bar = new ProgressBar(0, Math.max(1, p.bytesTotal()), Math.min(p.bytesDone(), Math.max(1, p.bytesTotal())));
            bar.setId("ingest-running-" + run.id());
            running.add(line, bar);
        }
        running.setVisible(running.getComponentCount() > 0);
    }

    /** An uploaded file's outcome, with the visit's running totals (files, MB, rate). */
    private void showUpload(IngestOutcome outcome, long bytes) {
        if (firstUploadNanos == 0) {
            firstUploadNanos = System.nanoTime();
        }
        uploadedBytes += bytes;
        show(outcome);
        double seconds = (System.nanoTime() - firstUploadNanos) / 1e9;
        summary.setText(IngestReport.of(outcomes).summary() + String.format(java.util.Locale.ROOT,
                " · %d files, %s uploaded%s", outcomes.size(), Formats.bytes(uploadedBytes),
                seconds < 1 ? "" : String.format(java.util.Locale.ROOT, ", %.1f MB/s", uploadedBytes / 1e6 / seconds)));
    }

    /** One file's outcome, called with the session locked while the upload's request is still open. */
    private void show(IngestOutcome outcome) {
        outcomes.add(outcome);
        results.getDataProvider().refreshAll();
        results.scrollToEnd();
        summary.setText(IngestReport.of(outcomes).summary());
        refreshQuarantine();
    }

    private void refreshQuarantine() {
        int count = quarantine.count();
        quarantineTab.setLabel("Quarantine (" + Formats.count(count) + ")");
        quarantineCount.setText(count == 1 ? "1 file in quarantine, newest first"
                : Formats.count(count) + " files in quarantine, newest first");
        quarantineGrid.getDataProvider().refreshAll();
    }

    private static Component statusBadge(IngestOutcome outcome) {
        Badge badge = new Badge(outcome.status().name());
        badge.addThemeVariants(switch (outcome.status()) {
            case INGESTED -> BadgeVariant.SUCCESS;
            case SKIPPED -> BadgeVariant.CONTRAST;
            case QUARANTINED -> BadgeVariant.ERROR;
            case FAILED -> BadgeVariant.WARNING;
        });
        return badge;
    }

    /** The stored file through the public file API, for ingested and skipped (already present) files. */
    private static Component observationLink(IngestOutcome outcome) {
        if (outcome.observationId() == null) {
            return new Span();
        }
        Anchor file = new Anchor("api/v1/observations/" + outcome.observationId() + "/file", "#" + outcome.observationId());
        file.setRouterIgnore(true);
        file.getElement().setAttribute("download", true);
        file.getElement().setAttribute("title", "Download the archived file");
        return file;
    }
}
