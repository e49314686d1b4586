package org.medoc.ui.archive;

import org.medoc.ui.base.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.ObservationDetail;
import org.medoc.archive.catalogue.ObservationSummary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One observation in full: quicklook preview, download link, checksum status, the normalised values and every
 * HDU's header as FITS cards.
 */
class ObservationDetailPanel extends VerticalLayout {

    private final CatalogueService catalogue;

    ObservationDetailPanel(CatalogueService catalogue) {
        this.catalogue = catalogue;
        setId("detail-panel");
        addClassName("medoc-detail");
        setVisible(false);
    }

    void show(long id) {
        removeAll();
        ObservationDetail observation = catalogue.detail(id).orElse(null);
        if (observation == null) {
            add(new Span("Observation " + id + " is no longer in the catalogue."));
            setVisible(true);
            return;
        }
        ObservationSummary summary = observation.summary();

        H3 title = new H3(summary.filename());
        title.setId("detail-title");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> setVisible(false));
        close.setId("detail-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close details");
        HorizontalLayout heading = new HorizontalLayout(title, close);
        heading.setWidthFull();
        heading.expand(title);

        Span facts = new Span(String.join(" · ", List.of(
                summary.mission() + " " + summary.instrument() + (summary.detector() == null ? "" : "/" + summary.detector()),
                summary.wavelength() == null ? "no wavelength" : Formats.number(summary.wavelength()) + " Å",
                Formats.dateTime(summary.dateObs()) + " UTC",
                "level " + summary.level())));
        facts.setId("detail-facts");

        Anchor download = new Anchor(summary.fileUrl(), "Download FITS (" + Formats.bytes(summary.size()) + ")");
        download.setId("detail-download");
        download.setDownload(true);
        download.setRouterIgnore(true);

        Span checksum = new Span("Checksum: " + observation.checksumStatus());
        checksum.setId("detail-checksum");
        checksum.addClassName(checksumClass(observation.checksumStatus()));
        Span sha = new Span("SHA-256 " + summary.sha256());
        sha.setId("detail-sha256");
        sha.addClassNames("medoc-header-cards");

        add(heading, facts);
        if (summary.previewUrl() != null) {
            Image preview = new Image(summary.previewUrl(), "Quicklook of " + summary.filename());
            preview.setId("detail-preview");
            preview.addClassName("medoc-preview");
            add(preview);
        }
        add(download, checksum, sha, normalised(observation.normalised()), header(observation.hdus()));
        setVisible(true);
    }

    private static Details normalised(Map<String, Object> values) {
        Grid<Map.Entry<String, Object>> grid = new Grid<>();
        grid.setId("detail-normalised");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(Map.Entry::getKey).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> String.valueOf(entry.getValue())).setHeader("Value").setFlexGrow(1);
        grid.setItems(values.entrySet().stream().filter(entry -> entry.getValue() != null).toList());
        grid.setAllRowsVisible(true);
        Details details = new Details(new H4("Normalised values"), grid);
        details.setOpened(true);
        details.setWidthFull();
        return details;
    }

    private static VerticalLayout header(List<ObservationDetail.HduHeader> hdus) {
        VerticalLayout header = new VerticalLayout();
        header.setId("detail-header");
        header.setPadding(false);
        header.add(new H4("FITS header"));
        for (ObservationDetail.HduHeader hdu : hdus) {
            Pre cards = new Pre(cards(hdu.cards()));
            cards.addClassName("medoc-header-cards");
            String name = hdu.extname() == null || hdu.extname().isBlank() ? (hdu.index() == 0 ? "PRIMARY" : "") : hdu.extname();
            Details details = new Details("HDU " + hdu.index() + (name.isEmpty() ? "" : " " + name)
                    + " — " + hdu.cards().size() + " cards", cards);
            details.setId("detail-hdu-" + hdu.index());
            details.setOpened(hdu.index() == 0);
            details.setWidthFull();
            header.add(details);
        }
        return header;
    }

    /** Cards laid out as in the file: keyword in 8 columns, "= ", value, " / " comment. */
    static String cards(List<ObservationDetail.Card> cards) {
        StringBuilder text = new StringBuilder();
        for (ObservationDetail.Card card : cards) {
            String keyword = card.keyword() == null ? "" : card.keyword();
            boolean commentary = keyword.equals("COMMENT") || keyword.equals("HISTORY") || keyword.isBlank();
            text.append(String.format(Locale.ROOT, "%-8s", keyword));
            if (commentary) {
                text.append(' ').append(card.comment() == null ? (card.value() == null ? "" : card.value()) : card.comment());
            } else {
                text.append("= ").append(value(card.value()));
                if (card.comment() != null && !card.comment().isBlank()) {
                    text.append(" / ").append(card.comment());
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String value(Object value) {
        return switch (value) {
            case null -> "";
            case String text -> "'" + text + "'";
            case Boolean logical -> logical ? "T" : "F";
            default -> value.toString();
        };
    }

    /**
     * Colour of the ingest-time checksum summary ({@code FitsInspection#checksumStatus}, e.g. "verified (2 HDUs)",
     * "no checksums", "header modified after checksumming (data verified)"): green when verified with nothing
     * amiss, red on any mismatch or modification, neutral when the file simply carries no checksums.
     */
    private static String checksumClass(String status) {
        String lower = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (lower.contains("mismatch") || lower.contains("modified")) {
            return "medoc-checksum-bad";
        }
        return lower.startsWith("verified") ? "medoc-checksum-ok" : "medoc-checksum-unknown";
    }
}
