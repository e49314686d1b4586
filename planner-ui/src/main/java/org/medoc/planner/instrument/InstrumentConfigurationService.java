package org.medoc.planner.instrument;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.medoc.db.jooq.planning.Tables.BINNING_FACTOR;
import static org.medoc.db.jooq.planning.Tables.COMPRESSION_RATIO;
import static org.medoc.db.jooq.planning.Tables.DETECTOR;
import static org.medoc.db.jooq.planning.Tables.INSTRUMENT_PARAMETER;
import static org.medoc.db.jooq.planning.Tables.SLIT;
import static org.medoc.db.jooq.planning.Tables.SPECTRAL_LINE;

/**
 * The SPICE instrument configuration as stored reference data (PLANNING.md §2, §4): read by every planning
 * formula, edited by an ADMIN (limits and overheads are not published and must be calibrated). Edits use optimistic
 * locking like every planning entity.
 */
@Service
public class InstrumentConfigurationService {

    private final DSLContext dsl;
    private final AuditTrail audit;

    public InstrumentConfigurationService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** A stored parameter with its unit, description and lock version. */
    public record Parameter(String name, double value, String unit, String description, int lockVersion) {
    }

    /** A line of the line list (wavelength to ion), used to pick windows by spectral line. */
    public record SpectralLine(long id, String ion, double wavelengthNm, String detector, int diffractionOrder, String source) {

        public String label() {
            return ion + " " + BigDecimal.valueOf(wavelengthNm).stripTrailingZeros().toPlainString() + " nm";
        }
    }

    @Transactional(readOnly = true)
    public InstrumentConfiguration load() {
        List<DetectorBand> detectors = dsl.selectFrom(DETECTOR).orderBy(DETECTOR.DISPERSION_INDEX_FROM).fetch(r -> new DetectorBand(
                r.getCode(), r.getName(), r.getRowsPx(), r.getColumnsPx(), r.getBandMinNm().doubleValue(), r.getBandMaxNm().doubleValue(),
                r.getBandTestMinNm().doubleValue(), r.getBandTestMaxNm().doubleValue(), r.getDispersionIndexFrom(),
                r.getDispersionIndexTo(), r.getNmPerPixel().doubleValue()));
        List<SlitSpec> slits = dsl.selectFrom(SLIT).orderBy(SLIT.WIDTH_ARCSEC).fetch(r -> new SlitSpec(r.getWidthArcsec().doubleValue(),
                r.getSlitId() == null ? null : r.getSlitId().intValue(), r.getLengthArcsec().doubleValue(), r.getNarrow()));
        Map<String, Double> parameters = new HashMap<>();
        dsl.selectFrom(INSTRUMENT_PARAMETER).forEach(r -> parameters.put(r.getName(), r.getValue().doubleValue()));
        Set<Integer> binning = new HashSet<>(dsl.select(BINNING_FACTOR.FACTOR).from(BINNING_FACTOR).fetch(r -> r.value1().intValue()));
        Map<InstrumentConfiguration.CompressionKey, InstrumentConfiguration.CompressionSetting> compression = new HashMap<>();
        dsl.selectFrom(COMPRESSION_RATIO).forEach(r -> compression.put(
                new InstrumentConfiguration.CompressionKey(r.getCompressionType(), r.getCompressionParam()),
                new InstrumentConfiguration.CompressionSetting(r.getCompressionType(), r.getCompressionParam(),
                        r.getRatio().doubleValue(), r.getLabel())));
        return new InstrumentConfiguration(detectors, slits, parameters, binning, compression);
    }

    @Transactional(readOnly = true)
    public List<Parameter> parameters() {
        return dsl.selectFrom(INSTRUMENT_PARAMETER).orderBy(INSTRUMENT_PARAMETER.NAME).fetch(r -> new Parameter(r.getName(),
                r.getValue().doubleValue(), r.getUnit(), r.getDescription(), r.getLockVersion()));
    }

    /** Changes one limit or overhead; the caller names the lock version it read. */
    @Transactional
    public Parameter updateParameter(String name, double value, int expectedLockVersion) {
        if (!Double.isFinite(value) || value < 0) {
            throw new PlanningRejectedException("parameter " + name + " must be a finite value >= 0 (got " + value + ")");
        }
        Parameter before = parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new PlanningNotFoundException("instrument parameter", name));
        int updated = dsl.update(INSTRUMENT_PARAMETER)
                .set(INSTRUMENT_PARAMETER.VALUE, BigDecimal.valueOf(value))
                .set(INSTRUMENT_PARAMETER.LOCK_VERSION, INSTRUMENT_PARAMETER.LOCK_VERSION.plus(1))
                .where(INSTRUMENT_PARAMETER.NAME.eq(name), INSTRUMENT_PARAMETER.LOCK_VERSION.eq(expectedLockVersion))
                .execute();
        if (updated == 0) {
            throw new PlanningConflictException("instrument parameter " + name + " was changed by someone else since you read it: reload it");
        }
        Parameter after = parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        audit.record("instrument.parameter-updated", "instrument-parameter", name, before, after, null);
        return after;
    }

    /** Records (or corrects) the expected compression ratio of a (COMPTYPE, COMPPARA) pair. */
    @Transactional
    public void putCompressionRatio(int type, int param, double ratio, String label) {
        if (type < 0 || type > 7 || param < 0 || param > 255 || !(ratio >= 1)) {
            throw new PlanningRejectedException("compression ratio needs COMPTYPE 0-7, COMPPARA 0-255 and a ratio >= 1");
        }
        BigDecimal before = dsl.select(COMPRESSION_RATIO.RATIO).from(COMPRESSION_RATIO)
                .where(COMPRESSION_RATIO.COMPRESSION_TYPE.eq((short) type), COMPRESSION_RATIO.COMPRESSION_PARAM.eq((short) param))
                .fetchOne(COMPRESSION_RATIO.RATIO);
        dsl.insertInto(COMPRESSION_RATIO)
                .set(COMPRESSION_RATIO.COMPRESSION_TYPE, (short) type)
                .set(COMPRESSION_RATIO.COMPRESSION_PARAM, (short) param)
                .set(COMPRESSION_RATIO.RATIO, BigDecimal.valueOf(ratio))
                .set(COMPRESSION_RATIO.LABEL, label)
                .onConflict(COMPRESSION_RATIO.COMPRESSION_TYPE, COMPRESSION_RATIO.COMPRESSION_PARAM)
                .doUpdate()
                .set(COMPRESSION_RATIO.RATIO, BigDecimal.valueOf(ratio))
                .set(COMPRESSION_RATIO.LABEL, label)
                .set(COMPRESSION_RATIO.LOCK_VERSION, COMPRESSION_RATIO.LOCK_VERSION.plus(1))
                .execute();
        audit.record("instrument.compression-ratio-set", "compression-ratio", type + "/" + param,
                before == null ? null : java.util.Map.of("ratio", before.doubleValue()),
                java.util.Map.of("ratio", ratio, "label", label == null ? "" : label), null);
    }

    /** The line list, by wavelength. */
    @Transactional(readOnly = true)
    public List<SpectralLine> lines() {
        return dsl.selectFrom(SPECTRAL_LINE).orderBy(SPECTRAL_LINE.WAVELENGTH_NM).fetch(r -> new SpectralLine(r.getId(), r.getIon(),
                r.getWavelengthNm().doubleValue(), r.getDetector(), r.getDiffractionOrder(), r.getSource()));
    }
}
