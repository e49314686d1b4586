package org.medoc.ops.golf;

import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkParameter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for GOLF operations on the shared test database: every test gets its own parameter names and its own
 * stretch of time (a year each, far from the demo data), so that tests never see each other's samples, gaps or alarms.
 */
public final class GolfFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Instant FIRST_YEAR = Instant.parse("2100-01-01T00:00:00Z");

    private GolfFixtures() {
    }

    /** A fresh, unused stretch of a year: its start. */
    public static Instant freshYear() {
        return FIRST_YEAR.plus(Duration.ofDays(366L * NEXT.incrementAndGet()));
    }

    public static String mnemonic(String stem) {
        return stem + "_" + NEXT.incrementAndGet();
    }

    public static HkParameter parameter(HkCatalogueService catalogue, String stem, Calibration calibration) {
        return catalogue.create(new HkCatalogueService.ParameterInput(mnemonic(stem), "test " + stem, HkParameter.Subsystem.CELL,
                "degC", calibration, 60));
    }

    /** CSV text of one parameter: {@code values[i]} at {@code start + i·step}. */
    public static String csv(String mnemonic, Instant start, Duration step, double... values) {
        StringBuilder csv = new StringBuilder("time_utc,mnemonic,raw\n");
        for (int i = 0; i < values.length; i++) {
            csv.append(start.plus(step.multipliedBy(i))).append(',').append(mnemonic).append(',').append(values[i]).append('\n');
        }
        return csv.toString();
    }

    /**
     * A housekeeping CSV of {@code lines} samples produced as it is read ({@code line} gives sample i without its
     * newline): millions of samples with no text held anywhere.
     */
    public static InputStream generatedCsv(long lines, java.util.function.LongFunction<String> line) {
        return new InputStream() {
            private byte[] current = "time_utc,mnemonic,raw\n".getBytes(StandardCharsets.US_ASCII);
            private int position;
            private long next;

            @Override
            public int read() {
                if (position == current.length && !advance()) {
                    return -1;
                }
                return current[position++];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                int count = 0;
                while (count < length) {
                    if (position == current.length && !advance()) {
                        return count == 0 ? -1 : count;
                    }
                    int n = Math.min(length - count, current.length - position);
                    System.arraycopy(current, position, buffer, offset + count, n);
                    position += n;
                    count += n;
                }
                return count;
            }

            private boolean advance() {
                if (next == lines) {
                    return false;
                }
                current = (line.apply(next++) + "\n").getBytes(StandardCharsets.US_ASCII);
                position = 0;
                return true;
            }
        };
    }

    public static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
