package org.medoc.ui.docs;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.WildcardParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.medoc.docs.DocumentationLibrary;
import org.medoc.docs.DocumentationPage;

/**
 * The Documentation area: the guides of {@code docs/} (concepts, rules, exports, algorithms, operations) rendered in
 * the application, with a list of pages beside the one being read. Open to everybody, like the guides themselves.
 */
@Route(DocumentationLibrary.ROUTE)
@AnonymousAllowed
public class DocumentationView extends HorizontalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final DocumentationLibrary library;
    private final Div content = new Div();
    private String title = "Documentation · medoc";

    public DocumentationView(DocumentationLibrary library) {
        this.library = library;
        setId("documentation");
        setSizeFull();

        SideNav pages = new SideNav("Guides");
        pages.setId("documentation-pages");
        for (DocumentationPage page : library.pages()) {
            SideNavItem item = new SideNavItem(page.title(), DocumentationLibrary.ROUTE + "/" + page.name());
            pages.addItem(item);
        }
        pages.addClassName("medoc-doc-index");
        content.setId("documentation-content");
        content.addClassName("medoc-doc-content");
        add(pages, content);
        setFlexGrow(1, content);
    }

    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String name) {
        String wanted = name == null || name.isBlank() ? DocumentationLibrary.INDEX : name;
        content.removeAll();
        library.page(wanted).ifPresentOrElse(page -> {
            content.add(new Html(page.html()));
            title = page.title() + " · medoc";
        }, () -> {
            content.add(new H2("No such page"), new Paragraph("There is no guide named \"" + wanted
                    + "\". Pick one from the list."));
            title = "Documentation · medoc";
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
