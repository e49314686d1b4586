package org.medoc.ops.golf.hk;

import org.medoc.ops.golf.alarm.AlarmSeverity;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits of one parameter in engineering units; a null bound is no bound. The bands nest: critical lies outside
 * warning, which lies outside watch. A value exactly on a bound is still inside.
 */
public record Limits(Double watchLow, Double watchHigh, Double warningLow, Double warningHigh, Double criticalLow,
                     Double criticalHigh) {

    public static final Limits NONE = new Limits(null, null, null, null, null, null);

    /** The severity of {@code value} against these limits. */
    public AlarmSeverity judge(double value) {
        if (outside(value, criticalLow, criticalHigh)) {
            return AlarmSeverity.CRITICAL;
        }
        if (outside(value, warningLow, warningHigh)) {
            return AlarmSeverity.WARNING;
        }
        if (outside(value, watchLow, watchHigh)) {
            return AlarmSeverity.WATCH;
        }
        return AlarmSeverity.NORMAL;
    }

    private static boolean outside(double value, Double low, Double high) {
        return (low != null && value < low) || (high != null && value > high);
    }

    /** What is wrong with these limits (bands that do not nest, a low above its high), as messages. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Double[][] bands = {{watchLow, watchHigh}, {warningLow, warningHigh}, {criticalLow, criticalHigh}};
        String[] names = {"watch", "warning", "critical"};
        for (int i = 0; i < bands.length; i++) {
            if (bands[i][0] != null && bands[i][1] != null && bands[i][0] > bands[i][1]) {
                problems.add("the " + names[i] + " low limit " + bands[i][0] + " is above its high limit " + bands[i][1]);
            }
            for (int j = i + 1; j < bands.length; j++) {
                if (bands[i][0] != null && bands[j][0] != null && bands[j][0] > bands[i][0]) {
                    problems.add("the " + names[j] + " low limit " + bands[j][0] + " must not be above the " + names[i]
                            + " low limit " + bands[i][0]);
                }
                if (bands[i][1] != null && bands[j][1] != null && bands[j][1] < bands[i][1]) {
                    problems.add("the " + names[j] + " high limit " + bands[j][1] + " must not be below the " + names[i]
                            + " high limit " + bands[i][1]);
                }
            }
        }
        return problems;
    }
}
