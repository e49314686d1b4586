package org.medoc.ui.docs;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The Documentation area: the Markdown of {@code docs/} rendered in the application ({@code /documentation/planning}
 * by default). For logged-in staff, since it documents planning.
 */
@Route("documentation/:page?")
@PageTitle("Documentation · medoc")
@PermitAll
public class DocumentationView extends VerticalLayout implements BeforeEnterObserver {

    public DocumentationView() {
        setId("documentation-view");
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String page = event.getRouteParameters().get("page").orElse("planning");
        removeAll();
        add(MarkdownPages.render(page)
                .<com.vaadin.flow.component.Component>map(html -> {
                    Html content = new Html("<div class=\"medoc-documentation\">" + html + "</div>");
                    content.setId("documentation-content");
                    return content;
                })
                .orElseGet(() -> new Paragraph("No documentation page '" + page + "'.")));
    }
}
