package org.medoc.ops.golf.hk;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.ops.tables.records.HkLimitSetRecord;
import org.medoc.db.jooq.ops.tables.records.HkParameterRecord;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.medoc.db.jooq.ops.Tables.HK_LIMIT_SET;
import static org.medoc.db.jooq.ops.Tables.HK_PARAMETER;

/**
 * The housekeeping parameter catalogue (PLANNING.md §13.5; GOLF's list is not public, so it is an editable table) and
 * the parameters' versioned limits: a limit change never edits the past, it adds a version in force from a given time
 * with who made it and why, so that every sample is judged against the limits of its own time.
 */
@Service
public class HkCatalogueService {

    private final DSLContext dsl;
    private final AuditTrail audit;

    public HkCatalogueService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** What an operator sets on a parameter. */
    public record ParameterInput(String mnemonic, String description, HkParameter.Subsystem subsystem, String unit,
                                 Calibration calibration, Integer samplingSeconds) {
    }

    @Transactional
    public HkParameter create(ParameterInput input) {
        validate(input);
        if (dsl.fetchExists(HK_PARAMETER, HK_PARAMETER.MNEMONIC.eq(input.mnemonic()))) {
            throw new GolfRejectedException("the parameter " + input.mnemonic() + " already exists");
        }
        HkParameterRecord record = dsl.newRecord(HK_PARAMETER);
        fill(record, input);
        record.store();
        HkParameter created = get(input.mnemonic());
        audit.record("golf.parameter-created", "hk-parameter", created.mnemonic(), null, values(created), null);
        return created;
    }

    /** Changes description, subsystem, unit, calibration or sampling (optimistic locking); the mnemonic stays. */
    @Transactional
    public HkParameter update(String mnemonic, int expectedLockVersion, ParameterInput input) {
        HkParameter current = get(mnemonic);
        validate(new ParameterInput(mnemonic, input.description(), input.subsystem(), input.unit(), input.calibration(),
                input.samplingSeconds()));
        HkParameterRecord record = dsl.fetchOne(HK_PARAMETER, HK_PARAMETER.ID.eq(current.id()));
        if (record.getLockVersion() != expectedLockVersion) {
            throw GolfRejectedException.wrongState("the parameter " + mnemonic + " was changed by someone else (version "
                    + record.getLockVersion() + ", yours " + expectedLockVersion + "): reload it");
        }
        fill(record, new ParameterInput(mnemonic, input.description(), input.subsystem(), input.unit(), input.calibration(),
                input.samplingSeconds()));
        record.setLockVersion(expectedLockVersion + 1);
        record.store();
        HkParameter updated = get(mnemonic);
        // a new calibration changes every engineering value from now on: its own action, so that it can be searched for
        boolean recalibrated = !current.calibration().describe().equals(updated.calibration().describe());
        audit.record(recalibrated ? "golf.calibration-changed" : "golf.parameter-updated", "hk-parameter", mnemonic,
                values(current), values(updated), null);
        return updated;
    }

