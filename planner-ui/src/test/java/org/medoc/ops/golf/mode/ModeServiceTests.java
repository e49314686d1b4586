package org.medoc.ops.golf.mode;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GOLF's mode history seeded with the public chronology, the mode at a time, and planned changes. */
@PlanningIntegrationTest
class ModeServiceTests {

    @Autowired ModeService modes;

    @Test
    void theHistoryStartsWithThePublicChronologyWithoutGapsOrOverlaps() {
        List<ModePeriod> history = modes.history();

        assertThat(history.subList(0, 5)).extracting(ModePeriod::mode)
                .containsExactly("PREPLANNED_8CFG", "BLUE_WING", "OFF", "RED_WING", "BLUE_WING");
        assertThat(history.get(0).end()).isEqualTo(Instant.parse("1996-04-11T00:00:00Z"));
        assertThat(history.get(0).cycleSeconds()).isEqualTo(40);
        assertThat(history.get(3).start()).isEqualTo(Instant.parse("1998-10-08T00:00:00Z"));
        assertThat(history.get(3).end()).isEqualTo(Instant.parse("2002-11-18T00:00:00Z"));
        assertThat(history.get(4).start()).isEqualTo(Instant.parse("2002-11-18T00:00:00Z"));
        assertThat(modes.historyFindings()).isEmpty();
    }

    @Test
    void theModeAtATimeIsThatOfThePeriodContainingIt() {
        assertThat(modes.at(Instant.parse("1996-01-01T00:00:00Z")).orElseThrow().mode()).isEqualTo("PREPLANNED_8CFG");
        assertThat(modes.at(Instant.parse("1996-04-11T00:00:00Z")).orElseThrow().mode()).isEqualTo("BLUE_WING");
        assertThat(modes.at(Instant.parse("2000-06-01T00:00:00Z")).orElseThrow().mode()).isEqualTo("RED_WING");
        assertThat(modes.at(Instant.parse("1998-08-01T00:00:00Z")).orElseThrow().mode()).isEqualTo("OFF");
        assertThat(modes.at(Instant.parse("1990-01-01T00:00:00Z"))).isEmpty();
        assertThat(modes.current()).isPresent();
    }

    @Test
    void applyingAPlannedChangeEndsTheCurrentModeAtThePlannedTimeAndStartsTheNewOne() {
        ModePeriod before = modes.current().orElseThrow();
        Instant planned = Instant.parse("2190-01-01T00:00:00Z").plusSeconds(modes.history().size() * 86_400L);
        ModeChange change = modes.plan(planned, "SAFE", "test: safe mode for a spacecraft ESR", "golf-operator");
        assertThat(modes.planned()).extracting(ModeChange::id).contains(change.id());

        ModePeriod now = modes.apply(change.id(), "golf-operator");

        assertThat(now.mode()).isEqualTo("SAFE");
        assertThat(now.start()).isEqualTo(planned);
        assertThat(now.source()).isEqualTo("COMMAND");
        assertThat(modes.current().orElseThrow().id()).isEqualTo(now.id());
        assertThat(modes.history()).filteredOn(p -> p.id() == before.id()).singleElement()
                .satisfies(p -> assertThat(p.end()).isEqualTo(planned));
        assertThat(modes.historyFindings()).isEmpty();
        assertThat(modes.planned()).extracting(ModeChange::id).doesNotContain(change.id());
        assertThatThrownBy(() -> modes.apply(change.id(), "golf-operator"))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
    }

    @Test
    void aChangeToAnUnknownModeIsRefused() {
        assertThatThrownBy(() -> modes.plan(Instant.now(), "GREEN_WING", "why not", "golf-operator"))
                .hasMessageStartingWith("unknown GOLF mode 'GREEN_WING'");
    }
}
