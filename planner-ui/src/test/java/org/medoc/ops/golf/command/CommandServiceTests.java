package org.medoc.ops.golf.command;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.PeriodService;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command requests against SoHO windows entered in planning (rule G2), approval by someone else, stamps. */
@PlanningIntegrationTest
class CommandServiceTests {

    @Autowired CommandService commands;
    @Autowired PeriodService periods;

    @Test
    void aRequestInsideAKeyholeWindowIsRefusedWithoutAnOverrideReasonAndWarnedWithOne() {
        Instant keyhole = GolfFixtures.freshYear();
        periods.addConstraint("SOHO_SPWG", "KEYHOLE_34M", null, keyhole, keyhole.plus(Duration.ofDays(2)), "34 m keyhole");
        Instant inside = keyhole.plus(Duration.ofHours(5));

        assertThatThrownBy(() -> commands.request(inside, "GOLF HEATER SETPOINT 71.5", "oven drift", null, "golf-operator"))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.findings()).singleElement()
                        .satisfies(f -> assertThat(f).startsWith("G2: inside the SoHO KEYHOLE_34M window")));
        CommandRequest request = commands.request(inside, "GOLF HEATER SETPOINT 71.5", "oven drift", "cannot wait: oven out of range",
                "golf-operator");

        assertThat(request.windowWarnings()).singleElement().satisfies(w -> assertThat(w).contains("34 m keyhole"));
        assertThat(commands.windowWarnings(keyhole.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void windowsOfOtherSourcesOrTypesGiveNoWarning() {
        Instant start = GolfFixtures.freshYear();
        periods.addConstraint("E_FECS", "ROLL", null, start, start.plus(Duration.ofHours(4)), "roll");
        periods.addConstraint("SOHO_SPWG", "BAKEOUT", null, start, start.plus(Duration.ofHours(4)), "EIT bakeout");

        assertThat(commands.windowWarnings(start.plus(Duration.ofHours(1)))).isEmpty();
        periods.addConstraint("SOHO_SPWG", "SOHO_MANOEUVRE", null, start, start.plus(Duration.ofHours(4)), "momentum management");
        assertThat(commands.windowWarnings(start.plus(Duration.ofHours(1)))).hasSize(1);
    }

    @Test
    void aRequestIsApprovedBySomeoneElseThenStampedSentAndVerified() {
        Instant planned = GolfFixtures.freshYear();
        CommandRequest request = commands.request(planned, "GOLF MODE BLUE", "back to the blue wing", null, "golf-operator");

        assertThatThrownBy(() -> commands.decide(request.id(), true, "golf-operator")).hasMessageContaining("someone other than its requester");
        assertThatThrownBy(() -> commands.markSent(request.id(), "golf-operator", planned))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
        commands.decide(request.id(), true, "admin");
        commands.markSent(request.id(), "golf-operator", planned);
        CommandRequest verified = commands.markVerified(request.id(), "golf-operator", planned.plusSeconds(600), "mode BLUE_WING in HK");

        assertThat(verified.status()).isEqualTo(CommandStatus.VERIFIED);
        assertThat(verified.approvedBy()).isEqualTo("admin");
        assertThat(verified.sentAt()).isEqualTo(planned);
        assertThat(verified.verifiedAt()).isEqualTo(planned.plusSeconds(600));
        assertThat(verified.result()).isEqualTo("mode BLUE_WING in HK");
    }

    @Test
    void aRequestNotYetSentIsCancelledWithItsReasonButASentOneIsNot() {
        Instant planned = GolfFixtures.freshYear();
        CommandRequest waiting = commands.request(planned, "GOLF HEATER SETPOINT 71.0", "oven drift", null, "golf-operator");
        CommandRequest approved = commands.request(planned.plusSeconds(3600), "GOLF MODE RED", "red wing test", null, "golf-operator");
        commands.decide(approved.id(), true, "admin");
        CommandRequest sent = commands.request(planned.plusSeconds(7200), "GOLF MODE BLUE", "back to blue", null, "golf-operator");
        commands.decide(sent.id(), true, "admin");
        commands.markSent(sent.id(), "admin", planned.plusSeconds(7200));

        assertThatThrownBy(() -> commands.cancel(waiting.id(), "golf-operator", " "))
                .isInstanceOf(GolfRejectedException.class).hasMessageContaining("say why");
        CommandRequest cancelled = commands.cancel(waiting.id(), "golf-operator", "oven back in range by itself");
        CommandRequest cancelledAfterApproval = commands.cancel(approved.id(), "admin", "campaign postponed");

        assertThat(cancelled.status()).isEqualTo(CommandStatus.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo("golf-operator");
        assertThat(cancelled.cancelReason()).isEqualTo("oven back in range by itself");
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(cancelledAfterApproval.status()).isEqualTo(CommandStatus.CANCELLED);
        assertThat(cancelledAfterApproval.approvedBy()).as("the approval stays on record").isEqualTo("admin");
        assertThatThrownBy(() -> commands.cancel(sent.id(), "golf-operator", "too late"))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
        assertThatThrownBy(() -> commands.cancel(waiting.id(), "golf-operator", "twice"))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
        assertThatThrownBy(() -> commands.markSent(cancelledAfterApproval.id(), "admin", planned))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
        assertThat(commands.get(sent.id()).status()).isEqualTo(CommandStatus.SENT);
    }
}
