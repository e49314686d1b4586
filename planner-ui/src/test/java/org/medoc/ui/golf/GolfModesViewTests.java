package org.medoc.ui.golf;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.medoc.ops.golf.mode.ModeChange;
import org.medoc.ops.golf.mode.ModePeriod;
import org.medoc.ops.golf.mode.ModeService;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GOLF mode planning screen on the real application and database, without a browser. */
@PlanningIntegrationTest
@ViewPackages(classes = GolfModesView.class)
class GolfModesViewTests extends SpringBrowserlessTest {

    @Autowired ModeService modes;
    @Autowired AuditTrail audit;

    private List<ModeChange> plannedWith(String reason) {
        return modes.planned().stream().filter(c -> c.reason().equals(reason)).toList();
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void anOperatorPlansAChangeFromTheFormAndAppliesItToTheHistory() {
        ModePeriod before = modes.current().orElseThrow();
        GolfModesView view = navigate(GolfModesView.class);
        assertThat(view.current.getText()).isEqualTo(GolfView.describe(before));
        assertThat(view.history.getListDataView().getItem(0).id()).as("newest first").isEqualTo(before.id());

        String reason = "view test: red wing again " + System.nanoTime();
        test(view.time).setValue(LocalDateTime.ofInstant(before.start().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        view.mode.setValue("RED_WING");
        test(view.reason).setValue(reason);
        test(view.plan).click();
        assertThat(view.time.isInvalid()).isTrue();
        assertThat(view.time.getErrorMessage()).isEqualTo("The change must come after the start of the current mode");
        assertThat(plannedWith(reason)).isEmpty();

        // far ahead of the demo's history, and before the times ModeServiceTests applies at (2190 plus a day per period)
        Instant earliest = Instant.parse("2190-01-01T01:00:00Z");
        Instant at = before.start().isBefore(earliest) ? earliest : before.start().plus(Duration.ofDays(1));
        test(view.time).setValue(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        test(view.plan).click();
        ModeChange change = plannedWith(reason).getFirst();
        assertThat(change.mode()).isEqualTo("RED_WING");
        assertThat(change.requestedBy()).isEqualTo("golf-operator");

        view.planned.select(view.planned.getListDataView().getItems().filter(c -> c.id() == change.id()).findFirst().orElseThrow());
        test(view.apply).click();

        assertThat(modes.current().orElseThrow().mode()).isEqualTo("RED_WING");
        assertThat(modes.current().orElseThrow().start()).isEqualTo(at);
        assertThat(view.current.getText()).startsWith("Current mode: RED_WING");
        assertThat(view.planned.getListDataView().getItems()).noneMatch(c -> c.id() == change.id());
        List<AuditEvent> trail = audit.search(new AuditQuery(null, null, null, null, "mode-change", Long.toString(change.id()), null,
                AuditQuery.MAX_LIMIT)).events();
        assertThat(trail).extracting(AuditEvent::action).containsExactly("golf.mode-applied", "golf.mode-planned");
        assertThat(trail.getFirst().before()).contains("\"mode\": \"" + before.mode() + "\"");
        assertThat(trail.getFirst().after()).contains("\"mode\": \"RED_WING\"");
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void aCancelledChangeLeavesTheHistoryAlone() {
        ModePeriod before = modes.current().orElseThrow();
        String reason = "view test: cancelled " + System.nanoTime();
        ModeChange change = modes.plan(Instant.parse("2999-01-01T00:00:00Z"), "SAFE", reason, "golf-operator");
        GolfModesView view = navigate(GolfModesView.class);

        view.planned.select(view.planned.getListDataView().getItems().filter(c -> c.id() == change.id()).findFirst().orElseThrow());
        test(view.cancel).click();

        assertThat(modes.change(change.id()).status()).isEqualTo(ModeChange.Status.CANCELLED);
        assertThat(modes.change(change.id()).decidedBy()).isEqualTo("golf-operator");
        assertThat(modes.current().orElseThrow().id()).isEqualTo(before.id());
    }

    @Test
    @WithMockUser(username = "archivist", roles = "ARCHIVIST")
    void otherRolesReadTheModesWithoutTheForm() {
        GolfModesView view = navigate(GolfModesView.class);

        assertThat(view.current.getText()).startsWith("Current mode: ");
        assertThat(view.plan.isAttached()).isFalse();
        assertThat(view.apply.isAttached()).isFalse();
        assertThat(view.history.getListDataView().getItemCount()).isEqualTo(modes.history().size());
    }
}
