package org.medoc.ui.planning;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.validation.Finding;
import org.medoc.ui.base.TextConverters;

import java.util.List;

/**
 * The comment of a decision on an ICN, bound by a {@link Binder}. Whether it is needed (a rejection says why) is the
 * ICN rules' C1; their finding on the {@code comment} is shown on the field.
 */
class IcnDecisionForm extends VerticalLayout {

    final TextArea comment = new TextArea("Comment");

    private final Binder<Draft> binder = new Binder<>();
    private final FindingFields findingFields = new FindingFields().put("comment", comment);

    IcnDecisionForm() {
        setPadding(false);
        comment.setId("icn-decision-comment");
        comment.setWidth("30em");
        binder.forField(comment).withConverter(TextConverters.blankAsNull()).bind(Draft::getComment, Draft::setComment);
        binder.readBean(new Draft());
        add(comment);
    }

    /** The comment typed, or null for none. */
    String comment() {
        Draft d = new Draft();
        binder.writeBeanIfValid(d);
        return d.getComment();
    }

    void showFindings(List<Finding> findings) {
        findingFields.show(findings);
    }

    /** The form's bean. */
    static final class Draft {
        private String comment;

        String getComment() { return comment; }
        void setComment(String comment) { this.comment = comment; }
    }
}
