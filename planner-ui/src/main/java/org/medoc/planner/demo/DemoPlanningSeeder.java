package org.medoc.planner.demo;

import org.jooq.DSLContext;
import org.medoc.planner.bop.BopDetail;
import org.medoc.planner.bop.BopItem;
import org.medoc.planner.bop.BopItemType;
import org.medoc.planner.bop.BopService;
import org.medoc.planner.icn.IcnCategory;
import org.medoc.planner.icn.IcnDetail;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.period.StpCalendar;
import org.medoc.planner.study.ReadMode;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StudyCategory;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyPurpose;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyType;
import org.medoc.planner.study.WindowKind;
import org.medoc.planner.study.YFieldOfView;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.medoc.planner.timeline.EntryInput;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.security.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.medoc.db.jooq.planning.Tables.STUDY;

/**
 * In demo mode, fills an empty planning schema with a realistic SPICE plan around today: twelve studies modelled on
 * public SPICE study names and the SAP reference specifications (PLANNING.md §3.2, §3.6), the study set
 * {@code flt17-study-set.xml} version 26 (the real SETFILE/SETVER pair of a sample header), the two STPs being planned
 * (three and four weeks ahead, so that their IOR deadlines are still open)
 * with an RSW, a roll and a telemetry allocation, two SOOPs, two weeks of timeline, a released BOP instantiated once,
 * and an ICN in review for the next study set. Runs once (skipped when any study exists), in one transaction.
 * SOOP codes are illustrative.
 */