    /** What the audit trail keeps of a parameter, before and after an edit. */
    private static Map<String, Object> values(HkParameter p) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("description", p.description());
        values.put("subsystem", p.subsystem().name());
        values.put("unit", p.unit());
        values.put("calibration", p.calibration().describe());
        values.put("samplingSeconds", p.samplingSeconds());
        return values;
    }

    private static void validate(ParameterInput input) {
        if (input.mnemonic() == null || !input.mnemonic().matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new GolfRejectedException("a mnemonic is 1-32 capital letters, digits or underscores, starting with a letter");
        }
        if (input.subsystem() == null) {
            throw new GolfRejectedException("give the parameter's subsystem");
        }
        if (input.samplingSeconds() != null && input.samplingSeconds() <= 0) {
            throw new GolfRejectedException("the sampling period must be positive");
        }
    }

    private static void fill(HkParameterRecord record, ParameterInput input) {
        record.setMnemonic(input.mnemonic());
        record.setDescription(input.description() == null ? "" : input.description());
        record.setSubsystem(input.subsystem().name());
        record.setUnit(input.unit() == null ? "" : input.unit());
        record.setCalibration(JSONB.valueOf((input.calibration() == null ? Calibration.IDENTITY : input.calibration()).toJson()));
        record.setSamplingS(input.samplingSeconds() == null ? 60 : input.samplingSeconds());
    }

    @Transactional(readOnly = true)
    public List<HkParameter> list() {
        return dsl.selectFrom(HK_PARAMETER).orderBy(HK_PARAMETER.SUBSYSTEM, HK_PARAMETER.MNEMONIC).fetch(HkCatalogueService::map);
    }

    @Transactional(readOnly = true)
    public HkParameter get(String mnemonic) {
        return dsl.selectFrom(HK_PARAMETER).where(HK_PARAMETER.MNEMONIC.eq(mnemonic)).fetchOptional(HkCatalogueService::map)
                .orElseThrow(() -> new GolfNotFoundException("housekeeping parameter", mnemonic));
    }

    /**
     * Adds a limit version in force from {@code validFrom}. A reason is required: it is the record of why the
     * limits moved.
     */
    @Transactional
    public LimitVersion setLimits(String mnemonic, Instant validFrom, Limits limits, String operator, String reason) {
        HkParameter parameter = get(mnemonic);
        if (validFrom == null) {
            throw new GolfRejectedException("say from when the new limits are in force");
        }
        if (reason == null || reason.isBlank()) {
            throw new GolfRejectedException("say why the limits of " + mnemonic + " change");
        }
        List<String> problems = limits.problems();
        if (!problems.isEmpty()) {
            throw new GolfRejectedException("the limits of " + mnemonic + " do not nest: " + problems.getFirst(), problems);
        }
        if (dsl.fetchExists(HK_LIMIT_SET, HK_LIMIT_SET.PARAMETER_ID.eq(parameter.id()), HK_LIMIT_SET.VALID_FROM.eq(Utc.of(validFrom)))) {
            throw new GolfRejectedException("a limit version of " + mnemonic + " already starts at " + validFrom);
        }
        HkLimitSetRecord record = dsl.newRecord(HK_LIMIT_SET);
        record.setParameterId(parameter.id());
        record.setValidFrom(Utc.of(validFrom));
        record.setWatchLow(limits.watchLow());
        record.setWatchHigh(limits.watchHigh());
        record.setWarningLow(limits.warningLow());
        record.setWarningHigh(limits.warningHigh());
        record.setCriticalLow(limits.criticalLow());
        record.setCriticalHigh(limits.criticalHigh());
        record.setChangedBy(operator);
        record.setReason(reason);
        record.store();
        record.refresh();
        audit.recordAs(operator, "golf.limits-changed", "hk-parameter", mnemonic, null, java.util.Map.of("validFrom", validFrom.toString(), "limits", limits), reason);
        return version(record);
    }

    /** The limit versions of a parameter, oldest first. */
    @Transactional(readOnly = true)
    public LimitTimeline limits(String mnemonic) {
        return new LimitTimeline(dsl.selectFrom(HK_LIMIT_SET).where(HK_LIMIT_SET.PARAMETER_ID.eq(get(mnemonic).id()))
                .orderBy(HK_LIMIT_SET.VALID_FROM).fetch(HkCatalogueService::version));
    }

    /** Every parameter's limit timeline, by parameter id (for imports, which judge every sample). */
    @Transactional(readOnly = true)
    public Map<Long, LimitTimeline> allLimits() {
        Map<Long, List<LimitVersion>> byParameter = dsl.selectFrom(HK_LIMIT_SET).fetch().stream()
                .collect(Collectors.groupingBy(HkLimitSetRecord::getParameterId,
                        Collectors.mapping(HkCatalogueService::version, Collectors.toList())));
        return byParameter.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new LimitTimeline(e.getValue())));
    }

    private static LimitVersion version(HkLimitSetRecord r) {
        return new LimitVersion(r.getId(), Utc.of(r.getValidFrom()), new Limits(r.getWatchLow(), r.getWatchHigh(),
                r.getWarningLow(), r.getWarningHigh(), r.getCriticalLow(), r.getCriticalHigh()), r.getChangedBy(),
                Utc.of(r.getChangedAt()), r.getReason());
    }

    static HkParameter map(HkParameterRecord r) {
        return new HkParameter(r.getId(), r.getMnemonic(), r.getDescription(), HkParameter.Subsystem.valueOf(r.getSubsystem()),
                r.getUnit(), Calibration.fromJson(r.getCalibration().data()), r.getSamplingS(), r.getLockVersion());
    }
}
