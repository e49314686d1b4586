package org.medoc.planner.export;

import org.medoc.planner.period.PeriodService;
import org.medoc.planner.period.SoopInstance;
import org.medoc.planner.period.StpCalendar;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.medoc.planner.timeline.TimelineEntry;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.medoc.planner.validation.Finding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the planning exports from stored data: timeline CSV/iCalendar/ITL, the telemetry-budget report, predicted
 * FITS keywords per run, the study-set XML and the study sheet (HTML).
 */
@Service
public class ExportService {

    private final TimelineService timeline;
    private final StudyService studies;
    private final StudySetService studySets;
    private final PeriodService periods;

    ExportService(TimelineService timeline, StudyService studies, StudySetService studySets, PeriodService periods) {
        this.timeline = timeline;
        this.studies = studies;
        this.studySets = studySets;
        this.periods = periods;
    }

    @Transactional(readOnly = true)
    public String timelineCsv(long stpId) {
        return TimelineExports.csv(timeline.timeline(stpId));
    }

    @Transactional(readOnly = true)
    public String timelineIcs(long stpId) {
        return TimelineExports.iCalendar(timeline.timeline(stpId), Instant.now());
    }

    @Transactional(readOnly = true)
    public String timelineItl(long stpId) {
        TimelineView view = timeline.timeline(stpId);
        Optional<StudySetDetail> set = studySets.activeFor(view.period().number());
        return TimelineExports.itl(view, set.map(StudySetDetail::fileName).orElse(null), set.map(StudySetDetail::setVersion).orElse(null),
                Instant.now());
    }

    @Transactional(readOnly = true)
    public String telemetryCsv(long stpId) {
        return TimelineExports.telemetryCsv(timeline.timeline(stpId));
    }

    /** What each planned run of the STP should write in its FITS headers. */
    @Transactional(readOnly = true)
    public List<PredictedKeywords> predictedKeywords(long stpId) {
        TimelineView view = timeline.timeline(stpId);
        Optional<StudySetDetail> set = studySets.activeFor(view.period().number());
        Map<Long, Integer> slots = set.map(s -> s.entries().stream().collect(Collectors.toMap(StudySetDetail.Entry::studyId,
                StudySetDetail.Entry::onboardSlot))).orElse(Map.of());
        Map<Long, StoredStudy> byId = new HashMap<>();
        studies.findAll(view.entries().stream().map(e -> e.entry().studyId()).collect(Collectors.toSet())).forEach(s -> byId.put(s.id(), s));
        Map<Long, SoopInstance> soops = new HashMap<>();
        periods.soopInstances(view.period().start().minusSeconds(7 * 86400), view.period().end().plusSeconds(7 * 86400))
                .forEach(s -> soops.put(s.id(), s));
        int stp = view.period().number();
        Integer ltp = stp >= StpCalendar.FIRST_QUARTER_LTP_STP ? StpCalendar.ltpOf(stp) : null;
        return view.entries().stream().map(TimelineView.CheckedEntry::entry).map(e -> {
            StoredStudy study = byId.get(e.studyId());
            StudyParameters p = study.parameters();
            SoopInstance soop = e.soopInstanceId() == null ? null : soops.get(e.soopInstanceId());
            return new PredictedKeywords(e.id(), e.start(), e.end(), study.misoId(), p.name(), p.obsTypeCode(), p.studyType().fitsValue(),
                    p.purpose().fitsValue(), e.rasters(), p.exposureSeconds(), p.slitWidthArcsec(), slots.get(e.studyId()),
                    set.map(StudySetDetail::fileName).orElse(null), set.map(StudySetDetail::setVersion).orElse(null),
                    soop == null ? "None" : soop.soopName(), soop == null ? "000" : soop.fitsTypeCode(), stp, ltp);
        }).toList();
    }

    @Transactional(readOnly = true)
    public String predictedKeywordsCsv(long stpId) {
        return TimelineExports.keywordsCsv(predictedKeywords(stpId));
    }

    /** Our study-set XML (the real schema is not public): same role as {@code fltNN-study-set.xml}. */
    @Transactional(readOnly = true)
    public String studySetXml(long setId) {
        StudySetDetail set = studySets.get(setId);
        Map<Long, StoredStudy> byId = new LinkedHashMap<>();
        studies.findAll(set.entries().stream().map(StudySetDetail.Entry::studyId).toList()).forEach(s -> byId.put(s.id(), s));
        return StudySetXml.write(set, byId);
    }

