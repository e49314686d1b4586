package org.medoc.release.selection;

import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.SelectionSummary;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.medoc.archive.catalogue.Levels;
import org.medoc.db.jooq.archive.tables.records.ObservationRecord;
import org.medoc.release.model.ValidationProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * Turns a draft's {@link SelectionRules} into files of the archive's catalogue: a live count and size with a
 * preview for the draft, and the full list with catalogue rows for the freeze. The order is fixed (observation time,
 * then id), so the same rules over the same catalogue always give the same package paths.
 */
@Service
@Transactional(readOnly = true)
public class SelectionService {

    static final String FITS = "application/fits";
    private final DSLContext dsl;
    private final ObjectMapper json;

    public SelectionService(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** Count, total size, the first {@code previewSize} files and the problems of the selection as it is now. */
    public SelectionSummary summarise(SelectionRules rules, int previewSize) {
        Condition where = condition(rules);
        Record2<Integer, BigDecimal> totals = dsl.select(DSL.count(), DSL.sum(OBSERVATION.SIZE_BYTES))
                .from(OBSERVATION).where(where).fetchOne();
        long count = totals == null ? 0 : totals.value1();
        long bytes = totals == null || totals.value2() == null ? 0 : totals.value2().longValue();
        List<ReleaseFile> preview = files(rules, CatalogFormat.GENERIC, previewSize, false);
        return new SelectionSummary(count, bytes, preview, problems(rules, count));
    }

    /** Every selected file with its catalogue row, in package order, as the freeze records them. */
    public List<ReleaseFile> resolve(SelectionRules rules, CatalogFormat format) {
        return files(rules, format, Integer.MAX_VALUE, true);
    }

    /** What is wrong with the rules: explicit additions that are not public or do not exist, an empty selection. */
    public List<ValidationProblem> problems(SelectionRules rules, long count) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (!rules.additions().isEmpty()) {
            Map<Long, String> found = dsl.select(OBSERVATION.ID, OBSERVATION.ACCESS).from(OBSERVATION)
                    .where(OBSERVATION.ID.in(rules.additions())).fetchMap(OBSERVATION.ID, OBSERVATION.ACCESS);
            for (Long id : rules.additions()) {
                String access = found.get(id);
                if (access == null) {
                    problems.add(ValidationProblem.error("/selection/additions", "observation " + id + " does not exist"));
                } else if (!access.equals("PUBLIC")) {
                    problems.add(ValidationProblem.error("/selection/additions", "observation " + id + " is " + access
                            + " and a release is public: change its access or remove it from the additions"));
                }
            }
        }
        if (!rules.productTypes().isEmpty()) {
            problems.add(ValidationProblem.warning("/selection/productTypes",
                    "derived products cannot be selected yet: product types " + rules.productTypes() + " select nothing"));
        }
        if (count == 0) {
            problems.add(ValidationProblem.error("/selection", rules.hasCriteria() || !rules.additions().isEmpty()
                    ? "the selection matches no public file" : "the selection has no rule and no explicit addition"));
        }
        return problems;
    }

    private List<ReleaseFile> files(SelectionRules rules, CatalogFormat format, int limit, boolean withRows) {
        List<ReleaseFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        var select = dsl.selectFrom(OBSERVATION).where(condition(rules)).orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID);
        try (var cursor = (limit == Integer.MAX_VALUE ? select : select.limit(limit)).fetchSize(500).fetchLazy()) {
            for (ObservationRecord observation : cursor) {
                String path = PackagePaths.path(observation.getLevel(), observation.getDateObs(), observation.getFileName());
                if (!paths.add(path)) {
                    path = PackagePaths.disambiguate(path, observation.getId());
                    paths.add(path);
                }
                Map<String, String> row = withRows ? CatalogRows.row(format, observation, header(observation), path) : Map.of();
                files.add(new ReleaseFile(FileKind.OBSERVATION, observation.getId(), observation.getStorageKey(),
                        observation.getSha256(), null, observation.getSizeBytes(), path, FITS, row));
            }
        }
        return files;
    }

    private Map<String, Object> header(ObservationRecord observation) {
        return json.readValue(observation.getHeader().data(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** The rules as one SQL condition; public observations only. */
    static Condition condition(SelectionRules rules) {
        Condition matched = DSL.falseCondition();
        if (rules.hasCriteria()) {
            List<Condition> all = new ArrayList<>();
            if (!rules.instruments().isEmpty()) {
                all.add(OBSERVATION.INSTRUMENT.in(rules.instruments().stream()
                        .map(code -> code.trim().toUpperCase(Locale.ROOT)).toList()));
            }
            if (!rules.levels().isEmpty()) {
                all.add(OBSERVATION.LEVEL.in(rules.levels().stream().map(Levels::normalise).filter(Objects::nonNull).toList()));
            }
            if (!rules.timeRanges().isEmpty()) {
                all.add(DSL.or(rules.timeRanges().stream().map(range -> OBSERVATION.DATE_OBS.le(range.to().atOffset(ZoneOffset.UTC))
                        .and(OBSERVATION.DATE_END.ge(range.from().atOffset(ZoneOffset.UTC)))).toList()));
            }
            if (!rules.stps().isEmpty()) {
                all.add(DSL.or(rules.stps().stream().map(range -> OBSERVATION.STP.between(range.first(), range.last())).toList()));
            }
            if (!rules.fileVersions().isEmpty()) {
                // SPICE names end in _V<NN>_<SPIOBSID>-<RASTERNO>.fits (ARCHIVE_AND_RELEASES.md §6.3)
                all.add(DSL.or(rules.fileVersions().stream()
                        .map(version -> OBSERVATION.FILE_NAME.likeIgnoreCase("%\\_" + version.trim().replace("%", "").replace("_", "") + "\\_%", '\\'))
                        .toList()));
            }
            matched = DSL.and(all);
        }
        if (!rules.additions().isEmpty()) {
            matched = matched.or(OBSERVATION.ID.in(rules.additions()));
        }
        Condition condition = matched.and(OBSERVATION.ACCESS.eq("PUBLIC"));
        if (!rules.exclusions().isEmpty()) {
            condition = condition.and(OBSERVATION.ID.notIn(rules.exclusions()));
        }
        return condition;
    }
}
