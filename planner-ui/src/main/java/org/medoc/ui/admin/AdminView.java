package org.medoc.ui.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/** Administration of accounts and the installation: one link per administration screen. */
@Route("admin")
@PageTitle("Admin · medoc")
@RolesAllowed("ADMIN")
public class AdminView extends VerticalLayout {
    public AdminView() {
        setId("admin-view");
        RouterLink users = new RouterLink("Users and API tokens", UsersView.class);
        users.setId("admin-users-link");
        add(new H2("Admin"), new Paragraph("Staff accounts, their roles, locks and API tokens:"), users);
    }
}
