package org.medoc.ui.planning;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.medoc.planner.study.StudyDrafts;
import org.medoc.planner.study.StudyEstimate;
import org.medoc.planner.validation.Finding;
import org.medoc.ui.base.Formats;

import java.util.List;
import java.util.Locale;

/** The live estimate of the study being edited (duration, volumes, rate) and the rule findings worth reading. */
class StudyEstimatePanel extends VerticalLayout {

    final Span estimate = new Span();
    final Div findings = new Div();

    StudyEstimatePanel() {
        setPadding(false);
        setSpacing(false);
        estimate.setId("study-estimate");
        findings.setId("study-findings");
        add(estimate, findings);
    }

    void showEstimate(StudyEstimate e) {
        estimate.setText("Duration " + Formats.secondsAndHours(e.durationSeconds()) + " · raw " + Formats.kilobits(e.rawVolumeBits())
                + " · telemetry " + Formats.kilobits(e.compressedVolumeBits()) + " · rate " + Formats.kilobitsPerSecond(e.telemetryRateBitsPerSecond()));
    }

    /** Lists the findings the editor shows ({@link StudyDrafts#shownWhileEditing}), each marked with its rule. */
    void showFindings(List<Finding> list) {
        findings.removeAll();
        for (Finding finding : list) {
            if (!StudyDrafts.shownWhileEditing(finding)) {
                continue;
            }
            Span item = new Span(finding.rule() + " " + finding.severity() + (finding.field() == null ? "" : " [" + finding.field() + "]")
                    + ": " + finding.message());
            item.addClassName("finding-" + finding.severity().name().toLowerCase(Locale.ROOT));
            item.getElement().setAttribute("data-rule", finding.rule());
            item.getStyle().set("display", "block").set("color", switch (finding.severity()) {
                case ERROR -> "var(--lumo-error-text-color)";
                case WARNING -> "#a65c00";
                case INFO -> "var(--lumo-secondary-text-color)";
            });
            findings.add(item);
        }
    }
}