    /** A review sheet: parameters, windows, estimate and findings, as a self-contained HTML page. */
    @Transactional(readOnly = true)
    public String studySheetHtml(long studyId) {
        StudyDetail detail = studies.get(studyId);
        StoredStudy s = detail.study();
        StudyParameters p = s.parameters();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(h(p.name()))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:.2em .5em;text-align:left}.ERROR{color:#b00}.WARNING{color:#a60}</style>"
                        + "</head><body>\n");
        html.append("<h1>").append(h(p.name())).append("</h1>\n");
        html.append("<p>Study ").append(s.id()).append(", revision ").append(s.revision()).append(", ").append(s.status())
                .append(s.misoId() == null ? "" : ", MISOSTUD " + s.misoId()).append("</p>\n<table>\n");
        row(html, "Type", p.studyType().fitsValue() + " (" + p.category().label() + ")");
        row(html, "Purpose", p.purpose().fitsValue() + (p.subPurpose() == null ? "" : "/" + p.subPurpose()));
        row(html, "Slit", number(p.slitWidthArcsec()) + "\"");
        row(html, "Raster", p.effectivePositions() + " position(s), step " + number(p.stepArcsec()) + "\"");
        row(html, "X FOV (start / width / stop)", number(p.xFovStartArcsec()) + "\" / " + number(p.rasterWidthArcsec()) + "\" / "
                + number(p.xFovStopArcsec()) + "\"");
        row(html, "Y FOV", p.yFieldOfView() + ", rows " + p.yStartPx() + "-" + p.yEndPx() + " (" + p.yHeightPx() + " px)");
        row(html, "Exposure", number(p.exposureSeconds()) + " s x " + p.effectiveExposuresPerPosition() + " per position");
        row(html, "Rasters", Integer.toString(p.defaultRasters()));
        row(html, "Duration", String.format(Locale.ROOT, "%.0f s (%.2f h)", detail.estimate().durationSeconds(), detail.estimate().durationSeconds() / 3600));
        row(html, "Raw volume", String.format(Locale.ROOT, "%.1f kbit", detail.estimate().rawVolumeBits() / 1000.0));
        row(html, "Telemetry volume", String.format(Locale.ROOT, "%.1f kbit", detail.estimate().compressedVolumeBits() / 1000.0));
        row(html, "Rate", String.format(Locale.ROOT, "%.2f kbit/s", detail.estimate().telemetryRateBitsPerSecond() / 1000));
        html.append("</table>\n<h2>Spectral windows</h2>\n<table><tr><th>WINNO</th><th>Name</th><th>Kind</th><th>Detector</th>"
                + "<th>Pixels (PXBEG3-PXEND3)</th><th>Rows (PXBEG2-PXEND2)</th><th>Binning (NBIN2 x NBIN3)</th><th>Compression</th></tr>\n");
        for (int i = 0; i < p.windows().size(); i++) {
            SpectralWindow w = p.windows().get(i);
            html.append("<tr><td>").append(i).append("</td><td>").append(h(w.name())).append("</td><td>").append(w.kind()).append("</td><td>")
                    .append(w.detector()).append("</td><td>").append(w.lambdaPxStart()).append('-').append(w.lambdaPxEnd()).append("</td><td>")
                    .append(w.yStartPx()).append('-').append(w.yEndPx()).append("</td><td>").append(w.binY()).append(" x ").append(w.binLambda())
                    .append("</td><td>").append(w.compressionType()).append('/').append(w.compressionParam()).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Rule findings</h2>\n<ul>\n");
        for (Finding f : detail.findings()) {
            html.append("<li class=\"").append(f.severity()).append("\"><b>").append(f.rule()).append(' ').append(f.severity()).append("</b> ")
                    .append(f.field() == null ? "" : "<code>" + h(f.field()) + "</code> ").append(h(f.message())).append("</li>\n");
        }
        html.append("</ul>\n</body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(h(label)).append("</th><td>").append(h(value)).append("</td></tr>\n");
    }

    private static String h(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Entries of a timeline, for callers that need them without findings. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(long stpId) {
        return timeline.timeline(stpId).entries().stream().map(TimelineView.CheckedEntry::entry).toList();
    }
}