@Component
class DemoPlanningSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlanningSeeder.class);
    private static final String PLANNER = "planner";

    private final Environment environment;
    private final DSLContext dsl;
    private final StudyService studies;
    private final StudySetService studySets;
    private final PeriodService periods;
    private final TimelineService timeline;
    private final BopService bops;
    private final IcnService icns;
    private final TransactionTemplate transaction;

    DemoPlanningSeeder(Environment environment, DSLContext dsl, StudyService studies, StudySetService studySets, PeriodService periods,
                       TimelineService timeline, BopService bops, IcnService icns, TransactionTemplate transaction) {
        this.environment = environment;
        this.dsl = dsl;
        this.studies = studies;
        this.studySets = studySets;
        this.periods = periods;
        this.timeline = timeline;
        this.bops = bops;
        this.icns = icns;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!DemoAccounts.enabled(environment) || !environment.getProperty("medoc.demo.planning", Boolean.class, true)) {
            return;
        }
        if (dsl.fetchExists(STUDY)) {
            return;
        }
        transaction.executeWithoutResult(status -> seed(Instant.now()));
    }

    /** Seeds the plan around {@code now}; public for tests of the demo content. */
    void seed(Instant now) {
        Map<String, StudyDetail> approved = new LinkedHashMap<>();
        for (StudyParameters parameters : approvedStudies()) {
            StudyDetail draft = studies.create(parameters, PLANNER);
            approved.put(parameters.name(), studies.approve(draft.study().id(), draft.study().lockVersion(), PLANNER));
        }
        StudyDetail inReview = studies.create(study("SCI_COMPO-LIMB_SC_SL02_60.0S_FF", StudyCategory.COMPOSITION, StudyType.RASTER,
                2, 64, 2, 60, 1, 1, YFieldOfView.FULL_FIELD, "Composition versus height above the limb", fifteenWindows()), PLANNER);
        studies.submit(inReview.study().id(), inReview.study().lockVersion(), PLANNER);
        studies.create(study("SCI_WAVES-TEST_SS_SL02_1.0S_FF", StudyCategory.WAVES, StudyType.SIT_AND_STARE, 2, 1, 0, 1, 600, 1,
                YFieldOfView.FULL_FIELD, "Draft: waves at 1 s cadence", List.of(profile("O VI 1032", 1700, 32, 2, 2))), PLANNER);

        // the plan being prepared: the first STP whose IOR deadline is still ahead whatever the weekday (rule T8), and
        // the one after it; the study set on board has been active since last week's STP
        int onBoardSince = StpCalendar.stpAt(now) - 1;
        int current = firstPlannedStp(now);
        int ltp = StpCalendar.ltpOf(current);
        if (periods.list(PeriodKind.LTP).stream().noneMatch(p -> p.number() == ltp)) {
            periods.create(new PeriodService.PeriodInput(PeriodKind.LTP, ltp, null, null, null, null, null, "demo LTP"));
        }
        Period stp = periods.create(new PeriodService.PeriodInput(PeriodKind.STP, current, null, null, null, null, "MIB-D-2025-01", "demo: being planned"));
        Period next = periods.create(new PeriodService.PeriodInput(PeriodKind.STP, current + 1, null, null, null, null, "MIB-D-2025-01", "demo: being planned"));
        periods.setAllocation(stp.id(), 500_000_000L, "demo TMC");
        periods.setAllocation(next.id(), 1_000_000_000L, "demo TMC");
        Instant rswStart = stp.start().plus(Duration.ofDays(2));
        periods.addConstraint("SOC_LTP", "RSW", null, rswStart, rswStart.plus(Duration.ofDays(4)), "Remote-sensing window (demo)");
        Instant roll = next.start().plus(Duration.ofDays(3)).plus(Duration.ofHours(8));
        periods.addConstraint("E_FECS", "ROLL", null, roll, roll.plus(Duration.ofHours(2)), "Spacecraft roll: do not integrate");
        long synopticSoop = periods.createSoop("R_FULL_LRES_LCAD_RS-Synoptics", "RS1", "RF5", "DISK_CENTRE", 72.0);
        long windSoop = periods.createSoop("L_SMALL_HRES_HCAD_Slow-Wind-Connection", "LS3", "LS3", "TRACKING", 72.0);
        periods.addSoopInstance(synopticSoop, stp.start(), next.end(), "demo");
        long windInstance = periods.addSoopInstance(windSoop, rswStart, rswStart.plus(Duration.ofDays(3)), "demo").id();

        // study set version 26, the SETFILE/SETVER pair of a real L2 header, on board since the previous STP
        StudySetDetail set = studySets.create(26, "flt17-study-set.xml", "demo study set", PLANNER);
        for (StudyDetail study : approved.values()) {
            set = studySets.addStudy(set.id(), set.lockVersion(), study.study().id(), null);
        }
        IcnDetail upload = icns.create(new IcnService.IcnInput("Upload study set 26", "Synoptic, dynamics and CME-watch studies for the "
                + "nominal mission", IcnCategory.STUDY_SET_UPLOAD, onBoardSince,
                List.of(new IcnDetail.AffectedItem("STUDY_SET", set.id()))), PLANNER);
        upload = icns.submit(upload.id(), upload.lockVersion(), PLANNER);
        upload = icns.decide(upload.id(), upload.lockVersion(), "admin", "SPICE_PI", true, "approved for upload");
        studySets.upload(set.id(), set.lockVersion(), onBoardSince);
        upload = icns.implement(upload.id(), upload.lockVersion(), set.id(), PLANNER);
        // demo history: the set has been on board since the previous STP, so its ICN was approved before that STP's
        // IOR deadline (rule B4); the workflow above stamps "now", which is later
        backdate(upload.id(), StpCalendar.defaultIorDeadline(onBoardSince).minus(Duration.ofDays(2)));

        // the next set, in review: adds the limb composition study
        StudySetDetail nextSet = studySets.create(27, "flt18-study-set.xml", "demo: next study set", PLANNER);
        IcnDetail review = icns.create(new IcnService.IcnInput("Upload study set 27", "Add limb composition (SCI_COMPO-LIMB) for the next "
                + "remote-sensing window", IcnCategory.STUDY_SET_UPLOAD, current + 2,
                List.of(new IcnDetail.AffectedItem("STUDY_SET", nextSet.id()), new IcnDetail.AffectedItem("STUDY", inReview.study().id()))), PLANNER);
        review = icns.submit(review.id(), review.lockVersion(), PLANNER);
        icns.comment(review.id(), "admin", "Please attach the telemetry estimate for STP" + (current + 2) + ".");

        // a BOP: dark and full-spectrum calibration pair
        long dark = approved.get("CAL_DARK_FS_SL04_1.0S_FD").study().id();
        long fullSpectrum = approved.get("CAL_FULLSP-PREP_TS_SL04_0.5S_FD").study().id();
        BopDetail bop = bops.create("CAL-DARK-FULLSP", "Dark and full-spectrum calibration pair", "Weekly calibration block", PLANNER);
        bop = bops.saveItems(bop.version(1).id(), bop.version(1).lockVersion(), List.of(
                new BopItem(1, 0, BopItemType.STUDY, dark, 1, null, null),
                new BopItem(2, 60, BopItemType.STUDY, fullSpectrum, 1, null, null),
                new BopItem(3, 120, BopItemType.MARKER, null, null, "CAL_DONE", null)));
        bop = bops.release(bop.version(1).id(), bop.version(1).lockVersion());

        // two weeks of timeline
        int entries = 0;
        for (Period period : List.of(stp, next)) {
            bops.instantiate(bop.version(1).id(), period.id(), period.start().plus(Duration.ofMinutes(30)), PLANNER);
            for (int day = 0; day < 7; day++) {
                Instant midnight = period.start().plus(Duration.ofDays(day));
                boolean inRsw = !midnight.isBefore(rswStart) && midnight.isBefore(rswStart.plus(Duration.ofDays(4)));
                entries += place(period, approved.get("SCI_SYNOPTIC_SC_SL04_60.0S_FF"), midnight.plus(Duration.ofHours(2)), 1, null);
                if (inRsw) {
                    entries += place(period, approved.get("SCI_COMPO_SC_SL04_60.0S_FF"), midnight.plus(Duration.ofHours(8)), 1, null);
                    entries += place(period, approved.get("SCI_DYN-FAST_SC_SL04_5.0S_FF"), midnight.plus(Duration.ofHours(12)), 10, windInstance);
                    entries += place(period, approved.get("SCI_DYN-QS-MEDIUM-1ARC_SS_SL02_5.0S_FF"), midnight.plus(Duration.ofHours(14)), 1, windInstance);
                }
                if (day % 2 == 1) {
                    entries += place(period, approved.get("SCI_CMEWATCH_SC_SL04_30.0S_FF"), midnight.plus(Duration.ofHours(16)), 1, null);
                }
            }
        }
        log.info("Demo planning: {} studies, STP{} and STP{} with {} timeline entries, BOP {}, ICN {} in review",
                approved.size() + 2, current, current + 1, entries + 4, bop.code(), review.number());
    }

    /** The STP planned first by the demo: three after the current one, so that its IOR deadline is in the future. */
    static int firstPlannedStp(Instant now) {
        return StpCalendar.stpAt(now) + 3;
    }

    private void backdate(long icnId, Instant approvedAt) {
        dsl.update(org.medoc.db.jooq.planning.Tables.ICN).set(org.medoc.db.jooq.planning.Tables.ICN.APPROVED_AT, approvedAt.atOffset(java.time.ZoneOffset.UTC))
                .where(org.medoc.db.jooq.planning.Tables.ICN.ID.eq(icnId)).execute();
        dsl.update(org.medoc.db.jooq.planning.Tables.ICN_DECISION).set(org.medoc.db.jooq.planning.Tables.ICN_DECISION.DECIDED_AT, approvedAt.atOffset(java.time.ZoneOffset.UTC))
                .where(org.medoc.db.jooq.planning.Tables.ICN_DECISION.ICN_ID.eq(icnId)).execute();
    }

    private int place(Period period, StudyDetail study, Instant start, int rasters, Long soopInstance) {
        timeline.insert(period.id(), new EntryInput(study.study().id(), start, rasters, null, null,
                soopInstance == null ? "DISK_CENTRE" : "TRACKING", soopInstance, soopInstance == null ? "disc centre" : "connection point",
                null, null, null, null), null, null, PLANNER);
        return 1;
    }

    /** Ten approved studies after public SPICE study names and the SAP reference specifications. */
    static List<StudyParameters> approvedStudies() {
        List<StudyParameters> list = new ArrayList<>();
        list.add(study("SCI_SYNOPTIC_SC_SL04_60.0S_FF", StudyCategory.SYNOPTIC, StudyType.RASTER, 4, 192, 4, 60, 1, 1,
                YFieldOfView.FULL_FIELD, "Synoptic raster of the disc centre", synopticWindows()));
        list.add(study("SCI_DYN-FAST_SC_SL04_5.0S_FF", StudyCategory.DYNAMICS, StudyType.RASTER, 4, 32, 4, 5, 1, 10,
                YFieldOfView.FULL_FIELD, "Fast dynamics raster", List.of(profile("Ne VIII 770", 730, 32, 1, 1), profile("O VI 1032", 1700, 32, 1, 1),
                        profile("C III 977", 1120, 32, 1, 1))));
        list.add(study("SCI_DYN-QS-MEDIUM-1ARC_SS_SL02_5.0S_FF", StudyCategory.DYNAMICS, StudyType.SIT_AND_STARE, 2, 1, 0, 5, 240, 1,
                YFieldOfView.FULL_FIELD, "Quiet-Sun dynamics, sit-and-stare", List.of(profile("O VI 1032", 1700, 32, 1, 1),
                        profile("Ne VIII 770", 730, 32, 1, 1))));
        list.add(study("CAL_DARK_FS_SL04_1.0S_FD", StudyCategory.DARK, StudyType.SINGLE_EXPOSURE, 4, 1, 0, 1, 1, 1,
                YFieldOfView.FULL_DETECTOR, "Dark frame, both detectors", fullSpectrum()));
        list.add(study("CAL_FULLSP-PREP_TS_SL04_0.5S_FD", StudyCategory.FULL_SPECTRUM, StudyType.SINGLE_EXPOSURE, 4, 1, 0, 0.5, 1, 1,
                YFieldOfView.FULL_DETECTOR, "Full-spectrum preparation exposure", fullSpectrum()));
        list.add(study("SCI_CMEWATCH_SC_SL04_30.0S_FF", StudyCategory.CME_WATCH, StudyType.RASTER, 4, 224, 4, 30, 1, 1,
                YFieldOfView.FULL_FIELD, "CME watch for the ICME helicity objective (SAP: 4\", 30 s, 224 positions, 15' x 11')", fifteenWindows()));
        list.add(study("SCI_CMEWATCH-STRUCT_SC_SL06_30.0S_FF", StudyCategory.CME_WATCH, StudyType.RASTER, 6, 160, 6, 30, 1, 1,
                YFieldOfView.FULL_FIELD, "CME structure (SAP: 6\", 30 s, 160 positions, 16' x 11')", synopticWindows()));
        list.add(study("SCI_COMPO_SC_SL04_60.0S_FF", StudyCategory.COMPOSITION, StudyType.RASTER, 4, 192, 4, 60, 1, 1,
                YFieldOfView.FULL_FIELD, "Composition mapping, 15 lines", fifteenWindows()));
        list.add(study("SCI_WAVES_SS_SL04_2.0S_FF", StudyCategory.WAVES, StudyType.SIT_AND_STARE, 4, 1, 0, 2, 900, 1,
                YFieldOfView.FULL_FIELD, "Waves: high-cadence sit-and-stare", List.of(profile("O VI 1032", 1700, 32, 1, 1))));
        list.add(study("SCI_SYNOPTIC-WIDE_SC_SL30_30.0S_FD", StudyCategory.SYNOPTIC, StudyType.RASTER, 30, 16, 30, 30, 1, 1,
                YFieldOfView.FULL_DETECTOR, "Wide-slit context raster", List.of(profile("Ne VIII 770", 730, 32, 2, 2),
                        profile("O VI 1032", 1700, 32, 2, 2))));
        return list;
    }

    private static StudyParameters study(String name, StudyCategory category, StudyType type, double slit, int positions, double step,
                                         double exposure, int exposuresPerPosition, int rasters, YFieldOfView yField, String description,
                                         List<SpectralWindow> windows) {
        int yStart = yField == YFieldOfView.FULL_DETECTOR ? 1 : 97;
        int yHeight = yField == YFieldOfView.FULL_DETECTOR ? 1024 : 830;
        List<SpectralWindow> fitted = windows.stream().map(w -> new SpectralWindow(w.name(), w.kind(), w.detector(), w.lineId(),
                w.lambdaPxStart(), w.lambdaPxEnd(), yStart, yStart + yHeight - 1, w.binY(), w.binLambda(), w.compressionType(),
                w.compressionParam(), w.misoWindowId())).toList();
        boolean calibration = category == StudyCategory.DARK || category == StudyCategory.FULL_SPECTRUM;
        return new StudyParameters(name, null, category, type, calibration ? StudyPurpose.CALIBRATION : StudyPurpose.SCIENCE,
                category == StudyCategory.DARK ? "Dark" : null, slit, positions, step, 0, yField, yStart, yHeight, exposure,
                exposuresPerPosition, rasters, ReadMode.DESTRUCTIVE, false, 0, category == StudyCategory.DARK, false, null, null,
                description, "SPICE planning team (demo)", fitted);
    }

    private static SpectralWindow profile(String name, int lambdaStart, int width, int binY, int binLambda) {
        String detector = lambdaStart > 1024 ? "LW" : "SW";
        return new SpectralWindow(name, WindowKind.PROFILE, detector, null, lambdaStart, lambdaStart + width - 1, 97, 926, binY, binLambda,
                2, 26, null);
    }

    private static SpectralWindow intensity(String name, int lambdaStart, int width) {
        String detector = lambdaStart > 1024 ? "LW" : "SW";
        return new SpectralWindow(name, WindowKind.INTENSITY, detector, null, lambdaStart, lambdaStart + width - 1, 97, 926, 2, 1,
                2, 26, null);
    }

    private static List<SpectralWindow> synopticWindows() {
        return List.of(profile("O III 703 / Mg IX 706", 40, 32, 2, 2), profile("Ne VIII 770", 730, 32, 2, 2),
                profile("C III 977", 1120, 32, 2, 2), profile("Ly beta 1025", 1660, 32, 2, 2), profile("O VI 1032", 1700, 32, 2, 2));
    }

    /** 5 profiles and 10 intensities: the SAP composition cap of 15. */
    private static List<SpectralWindow> fifteenWindows() {
        List<SpectralWindow> windows = new ArrayList<>(List.of(profile("C III 977", 1120, 32, 2, 2), profile("O VI 1032", 1700, 32, 2, 2),
                profile("O VI 1037", 1760, 32, 2, 2), profile("Ne VIII 770", 730, 32, 2, 2), profile("Mg IX 706", 70, 32, 2, 2)));
        int[] swStarts = {150, 250, 350, 450, 550};
        int[] lwStarts = {1200, 1300, 1400, 1500, 1850};
        for (int i = 0; i < 5; i++) {
            windows.add(intensity("SW intensity " + (i + 1), swStarts[i], 16));
            windows.add(intensity("LW intensity " + (i + 1), lwStarts[i], 16));
        }
        return windows;
    }

    private static List<SpectralWindow> fullSpectrum() {
        return List.of(new SpectralWindow("Full spectrum SW", WindowKind.FULL_SPECTRUM, "SW", null, 1, 1024, 1, 1024, 1, 1, 2, 26, null),
                new SpectralWindow("Full spectrum LW", WindowKind.FULL_SPECTRUM, "LW", null, 1025, 2048, 1, 1024, 1, 1, 2, 26, null));
    }
}
