package org.medoc.ui.planning;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.medoc.ui.base.ComingSoon;

/** Observation planning for logged-in staff. */
@Route("planning")
@PageTitle("Planning · medoc")
@PermitAll
public class PlanningView extends ComingSoon {
    public PlanningView() {
        super("Planning", "define SPICE studies, assemble BOPs and ICNs, and lay them on the timeline of planning "
                + "periods and SOOPs.");
    }
}
