package org.medoc.archive.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The time spellings of solar archives, read as UTC. */
class HeaderTimeTests {

    @Test
    void isoTimesWithAndWithoutZoneAreUtc() {
        assertThat(HeaderNormaliser.parseTime("2011-02-15T00:00:00.34", null)).isEqualTo(Instant.parse("2011-02-15T00:00:00.340Z"));
        assertThat(HeaderNormaliser.parseTime("2009-01-31T08:03:02.462Z", null)).isEqualTo(Instant.parse("2009-01-31T08:03:02.462Z"));
        assertThat(HeaderNormaliser.parseTime("2020-06-02T08:17:33.136", null)).isEqualTo(Instant.parse("2020-06-02T08:17:33.136Z"));
    }

    @Test
    void jsocTaiTimesLoseTheLeapSecondsOfTheirDay() {
        // TAI - UTC = 34 s from 2009 to mid-2012, 37 s since 2017 (IERS Bulletin C)
        assertThat(HeaderNormaliser.parseTime("2011.02.15_02:00:00_TAI", null)).isEqualTo(Instant.parse("2011-02-15T01:59:26Z"));
        assertThat(HeaderNormaliser.parseTime("2024.05.08_16:55:12.5_TAI", null)).isEqualTo(Instant.parse("2024-05-08T16:54:35.500Z"));
        assertThat(HeaderNormaliser.parseTime("2011.02.15_02:00:00_UTC", null)).isEqualTo(Instant.parse("2011-02-15T02:00:00Z"));
    }

    @Test
    void theLeapSecondAtTheEndOf2016IsApplied() {
        assertThat(LeapSeconds.taiToUtc(Instant.parse("2016-12-31T23:59:00Z"))).isEqualTo(Instant.parse("2016-12-31T23:58:24Z"));
        assertThat(LeapSeconds.taiToUtc(Instant.parse("2017-01-01T00:01:00Z"))).isEqualTo(Instant.parse("2017-01-01T00:00:23Z"));
    }

    @Test
    void oldSohoDatesTakeTheirTimeFromTimeObs() {
        assertThat(HeaderNormaliser.parseTime("01/03/04", "00:00:10.515")).isEqualTo(Instant.parse("2004-03-01T00:00:10.515Z"));
        assertThat(HeaderNormaliser.parseTime("15/12/97", "12:30:00")).isEqualTo(Instant.parse("1997-12-15T12:30:00Z"));
        assertThat(HeaderNormaliser.parseTime("2004-03-01", "00:00:10")).isEqualTo(Instant.parse("2004-03-01T00:00:10Z"));
    }

    @Test
    void textThatIsNoTimeIsRefused() {
        assertThat(HeaderNormaliser.parseTime("MISSING", null)).isNull();
        assertThat(HeaderNormaliser.parseTime("2011-13-45T99:00:00", null)).isNull();
    }
}
