package org.medoc.ui.base;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.medoc.security.DemoAccounts;
import org.medoc.security.MedocUser;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.function.Predicate;

/**
 * The shell of every view: brand, side navigation to each area (only the areas the visitor may open), and who is
 * logged in with a Logout button, or a Login link for anonymous visitors.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    /** One entry of the side navigation and who may see it. */
    private record Area(String label, String path, VaadinIcon icon, Predicate<AuthenticationContext> visible) {}

    private static final List<Area> AREAS = List.of(
            new Area("Archive", "archive", VaadinIcon.ARCHIVE, any -> true),
            new Area("Ingest", "ingest", VaadinIcon.UPLOAD, auth -> auth.hasRole("ARCHIVIST")),
            new Area("Products", "products", VaadinIcon.PICTURE, any -> true),
            new Area("Releases", "release-manager", VaadinIcon.PACKAGE, auth -> auth.hasRole("RELEASE_MANAGER")),
            new Area("Planning", "planning", VaadinIcon.CALENDAR, AuthenticationContext::isAuthenticated),
            new Area("GOLF ops", "golf", VaadinIcon.SUN_O, auth -> auth.hasRole("GOLF_OPERATOR")),
            // other staff read GOLF's modes and command requests (their screens link to each other)
            new Area("GOLF modes", "golf/modes", VaadinIcon.SUN_O, auth -> auth.isAuthenticated() && !auth.hasRole("GOLF_OPERATOR")),
            new Area("Admin", "admin", VaadinIcon.COG, auth -> auth.hasRole("ADMIN")),
            new Area("Audit trail", "admin/audit", VaadinIcon.RECORDS, auth -> auth.hasRole("ADMIN")),
            new Area("Documentation", "documentation", VaadinIcon.BOOK, any -> true));

    public MainLayout(AuthenticationContext authentication, Environment environment) {
        H1 brand = new H1("medoc");
        brand.addClassName("medoc-brand");

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (Area area : AREAS) {
            if (area.visible().test(authentication)) {
                SideNavItem item = new SideNavItem(area.label(), area.path(), area.icon().create());
                item.setId("nav-" + area.path());
                nav.addItem(item);
            }
        }

        Div user = new Div();
        user.addClassName("medoc-user");
        if (authentication.isAuthenticated()) {
            String name = authentication.getAuthenticatedUser(MedocUser.class).map(MedocUser::displayName)
                    .or(authentication::getPrincipalName).orElse("");
            Anchor who = new Anchor("account", name);
            who.setId("current-user");
            who.setTitle("My account: password and API tokens");
            Button logout = new Button("Logout", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
            logout.setId("logout-button");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            user.add(who, logout);
        } else {
            Anchor login = new Anchor("login", "Login");
            login.setId("login-link");
            user.add(login);
        }

        addToNavbar(new DrawerToggle(), brand);
        if (DemoAccounts.enabled(environment)) {
            addToNavbar(demoBanner());
        }
        addToNavbar(user);
        addToDrawer(nav);
    }

    /** Says that this installation runs in demo mode, with shared demo accounts: not for real data. */
    public static Span demoBanner() {
        Span banner = new Span("Demo mode: shared demo accounts, not for production");
        banner.setId("demo-banner");
        banner.getElement().getThemeList().add("badge warning");
        banner.setTitle("Started with medoc.demo=true: demo accounts for every role share one password. "
                + "A production start uses --medoc.demo=false and medoc users create-admin.");
        return banner;
    }
}
