package org.medoc.ui.planning;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/**
 * SPICE planning, MISO's menu as the map: Study Generator, BOPs, Timeline, ICNs, Mission Planning, plus plan versus
 * executed, the instrument configuration and the documentation. Every entry leads to a screen.
 */
@Route("planning")
@PageTitle("Planning · medoc")
@PermitAll
public class PlanningView extends VerticalLayout {

    public PlanningView() {
        setId("planning-view");
        HorizontalLayout menu = new HorizontalLayout(
                link("Study Generator", StudiesView.class, "studies"),
                link("BOPs", BopsView.class, "bops"),
                link("Timeline", TimelineView.class, "timeline"),
                link("ICNs", IcnsView.class, "icns"),
                link("Mission Planning", MissionPlanningView.class, "mission"),
                link("Plan versus executed", ExecutedView.class, "executed"),
                link("Instrument", InstrumentView.class, "instrument"));
        // docs/planning.md, rendered by the application's Documentation area
        Anchor documentation = new Anchor("documentation/planning", "Documentation");
        documentation.setId("planning-menu-documentation");
        Anchor api = new Anchor("swagger-ui.html", "API");
        api.setRouterIgnore(true);
        menu.add(documentation, api);
        menu.setId("planning-menu");
        menu.setWrap(true);
        add(new H2("SPICE planning"), menu, new Paragraph("Define studies with their live duration, volume and rule findings; "
                + "group them into BOPs; place them on the timeline of an STP; record instrument change notices and their "
                + "approval; keep the planning periods, SOOPs, constraint windows and telemetry allocations; compare the plan "
                + "with what was executed. Every rule of the planning guide (docs/planning.md) is checked as you go."));
    }

    private static RouterLink link(String text, Class<? extends com.vaadin.flow.component.Component> view, String id) {
        RouterLink link = new RouterLink(text, view);
        link.setId("planning-menu-" + id);
        return link;
    }
}
