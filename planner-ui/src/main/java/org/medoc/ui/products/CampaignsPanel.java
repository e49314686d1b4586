package org.medoc.ui.products;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;
import org.medoc.archive.api.TimeParameters;
import org.medoc.products.campaign.Campaign;
import org.medoc.products.campaign.CampaignProgress;
import org.medoc.products.campaign.CampaignService;
import org.medoc.products.campaign.CampaignStatus;
import org.medoc.products.chain.ProductType;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reprocessing campaigns in the Runs tab: the form that starts one ("reprocess type P at version V over [from, to]",
 * archivists and administrators), and the latest campaigns with their progress (done, failed, remaining, rate, ETA),
 * refreshed every few seconds while one is active, with Cancel and Resume buttons for those who may.
 */
class CampaignsPanel extends VerticalLayout {

    /** Campaigns listed: the latest; older ones are in the API. */
    static final int LISTED = 20;
    /** How often the page asks for fresh progress while a campaign is active. */
    static final int POLL_MILLISECONDS = 5000;

    private final CampaignService campaigns;
    private final List<ProductType> types;
    private final boolean mayAct;

    final ComboBox<ProductType> type = new ComboBox<>("Product");
    final ComboBox<String> version = new ComboBox<>("Version");
    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("To (UTC)");
    final Button start = new Button("Start campaign", VaadinIcon.PLAY.create());
    final Grid<Campaign> grid = new Grid<>();
    final Span count = new Span();
    private final Binder<Draft> binder = new Binder<>();
    private Registration polling;

    CampaignsPanel(CampaignService campaigns, List<ProductType> types, boolean mayAct) {
        this.campaigns = campaigns;
        this.types = types;
        this.mayAct = mayAct;
        setPadding(false);
        setId("campaigns-panel");
        add(new H3("Reprocessing campaigns"));
        if (mayAct) {
            add(form());
        }
        grid.setId("campaigns-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Campaign::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.type() + " " + c.version()).setHeader("Product").setAutoWidth(true);
        grid.addColumn(c -> Formats.dateTime(c.from()) + " – " + Formats.dateTime(c.to())).setHeader("Interval (UTC)").setAutoWidth(true);
        grid.addColumn(c -> c.status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(CampaignsPanel::progress).setHeader("Done / failed / remaining").setAutoWidth(true);
        grid.addColumn(c -> c.progress().ratePerMinute() == null ? "" : c.progress().ratePerMinute() + "/min").setHeader("Rate").setAutoWidth(true);
        grid.addColumn(c -> c.progress().etaText()).setHeader("ETA").setAutoWidth(true);
        grid.addColumn(Campaign::requestedBy).setHeader("Started by").setAutoWidth(true);
        if (mayAct) {
            grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        count.setId("campaigns-count");
        add(count, grid);
        refresh();
    }

    /** "made 120 + skipped 3 / 1 / 876 of 1000": what the campaign has done, failed and has left. */
    static String progress(Campaign campaign) {
        CampaignProgress p = campaign.progress();
        return p.done() + " / " + p.failed() + " / " + p.remaining() + " of " + p.total()
                + (p.cancelled() > 0 ? " (" + p.cancelled() + " cancelled)" : "")
                + (campaign.status() == CampaignStatus.ENUMERATING ? " (enumerating to " + Formats.dateTime(campaign.enumeratedTo()) + ")" : "");
    }

    private HorizontalLayout form() {
        type.setId("campaign-type");
        version.setId("campaign-version");
        from.setId("campaign-from");
        to.setId("campaign-to");
        start.setId("campaign-start");
        type.setItems(types);
        type.setItemLabelGenerator(ProductType::type);
        type.addValueChangeListener(change -> {
            version.setItems(change.getValue() == null ? List.of() : change.getValue().versions());
            version.setValue(change.getValue() == null ? null : change.getValue().version());
        });
        binder.forField(type).asRequired("Choose the product to reprocess").bind(Draft::getType, Draft::setType);
        binder.forField(version).asRequired("Choose the version to make").bind(Draft::getVersion, Draft::setVersion);
        binder.forField(from).asRequired("Give the first day").bind(Draft::getFrom, Draft::setFrom);
        binder.forField(to).asRequired("Give the last day")
                .withValidator(last -> from.getValue() == null || !last.isBefore(from.getValue()), "The last day is before the first")
                .bind(Draft::getTo, Draft::setTo);
        binder.readBean(new Draft());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> start());
        HorizontalLayout form = new HorizontalLayout(type, version, from, to, start);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /** Starts the campaign the form states; the form's fields say what is missing or wrong. */
    Optional<Campaign> start() {
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return Optional.empty();
        }
        try {
            Campaign campaign = campaigns.start(new CampaignService.CampaignRequest(draft.type.type(), draft.version,
                    TimeParameters.startOfDay(draft.from), TimeParameters.endOfDay(draft.to)));
            Notices.success("Campaign " + campaign.id() + " started: " + campaign.type() + " " + campaign.version());
            refresh();
            return Optional.of(campaign);
        } catch (IllegalArgumentException e) {
            Notices.error(e.getMessage());
            return Optional.empty();
        }
    }

    private HorizontalLayout actions(Campaign campaign) {
        HorizontalLayout actions = new HorizontalLayout();
        if (campaign.status().active()) {
            Button cancel = new Button("Cancel", click -> act(() -> campaigns.cancel(campaign.id()), "cancelled"));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            cancel.setId("campaign-cancel-" + campaign.id());
            actions.add(cancel);
        } else if (campaign.status() == CampaignStatus.CANCELLED || campaign.progress().failed() > 0) {
            Button resume = new Button("Resume", click -> act(() -> campaigns.resume(campaign.id()), "resumed"));
            resume.addThemeVariants(ButtonVariant.LUMO_SMALL);
            resume.setId("campaign-resume-" + campaign.id());
            actions.add(resume);
        }
        return actions;
    }

    private void act(java.util.function.Supplier<Campaign> action, String done) {
        try {
            Campaign campaign = action.get();
            Notices.success("Campaign " + campaign.id() + " " + done);
        } catch (CampaignService.CampaignStateException | CampaignService.CampaignNotFoundException e) {
            Notices.error(e.getMessage());
        }
        refresh();
    }

    /** Reads the latest campaigns again; the page keeps polling while one of them is active. */
    void refresh() {
        CampaignService.CampaignPage page = campaigns.campaigns(0, LISTED);
        grid.setItems(page.items());
        count.setText(page.total() == 0 ? "No campaigns yet."
                : page.total() + " campaigns" + (page.total() > page.items().size() ? "; the " + LISTED + " latest shown" : ""));
        boolean active = page.items().stream().anyMatch(c -> c.status().active());
        getUI().ifPresent(ui -> ui.setPollInterval(active ? POLL_MILLISECONDS : -1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    /** The form's bean. */
    static final class Draft {
        private ProductType type;
        private String version;
        private LocalDate from;
        private LocalDate to;

        ProductType getType() { return type; }
        void setType(ProductType type) { this.type = type; }
        String getVersion() { return version; }
        void setVersion(String version) { this.version = version; }
        LocalDate getFrom() { return from; }
        void setFrom(LocalDate from) { this.from = from; }
        LocalDate getTo() { return to; }
        void setTo(LocalDate to) { this.to = to; }
    }
}
