package org.medoc.planner.study;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.medoc.db.jooq.planning.tables.records.StudyRecord;
import org.medoc.db.jooq.planning.tables.records.StudyWindowRecord;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.planning.Tables.STUDY;
import static org.medoc.db.jooq.planning.Tables.STUDY_WINDOW;

/** jOOQ access to {@code planning.study} and {@code planning.study_window}. */
@Repository
class StudyRepository {

    private final DSLContext dsl;

    StudyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<StoredStudy> find(long id) {
        StudyRecord record = dsl.selectFrom(STUDY).where(STUDY.ID.eq(id)).fetchOne();
        if (record == null) {
            return Optional.empty();
        }
        return Optional.of(map(record, windows(List.of(id)).getOrDefault(id, List.of())));
    }

    List<StoredStudy> findAll(Collection<Long> ids) {
        List<StudyRecord> records = dsl.selectFrom(STUDY).where(STUDY.ID.in(ids)).orderBy(STUDY.ID).fetch();
        return mapAll(records);
    }

    List<StoredStudy> list(String nameContains, StudyStatus status) {
        var condition = org.jooq.impl.DSL.noCondition();
        if (nameContains != null && !nameContains.isBlank()) {
            condition = condition.and(STUDY.NAME.containsIgnoreCase(nameContains));
        }
        if (status != null) {
            condition = condition.and(STUDY.STATUS.eq(status.name()));
        }
        return mapAll(dsl.selectFrom(STUDY).where(condition).orderBy(STUDY.NAME, STUDY.REVISION).fetch());
    }

    List<StoredStudy> lineage(long lineageId) {
        return mapAll(dsl.selectFrom(STUDY).where(STUDY.LINEAGE_ID.eq(lineageId)).orderBy(STUDY.REVISION).fetch());
    }

    List<StudyRules.NameClaim> nameClaims() {
        return dsl.selectDistinct(STUDY.LINEAGE_ID, STUDY.NAME, STUDY.OBS_TYPE_CODE).from(STUDY)
                .fetch(r -> new StudyRules.NameClaim(r.value1(), r.value2(), r.value3()));
    }

    private List<StoredStudy> mapAll(List<StudyRecord> records) {
        Map<Long, List<SpectralWindow>> windows = windows(records.stream().map(StudyRecord::getId).toList());
        List<StoredStudy> studies = new ArrayList<>();
        for (StudyRecord record : records) {
            studies.add(map(record, windows.getOrDefault(record.getId(), List.of())));
        }
        return studies;
    }

    private Map<Long, List<SpectralWindow>> windows(Collection<Long> studyIds) {
        Map<Long, List<SpectralWindow>> byStudy = new HashMap<>();
        dsl.selectFrom(STUDY_WINDOW).where(STUDY_WINDOW.STUDY_ID.in(studyIds)).orderBy(STUDY_WINDOW.STUDY_ID, STUDY_WINDOW.POSITION)
                .forEach(w -> byStudy.computeIfAbsent(w.getStudyId(), k -> new ArrayList<>()).add(new SpectralWindow(w.getName(),
                        WindowKind.valueOf(w.getKind()), w.getDetector(), w.getLineId(), w.getLambdaPxStart(), w.getLambdaPxEnd(),
                        w.getYStartPx(), w.getYEndPx(), w.getBinY(), w.getBinLambda(), w.getCompressionType(),
                        w.getCompressionParam(), w.getMisoWindowId())));
        return byStudy;
    }

    /** Inserts a revision; a first revision becomes its own lineage. */
    long insert(StudyParameters p, Long lineageId, int revision, Long parentId, String user) {
        StudyRecord record = dsl.newRecord(STUDY);
        write(record, p);
        record.setLineageId(lineageId == null ? 0L : lineageId);
        record.setRevision(revision);
        record.setParentStudyId(parentId);
        record.setStatus(StudyStatus.DRAFT.name());
        record.setCreatedBy(user);
        record.setUpdatedBy(user);
        record.store();
        long id = record.getId();
        if (lineageId == null) {
            dsl.update(STUDY).set(STUDY.LINEAGE_ID, id).where(STUDY.ID.eq(id)).execute();
        }
        replaceWindows(id, p.windows());
        return id;
    }

    /** Updates the parameters if the row still has the lock version the caller read; false if not. */
    boolean update(long id, int expectedLockVersion, StudyParameters p, String user) {
        StudyRecord record = dsl.newRecord(STUDY);
        write(record, p);
        record.setUpdatedBy(user);
        record.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        record.setLockVersion(expectedLockVersion + 1);
        record.changed(STUDY.ID, false);
        record.changed(STUDY.LINEAGE_ID, false);
        record.changed(STUDY.REVISION, false);
        record.changed(STUDY.STATUS, false);
        record.changed(STUDY.CREATED_BY, false);
        record.changed(STUDY.CREATED_AT, false);
        record.changed(STUDY.PARENT_STUDY_ID, false);
        record.changed(STUDY.MISO_ID, false);
        record.changed(STUDY.APPROVED_AT, false);
        record.changed(STUDY.APPROVED_BY, false);
        int updated = dsl.update(STUDY).set(record).where(STUDY.ID.eq(id), STUDY.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 1) {
            replaceWindows(id, p.windows());
        }
        return updated == 1;
    }

