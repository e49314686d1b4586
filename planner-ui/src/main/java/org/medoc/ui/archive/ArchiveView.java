package org.medoc.ui.archive;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route("archive")
@RouteAlias("")
@AnonymousAllowed
public class ArchiveView extends VerticalLayout {
    public ArchiveView() {
        add(new H2("Archive"));
    }
}
