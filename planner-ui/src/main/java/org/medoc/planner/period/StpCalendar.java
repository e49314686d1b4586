package org.medoc.planner.period;

import java.time.Duration;
import java.time.Instant;

/**
 * Default STP and LTP numbering (PLANNING.md §5.2, our working rule consistent with every published anchor):
 * STP <i>n</i> starts Monday 00:00 UTC of 2020-11-16 + 7(<i>n</i> - 122) days and lasts 7 days (STP122 =
 * 2020-11-16 to 11-23, release notes [R4]); LTP <i>m</i> (<i>m</i> &ge; 5, 13-week LTPs since March 2021) spans STP
 * 167 + 13(<i>m</i> - 5) to 179 + 13(<i>m</i> - 5) (LTP05 = 2021-09-27 to 12-27, LTP12 = 2023-06-26 to 09-25, header
 * pair LTP=18/STP=346). Real STPs may be shortened or lengthened: stored periods keep their own start and end; this
 * rule only proposes defaults and maps dates when no SOC schedule is known.
 */
public final class StpCalendar {

    public static final int ANCHOR_STP = 122;
    public static final Instant ANCHOR_START = Instant.parse("2020-11-16T00:00:00Z");
    public static final Duration STP_LENGTH = Duration.ofDays(7);
    /** First LTP of 13 weeks and its first STP. */
    public static final int FIRST_QUARTER_LTP = 5;
    public static final int FIRST_QUARTER_LTP_STP = 167;
    public static final int STPS_PER_LTP = 13;

    private StpCalendar() {
    }

    public static Instant stpStart(int number) {
        return ANCHOR_START.plus(STP_LENGTH.multipliedBy(number - (long) ANCHOR_STP));
    }

    public static Instant stpEnd(int number) {
        return stpStart(number + 1);
    }

    /** The STP containing an instant (start inclusive, end exclusive). */
    public static int stpAt(Instant instant) {
        long seconds = Duration.between(ANCHOR_START, instant).getSeconds();
        return ANCHOR_STP + (int) Math.floorDiv(seconds, STP_LENGTH.getSeconds());
    }

    /** The LTP an STP belongs to; defined from LTP05 (STP167) on, before which LTPs were 6 months long. */
    public static int ltpOf(int stp) {
        if (stp < FIRST_QUARTER_LTP_STP) {
            throw new IllegalArgumentException("STP" + stp + " is before LTP05 (STP" + FIRST_QUARTER_LTP_STP
                    + "): 6-month LTPs are not derived by the 13-week rule");
        }
        return FIRST_QUARTER_LTP + Math.floorDiv(stp - FIRST_QUARTER_LTP_STP, STPS_PER_LTP);
    }

    public static int ltpFirstStp(int ltp) {
        if (ltp < FIRST_QUARTER_LTP) {
            throw new IllegalArgumentException("LTP" + ltp + " predates the 13-week rule (valid from LTP05)");
        }
        return FIRST_QUARTER_LTP_STP + STPS_PER_LTP * (ltp - FIRST_QUARTER_LTP);
    }

    public static int ltpLastStp(int ltp) {
        return ltpFirstStp(ltp) + STPS_PER_LTP - 1;
    }

    public static Instant ltpStart(int ltp) {
        return stpStart(ltpFirstStp(ltp));
    }

    public static Instant ltpEnd(int ltp) {
        return stpEnd(ltpLastStp(ltp));
    }

    /**
     * Default IOR deadline of an STP: the Wednesday 12:00 UTC two weeks before it starts (the SOC schedule gives
     * "Wednesday 12:00 UTC" as an example [R6]; the lead time is our assumption, stored per STP and editable).
     */
    public static Instant defaultIorDeadline(int stp) {
        return stpStart(stp).minus(Duration.ofDays(12)).plus(Duration.ofHours(12));
    }
}
