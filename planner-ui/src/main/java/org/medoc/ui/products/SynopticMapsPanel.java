package org.medoc.ui.products;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.medoc.archive.api.TimeParameters;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.synoptic.SynopticChannel;
import org.medoc.products.synoptic.SynopticMapMaker;
import org.medoc.products.synoptic.SynopticMapsRecipe;
import org.medoc.ui.base.Formats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synoptic service page's own part, as on MEDOC's: the latest nowcast map of each channel (channel, nowcast
 * date, preview, data, version; an archive map stands in where a channel has no nowcast), and a query by day and
 * channel that shows the map with its age map beside it.
 */
class SynopticMapsPanel extends VerticalLayout {

    /** Products read to find each channel's latest map: a few weeks of daily products. */
    private static final int SCANNED = 60;

    private final ProductCatalogue catalogue;
    private final DatePicker day = new DatePicker("Day (UTC)");
    private final ComboBox<SynopticChannel> channel = new ComboBox<>("Channel");
    private final VerticalLayout result = new VerticalLayout();

    /** One channel's map: which product and which of its files. */
    record ChannelMap(SynopticChannel channel, long productId, Instant referenceTime, String kind, String version,
                      String dataUrl, String previewUrl, String agePreviewUrl) {
    }

    SynopticMapsPanel(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
        setId("synoptic-maps");
        setPadding(false);

        Grid<ChannelMap> latest = new Grid<>();
        latest.setId("synoptic-latest-grid");
        latest.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        latest.addColumn(m -> m.channel().title()).setHeader("Channel").setAutoWidth(true);
        latest.addColumn(m -> Formats.dateTime(m.referenceTime()).substring(0, 10)
                + ("nowcast".equals(m.kind()) ? "" : " (" + m.kind() + ")")).setHeader("Nowcast date").setAutoWidth(true);
        latest.addColumn(new ComponentRenderer<>(m -> image(m.previewUrl(), m.channel().title(), "64px")))
                .setHeader("Preview").setAutoWidth(true).setFlexGrow(0);
        latest.addColumn(new ComponentRenderer<>(m -> download(m.dataUrl()))).setHeader("Data").setAutoWidth(true);
        latest.addColumn(ChannelMap::version).setHeader("Version").setAutoWidth(true);
        List<ChannelMap> maps = latestNowcasts();
        latest.setItems(maps);
        latest.setAllRowsVisible(true);

        day.setId("synoptic-day");
        channel.setId("synoptic-channel");
        channel.setItems(SynopticChannel.values());
        channel.setItemLabelGenerator(SynopticChannel::title);
        channel.setValue(maps.isEmpty() ? SynopticChannel.AIA_193 : maps.getFirst().channel());
        day.setValue(maps.isEmpty() ? null : maps.getFirst().referenceTime().atOffset(java.time.ZoneOffset.UTC).toLocalDate());
        Button show = new Button("Show", VaadinIcon.SEARCH.create(), click -> show());
        show.setId("synoptic-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout query = new HorizontalLayout(day, channel, show);
        query.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setId("synoptic-result");
        result.setPadding(false);

        add(new H4("Latest nowcast maps"), maps.isEmpty() ? new Paragraph("No synoptic maps yet.") : latest,
                new H4("A day's map"), query, result);
        if (!maps.isEmpty()) {
            show();
        }
    }

    /** Each channel's latest nowcast map, else its latest map of any kind; channels without maps are left out. */
    List<ChannelMap> latestNowcasts() {
        Map<SynopticChannel, ChannelMap> nowcast = new EnumMap<>(SynopticChannel.class);
        Map<SynopticChannel, ChannelMap> any = new EnumMap<>(SynopticChannel.class);
        for (ProductSummary product : catalogue.search(new ProductQuery(SynopticMapsRecipe.TYPE, null, null, null, 0, SCANNED)).items()) {
            if (nowcast.size() == SynopticChannel.values().length) {
                break;
            }
            for (ChannelMap map : channelMaps(product.id())) {
                any.putIfAbsent(map.channel(), map);
                if ("nowcast".equals(map.kind())) {
                    nowcast.putIfAbsent(map.channel(), map);
                }
            }
        }
        List<ChannelMap> rows = new ArrayList<>();
        for (SynopticChannel c : SynopticChannel.values()) {
            Optional.ofNullable(nowcast.getOrDefault(c, any.get(c))).ifPresent(rows::add);
        }
        return rows;
    }

    /** The channel maps of one product, from its file names ({@code synoptic_<channel>_<time>_v<version>.fits}). */
    private List<ChannelMap> channelMaps(long productId) {
        Optional<ProductDetail> detail = catalogue.detail(productId);
        if (detail.isEmpty()) {
            return List.of();
        }
        ProductSummary summary = detail.get().summary();
        Object kind = detail.get().figures().get("kind");
        List<ChannelMap> maps = new ArrayList<>();
        for (ProductDetail.ProductFile file : detail.get().files()) {
            if (!"DATA".equals(file.role()) || !file.name().startsWith("synoptic_")) {
                continue;
            }
            String base = file.name().substring(0, file.name().length() - ".fits".length());
            String key = base.split("_")[1];
            SynopticChannel.ofKey(key).ifPresent(c -> maps.add(new ChannelMap(c, productId, summary.referenceTime(),
                    kind == null ? "" : kind.toString(), summary.version(), file.url(),
                    url(detail.get(), base + SynopticMapMaker.RADIANCE_PREVIEW),
                    url(detail.get(), base + SynopticMapMaker.AGE_PREVIEW))));
        }
        return maps;
    }

    private static String url(ProductDetail detail, String name) {
        return detail.files().stream().filter(f -> f.name().equals(name)).map(ProductDetail.ProductFile::url)
                .findFirst().orElse(null);
    }

    /** The chosen day's latest map of the chosen channel, radiance and age side by side. */
    Optional<ChannelMap> show() {
        result.removeAll();
        LocalDate date = day.getValue();
        SynopticChannel wanted = channel.getValue();
        if (date == null || wanted == null) {
            result.add(new Paragraph("Choose a day and a channel."));
            return Optional.empty();
        }
        Optional<ChannelMap> found = catalogue.search(new ProductQuery(SynopticMapsRecipe.TYPE,
                        TimeParameters.startOfDay(date), TimeParameters.endOfDay(date), null, 0, 10)).items().stream()
                .flatMap(product -> channelMaps(product.id()).stream())
                .filter(map -> map.channel() == wanted).findFirst();
        if (found.isEmpty()) {
            Span none = new Span("No " + wanted.title() + " map for " + date + ".");
            none.setId("synoptic-none");
            result.add(none);
            return found;
        }
        ChannelMap map = found.get();
        HorizontalLayout images = new HorizontalLayout(image(map.previewUrl(), "radiance", "300px"),
                image(map.agePreviewUrl(), "age of the data", "300px"));
        Span caption = new Span(map.channel().title() + ", " + Formats.dateTime(map.referenceTime()) + " UTC, "
                + map.kind() + ", version " + map.version());
        caption.setId("synoptic-caption");
        result.add(caption, images, new HorizontalLayout(download(map.dataUrl()),
                new Anchor("/api/v1/products/" + map.productId(), "Provenance")));
        return found;
    }

    private static Component image(String url, String what, String height) {
        if (url == null) {
            return new Span("—");
        }
        Image image = new Image(url, "Synoptic map: " + what);
        image.setHeight(height);
        return image;
    }

    private static Anchor download(String url) {
        Anchor anchor = new Anchor(url, "FITS");
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
