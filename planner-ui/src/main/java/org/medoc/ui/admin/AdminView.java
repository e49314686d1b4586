package org.medoc.ui.admin;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ui.base.ComingSoon;

/** Administration of accounts and the installation. */
@Route("admin")
@PageTitle("Admin · medoc")
@RolesAllowed("ADMIN")
public class AdminView extends ComingSoon {
    public AdminView() {
        super("Admin", "manage staff accounts and their roles, and see the installation's storage, database and "
                + "scheduled tasks.");
    }
}
