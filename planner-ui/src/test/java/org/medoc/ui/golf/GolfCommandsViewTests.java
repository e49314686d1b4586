package org.medoc.ui.golf;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.command.CommandRequest;
import org.medoc.ops.golf.command.CommandService;
import org.medoc.ops.golf.command.CommandStatus;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.PeriodService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GOLF command request screen on the real application and database, without a browser. */
@PlanningIntegrationTest
@ViewPackages(classes = GolfCommandsView.class)
class GolfCommandsViewTests extends SpringBrowserlessTest {

    @Autowired CommandService commands;
    @Autowired PeriodService periods;
    @Autowired AuditTrail audit;

    private static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    private List<CommandRequest> requestsWith(String text) {
        return commands.list().stream().filter(r -> r.commands().equals(text)).toList();
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void aRequestInsideAManoeuvreWindowIsWarnedAndNeedsAnOverrideReasonOnItsField() {
        Instant manoeuvre = GolfFixtures.freshYear();
        periods.addConstraint("SOHO_SPWG", "SOHO_MANOEUVRE", null, manoeuvre, manoeuvre.plus(Duration.ofHours(6)), "momentum management");
        String text = "GOLF HEATER SETPOINT " + System.nanoTime();
        GolfCommandsView view = navigate(GolfCommandsView.class);

        test(view.planned).setValue(utc(manoeuvre.plus(Duration.ofHours(2))));
        test(view.commands).setValue(text);
        test(view.reason).setValue("oven drift");

        assertThat(view.windowWarning.isVisible()).isTrue();
        assertThat(view.windowWarning.getText()).startsWith("G2: inside the SoHO SOHO_MANOEUVRE window").contains("momentum management");
        test(view.request).click();
        assertThat(view.overrideReason.isInvalid()).isTrue();
        assertThat(view.overrideReason.getErrorMessage()).isEqualTo("The planned time is inside a SoHO window: give the reason to command anyway");
        assertThat(requestsWith(text)).isEmpty();

        test(view.overrideReason).setValue("oven out of range, cannot wait");
        test(view.request).click();

        assertThat(requestsWith(text)).singleElement().satisfies(r -> {
            assertThat(r.requestedBy()).isEqualTo("golf-operator");
            assertThat(r.plannedExecution()).isEqualTo(manoeuvre.plus(Duration.ofHours(2)));
            assertThat(r.overrideReason()).isEqualTo("oven out of range, cannot wait");
            assertThat(r.windowWarnings()).hasSize(1);
        });
        assertThat(view.windowWarning.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void theRequesterCannotApproveAnotherOperatorApprovesThenItIsSentAndVerified() {
        Instant planned = GolfFixtures.freshYear();
        String text = "GOLF MODE BLUE " + System.nanoTime();
        GolfCommandsView view = navigate(GolfCommandsView.class);
        test(view.planned).setValue(utc(planned));
        test(view.commands).setValue(text);
        test(view.reason).setValue("back to the blue wing");
        test(view.request).click();
        CommandRequest request = requestsWith(text).getFirst();

        view.requests.select(request);
        assertThat(view.approve.isEnabled()).as("the requester's own request").isFalse();

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("second-operator", null,
                AuthorityUtils.createAuthorityList("ROLE_GOLF_OPERATOR")));
        navigate(GolfModesView.class);
        view = navigate(GolfCommandsView.class);
        assertThat(view.operator).isTrue();
        view.requests.select(view.requests.getListDataView().getItems().filter(r -> r.id() == request.id()).findFirst().orElseThrow());
        assertThat(view.approve.isEnabled()).isTrue();
        assertThat(view.sent.isEnabled()).isFalse();
        test(view.approve).click();
        assertThat(commands.get(request.id()).status()).isEqualTo(CommandStatus.APPROVED);
        assertThat(commands.get(request.id()).approvedBy()).isEqualTo("second-operator");

        test(view.sent).click();
        test(view.result).setValue("mode BLUE_WING in HK");
        test(view.verified).click();

        CommandRequest verified = commands.get(request.id());
        assertThat(verified.status()).isEqualTo(CommandStatus.VERIFIED);
        assertThat(verified.sentBy()).isEqualTo("second-operator");
        assertThat(verified.result()).isEqualTo("mode BLUE_WING in HK");
        List<AuditEvent> trail = audit.search(new AuditQuery(null, null, null, null, "command-request", Long.toString(request.id()), null,
                AuditQuery.MAX_LIMIT)).events();
        assertThat(trail).extracting(AuditEvent::action)
                .containsExactly("golf.command-verified", "golf.command-sent", "golf.command-approved", "golf.command-requested");
        assertThat(trail).extracting(AuditEvent::actor)
                .containsExactly("second-operator", "second-operator", "second-operator", "golf-operator");
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void aWaitingRequestIsCancelledWithTheReasonOnItsFieldAndThenOffersNoStep() {
        String text = "GOLF HEATER SETPOINT " + System.nanoTime();
        GolfCommandsView view = navigate(GolfCommandsView.class);
        test(view.planned).setValue(utc(GolfFixtures.freshYear()));
        test(view.commands).setValue(text);
        test(view.reason).setValue("oven drift");
        test(view.request).click();
        CommandRequest request = requestsWith(text).getFirst();
        view.requests.select(view.requests.getListDataView().getItems().filter(r -> r.id() == request.id()).findFirst().orElseThrow());
        assertThat(view.cancel.isEnabled()).as("the requester may withdraw a waiting request").isTrue();

        test(view.cancel).click();
        assertThat(view.cancelReason.isInvalid()).isTrue();
        assertThat(view.cancelReason.getErrorMessage()).isEqualTo("Say why the request is cancelled");
        assertThat(commands.get(request.id()).status()).isEqualTo(CommandStatus.REQUESTED);

        test(view.cancelReason).setValue("oven back in range by itself");
        test(view.cancel).click();
        CommandRequest cancelled = commands.get(request.id());
        assertThat(cancelled.status()).isEqualTo(CommandStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo("golf-operator");
        assertThat(cancelled.cancelReason()).isEqualTo("oven back in range by itself");
        assertThat(view.cancel.isEnabled()).isFalse();
        assertThat(view.approve.isEnabled()).isFalse();
        assertThat(audit.search(new AuditQuery(null, null, null, null, "command-request", Long.toString(request.id()), null,
                AuditQuery.MAX_LIMIT)).events()).extracting(AuditEvent::action)
                .containsExactly("golf.command-cancelled", "golf.command-requested");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aPlannerSeesTheRequestsButNoForm() {
        GolfCommandsView view = navigate(GolfCommandsView.class);

        assertThat(view.operator).isFalse();
        assertThat(view.request.isAttached()).isFalse();
        assertThat(view.approve.isAttached()).isFalse();
        assertThat(view.requests.getListDataView().getItemCount()).isEqualTo(commands.list().size());
    }
}
