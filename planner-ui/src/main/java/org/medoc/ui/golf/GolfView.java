package org.medoc.ui.golf;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ui.base.ComingSoon;

/** GOLF instrument operations. */
@Route("golf")
@PageTitle("GOLF operations · medoc")
@RolesAllowed("GOLF_OPERATOR")
public class GolfView extends ComingSoon {
    public GolfView() {
        super("GOLF operations", "command and follow the GOLF instrument's modes, watch its housekeeping, keep the "
                + "operations log and track anomalies.");
    }
}