    boolean changeStatus(long id, int expectedLockVersion, StudyStatus status, String user, boolean approve) {
        var update = dsl.update(STUDY)
                .set(STUDY.STATUS, status.name())
                .set(STUDY.UPDATED_BY, user)
                .set(STUDY.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(STUDY.LOCK_VERSION, expectedLockVersion + 1);
        if (approve) {
            update = update.set(STUDY.APPROVED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                    .set(STUDY.APPROVED_BY, user)
                    .set(STUDY.MISO_ID, org.jooq.impl.DSL.coalesce(STUDY.MISO_ID,
                            org.jooq.impl.DSL.field("nextval('planning.miso_study_id')", Integer.class)));
        }
        return update.where(STUDY.ID.eq(id), STUDY.LOCK_VERSION.eq(expectedLockVersion)).execute() == 1;
    }

    /** Demo data and imports may carry a real ground ID. */
    void setMisoId(long id, int misoId) {
        dsl.update(STUDY).set(STUDY.MISO_ID, misoId).where(STUDY.ID.eq(id)).execute();
    }

    private void replaceWindows(long studyId, List<SpectralWindow> windows) {
        dsl.deleteFrom(STUDY_WINDOW).where(STUDY_WINDOW.STUDY_ID.eq(studyId)).execute();
        for (int i = 0; i < windows.size(); i++) {
            SpectralWindow w = windows.get(i);
            StudyWindowRecord r = dsl.newRecord(STUDY_WINDOW);
            r.setStudyId(studyId);
            r.setPosition((short) i);
            r.setMisoWindowId(w.misoWindowId());
            r.setName(w.name());
            r.setKind(w.kind().name());
            r.setDetector(w.detector());
            r.setLineId(w.lineId());
            r.setLambdaPxStart(w.lambdaPxStart());
            r.setLambdaPxEnd(w.lambdaPxEnd());
            r.setYStartPx(w.yStartPx());
            r.setYEndPx(w.yEndPx());
            r.setBinY((short) w.binY());
            r.setBinLambda((short) w.binLambda());
            r.setCompressionType((short) w.compressionType());
            r.setCompressionParam((short) w.compressionParam());
            r.store();
        }
    }

    private static void write(StudyRecord r, StudyParameters p) {
        r.setName(p.name());
        r.setObsTypeCode(p.obsTypeCode() == null || p.obsTypeCode().isBlank() ? null : p.obsTypeCode());
        r.setCategory(p.category().name());
        r.setStudyType(p.studyType().name());
        r.setPurpose(p.purpose().name());
        r.setSubPurpose(p.subPurpose());
        r.setSlitWidthArcsec(BigDecimal.valueOf(p.slitWidthArcsec()));
        r.setPositions(p.positions());
        r.setStepArcsec(BigDecimal.valueOf(p.stepArcsec()));
        r.setXOffsetArcsec(BigDecimal.valueOf(p.xOffsetArcsec()));
        r.setYFovMode(p.yFieldOfView().name());
        r.setYStartPx(p.yStartPx());
        r.setYHeightPx(p.yHeightPx());
        r.setExposureS(BigDecimal.valueOf(p.exposureSeconds()));
        r.setExposuresPerPosition(p.exposuresPerPosition());
        r.setDefaultRasters(p.defaultRasters());
        r.setReadMode(p.readMode().name());
        r.setDoubleExposure(p.doubleExposure());
        r.setDoubleExposureNo(p.doubleExposureNo());
        r.setOnboardDarkSubtraction(p.onboardDarkSubtraction());
        r.setOnboardBiasSubtraction(p.onboardBiasSubtraction());
        r.setTriggerEvent(p.triggerEvent());
        r.setSrLabel(p.srLabel());
        r.setDescription(p.description());
        r.setAuthor(p.author());
    }

    private static StoredStudy map(Record record, List<SpectralWindow> windows) {
        StudyRecord r = record.into(STUDY);
        StudyParameters parameters = new StudyParameters(r.getName(), r.getObsTypeCode(), StudyCategory.valueOf(r.getCategory()),
                StudyType.valueOf(r.getStudyType()), StudyPurpose.valueOf(r.getPurpose()), r.getSubPurpose(),
                r.getSlitWidthArcsec().doubleValue(), r.getPositions(), r.getStepArcsec().doubleValue(),
                r.getXOffsetArcsec().doubleValue(), YFieldOfView.valueOf(r.getYFovMode()), r.getYStartPx(), r.getYHeightPx(),
                r.getExposureS().doubleValue(), r.getExposuresPerPosition(), r.getDefaultRasters(),
                ReadMode.valueOf(r.getReadMode()), r.getDoubleExposure(), r.getDoubleExposureNo(),
                r.getOnboardDarkSubtraction(), r.getOnboardBiasSubtraction(), r.getTriggerEvent(), r.getSrLabel(),
                r.getDescription(), r.getAuthor(), windows);
        return new StoredStudy(r.getId(), r.getLineageId(), r.getRevision(), r.getParentStudyId(), r.getMisoId(),
                StudyStatus.valueOf(r.getStatus()), parameters, r.getLockVersion(), r.getCreatedAt().toInstant(),
                r.getCreatedBy(), r.getUpdatedAt().toInstant(), r.getUpdatedBy(),
                r.getApprovedAt() == null ? null : r.getApprovedAt().toInstant(), r.getApprovedBy());
    }
}
