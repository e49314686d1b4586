package org.medoc.ui.golf;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.alarm.AlarmSeverity;
import org.medoc.ops.golf.alarm.AlarmSummary;

/**
 * The top of every GOLF page: links to the GOLF screens and the alarm summary (unacknowledged, acknowledged,
 * shelved), so that an operator sees new alarms wherever they are in the area.
 */
class GolfHeader extends Composite<HorizontalLayout> {

    final Span summary = new Span();
    private final transient AlarmService alarms;

    GolfHeader(AlarmService alarms) {
        this(alarms, true);
    }

    /** {@code operator} false: only the screens other roles may read (modes, command requests) are linked. */
    GolfHeader(AlarmService alarms, boolean operator) {
        this.alarms = alarms;
        HorizontalLayout layout = getContent();
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        layout.setWidthFull();
        if (operator) {
            layout.add(new RouterLink("Dashboard", GolfView.class), new RouterLink("Housekeeping", GolfHkView.class),
                    new RouterLink("Log and anomalies", GolfLogView.class));
        }
        layout.add(new RouterLink("Modes", GolfModesView.class), new RouterLink("Commands", GolfCommandsView.class));
        Span spacer = new Span();
        layout.add(spacer);
        layout.setFlexGrow(1, spacer);
        summary.setId("golf-alarm-summary");
        layout.add(summary);
        refresh();
    }

    void refresh() {
        AlarmSummary counts = alarms.summary();
        summary.setText("Alarms: " + counts.unacknowledged() + " unacknowledged · " + counts.acknowledged() + " acknowledged · "
                + counts.shelved() + " shelved");
        summary.getElement().getThemeList().clear();
        summary.getElement().getThemeList().add("badge");
        if (counts.unacknowledged() > 0) {
            summary.getElement().getThemeList().add(counts.worstUnacknowledged() == AlarmSeverity.CRITICAL ? "error" : "warning");
        } else {
            summary.getElement().getThemeList().add("success");
        }
    }
}
