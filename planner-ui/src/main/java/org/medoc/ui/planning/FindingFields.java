package org.medoc.ui.planning;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form fields that edit the fields planning rules name ({@code startUtc}, {@code exposureSeconds}, ...), so that
 * each rule finding is shown as the error of the field at fault.
 */
final class FindingFields {

    private final Map<String, HasValidation> fieldsByRuleField = new LinkedHashMap<>();

    FindingFields put(String ruleField, HasValidation field) {
        fieldsByRuleField.put(ruleField, field);
        return this;
    }

    /** Each error or warning with a field becomes that field's error message; the fields' earlier findings go. */
    void show(List<Finding> findings) {
        fieldsByRuleField.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        for (Finding finding : findings) {
            HasValidation field = finding.field() == null ? null : fieldsByRuleField.get(finding.field());
            if (field != null && finding.severity() != Severity.INFO) {
                field.setInvalid(true);
                field.setErrorMessage(finding.rule() + ": " + finding.message());
            }
        }
    }

    /** The field a rule finding names, if the form edits it. */
    Component fieldFor(String ruleField) {
        return (Component) fieldsByRuleField.get(ruleField);
    }
}
