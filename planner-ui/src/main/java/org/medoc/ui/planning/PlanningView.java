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

/** SPICE planning, MISO's menu as the map: Study Generator, BOPs, Timeline, ICNs, Mission Planning, Documentation. */
@Route("planning")
@PageTitle("Planning · medoc")
@PermitAll
public class PlanningView extends VerticalLayout {

    public PlanningView() {
        setId("planning-view");
        RouterLink studies = new RouterLink("Study Generator", StudiesView.class);
        studies.setId("planning-menu-studies");
        RouterLink timeline = new RouterLink("Timeline", TimelineView.class);
        timeline.setId("planning-menu-timeline");
        Anchor bops = new Anchor("api/v1/planning/bops", "BOPs (JSON)");
        bops.setRouterIgnore(true);
        Anchor icns = new Anchor("api/v1/planning/icns", "ICNs (JSON)");
        icns.setRouterIgnore(true);
        Anchor periods = new Anchor("api/v1/planning/periods", "Mission Planning: periods (JSON)");
        periods.setRouterIgnore(true);
        // docs/planning.md, rendered by the application's Documentation area
        Anchor documentation = new Anchor("documentation/planning", "Documentation");
        documentation.setId("planning-menu-documentation");
        Anchor api = new Anchor("swagger-ui.html", "API");
        api.setRouterIgnore(true);
        HorizontalLayout menu = new HorizontalLayout(studies, bops, timeline, icns, periods, documentation, api);
        menu.setId("planning-menu");
        add(new H2("SPICE planning"), menu, new Paragraph("Define studies with their live duration, volume and rule findings; "
                + "place them on the timeline of an STP; every rule of the planning guide (docs/planning.md) is checked as you go."));
    }
}
