package org.medoc.ui.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {
    public MainLayout() {
        H1 title = new H1("medoc");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Archive", "archive"));
        addToNavbar(new DrawerToggle(), title);
        addToDrawer(nav);
    }
}
