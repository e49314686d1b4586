package org.medoc.ui.base;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How every view writes offsets, times, volumes, rates, sizes and numbers. */
class FormatsTests {

    @Test
    void offsetsAreWrittenAsSignedHoursMinutesSeconds() {
        assertThat(Formats.offset(0)).isEqualTo("+00:00:00");
        assertThat(Formats.offset(120)).isEqualTo("+00:02:00");
        assertThat(Formats.offset(3723.5)).isEqualTo("+01:02:03.5");
        assertThat(Formats.offset(-90)).isEqualTo("-00:01:30");
        assertThat(Formats.offset(90_000)).isEqualTo("+25:00:00");
    }

    @Test
    void timesAreShownInUtcToTheSecond() {
        assertThat(Formats.utc(Instant.parse("2026-11-24T23:09:53.355792Z"))).isEqualTo("2026-11-24 23:09:53Z");
        assertThat(Formats.utc(null)).isEmpty();
        assertThat(Formats.date(Instant.parse("2026-11-24T23:09:53Z"))).isEqualTo("2026-11-24");
        assertThat(Formats.dateTime(Instant.parse("2026-11-24T23:09:53Z"))).isEqualTo("2026-11-24 23:09:53");
    }

    @Test
    void volumesAreInMegabits() {
        assertThat(Formats.megabits(12_345_678L)).isEqualTo("12.3 Mbit");
        assertThat(Formats.megabits((Long) null)).isEmpty();
        assertThat(Formats.plain(1024.0)).isEqualTo("1024");
        assertThat(Formats.plain(0.001)).isEqualTo("0.001");
    }

    @Test
    void telemetryIsInKilobitsAndDurationsInSecondsAndHours() {
        assertThat(Formats.kilobits(12_345)).isEqualTo("12.3 kbit");
        assertThat(Formats.kilobitsPerSecond(1_500)).isEqualTo("1.50 kbit/s");
        assertThat(Formats.secondsAndHours(5_400)).isEqualTo("5400 s (1.50 h)");
        assertThat(Formats.seconds(59.6)).isEqualTo("60 s");
        assertThat(Formats.percent(0.755)).isEqualTo("75.5 %");
        assertThat(Formats.count(12_345)).isEqualTo("12,345");
    }

    @Test
    void elapsedTimesAreInMillisecondsBelowASecondAndSecondsAbove() {
        assertThat(Formats.elapsed(850L)).isEqualTo("850 ms");
        assertThat(Formats.elapsed(12_345L)).isEqualTo("12.3 s");
        assertThat(Formats.elapsed(null)).isEmpty();
    }

    @Test
    void measuredValuesHaveFourSignificantDigitsAndNoTrailingZeros() {
        assertThat(Formats.number(2.9)).isEqualTo("2.9");
        assertThat(Formats.number(2.0)).isEqualTo("2");
        assertThat(Formats.number(171.0)).isEqualTo("171");
        assertThat(Formats.number(1.23456)).isEqualTo("1.235");
        assertThat(Formats.number(0.0125)).isEqualTo("0.0125");
        assertThat(Formats.number(12345.67)).isEqualTo("12350");
        assertThat(Formats.number(3.2e-7)).isEqualTo("3.200e-07");
        assertThat(Formats.number(null)).isEmpty();
    }

    @Test
    void fileSizesAreInBinaryUnits() {
        assertThat(Formats.bytes(512)).isEqualTo("512 B");
        assertThat(Formats.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Formats.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }
}
