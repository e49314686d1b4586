package org.medoc.ui.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Placeholder for an area not built yet: its name and one line on what it will do. */
public class ComingSoon extends VerticalLayout {

    public ComingSoon(String area, String purpose) {
        setId("coming-soon");
        H2 title = new H2(area);
        Paragraph text = new Paragraph("Coming soon: " + purpose);
        text.addClassName("medoc-coming-soon");
        add(title, text);
    }
}
