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

    /** The quick reading of the plain ISO spelling gives what the general parser gives, invalid values included. */
    @Test
    void plainIsoTimesAreReadAsTheGeneralParserReadsThem() {
        java.util.List<String> values = new java.util.ArrayList<>(java.util.List.of("2011-02-15T00:00:00",
                "2011-02-15 00:00:00.5", "2011-02-15T00:00:00.123456789Z", "2011-02-15T00:00:00.1234567891",
                "2011-02-29T00:00:00", "2012-02-29T23:59:59.999z", "2011-13-01T00:00:00", "2011-04-31T00:00:00",
                "2016-12-31T23:59:60", "2011-02-15T24:00:00", "2011-02-15T00:60:00", "2011-02-15T00:00:00.",
                "2011-02-15t00:00:00", "2011-02-15T00:00", "0000-01-01T00:00:00", "2011-0a-15T00:00:00",
                "2011-02-15T00:00:00Zz", "+2011-02-15T00:00:0", "2011-02-15T00:00:00.+5", "2011-02-15T00:00:-1"));
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            char[] c = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%s", random.nextInt(3000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    String.format(java.util.Locale.ROOT, "%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9))).toCharArray();
            if (random.nextInt(10) == 0) {
                c[random.nextInt(c.length)] = "0: T-.Zx/".charAt(random.nextInt(9));
            }
            values.add(new String(c, 0, random.nextInt(4) == 0 ? 19 : c.length));
        }
        int parsed = 0;
        for (String value : values) {
            Instant expected;
            try {
                String v = value.trim(); // as parseTime reads its text
                v = v.endsWith("Z") || v.endsWith("z") ? v.substring(0, v.length() - 1) : v;
                expected = java.time.LocalDateTime.parse(v.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertThat(HeaderNormaliser.parseTime(value, null)).as(value).isEqualTo(expected);
            parsed += expected == null ? 0 : 1;
        }
        assertThat(parsed).as("valid among them").isGreaterThan(2_000).isLessThan(values.size() - 2_000);
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
