package org.medoc.planner.study;

import org.medoc.audit.AuditTrail;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The study generator's service: create, edit, review, approve and clone SPICE studies, each answer carrying the live
 * estimate (S15) and every rule finding (S1-S14).
 * <p>
 * Versioning (rule S14, PLANNING.md §3.3): DRAFT and IN_REVIEW revisions are edited in place under optimistic locking;
 * an APPROVED revision carries a ground ID ({@code MISOSTUD}) that data will carry, so it never changes: editing it
 * creates the next revision of the same lineage (a DRAFT, parent = the approved revision). Only one open (draft or in
 * review) revision per lineage exists at a time. Drafts may be saved with rule errors (they show next to the fields);
 * approval requires none. Name and OBS_TYPE uniqueness (S14) is enforced on every save.
 */
@Service
public class StudyService {

    private final StudyRepository repository;
    private final InstrumentConfigurationService configurations;
    private final AuditTrail audit;

    StudyService(StudyRepository repository, InstrumentConfigurationService configurations, AuditTrail audit) {
        this.repository = repository;
        this.configurations = configurations;
        this.audit = audit;
    }

    /** Estimate and findings of unsaved parameters: what the editor shows on every change. */
    @Transactional(readOnly = true)
    public StudyPreview preview(StudyParameters parameters, Long lineageId) {
        InstrumentConfiguration configuration = configurations.load();
        List<Finding> findings = new StudyRules(configuration).check(parameters, lineageId == null ? -1 : lineageId,
                repository.nameClaims());
        return new StudyPreview(new StudyEstimator(configuration).estimate(parameters), findings,
                StudyNaming.propose(parameters, null));
    }

    /** The estimate and findings of unsaved parameters, with the proposed conventional name. */
    public record StudyPreview(StudyEstimate estimate, List<Finding> findings, String proposedName) {
    }

    @Transactional
    public StudyDetail create(StudyParameters parameters, String user) {
        requireUnique(parameters, -1);
        long id = repository.insert(parameters, null, 1, null, user);
        return get(id);
    }

    @Transactional(readOnly = true)
    public StudyDetail get(long id) {
        StoredStudy study = repository.find(id).orElseThrow(() -> new PlanningNotFoundException("study", id));
        return detail(study, configurations.load());
    }

    @Transactional(readOnly = true)
    public StoredStudy stored(long id) {
        return repository.find(id).orElseThrow(() -> new PlanningNotFoundException("study", id));
    }

    @Transactional(readOnly = true)
    public List<StudyDetail> list(String nameContains, StudyStatus status) {
        InstrumentConfiguration configuration = configurations.load();
        List<StudyRules.NameClaim> claims = repository.nameClaims();
        return repository.list(nameContains, status).stream().map(s -> detail(s, configuration, claims)).toList();
    }

    @Transactional(readOnly = true)
    public List<StoredStudy> findAll(Collection<Long> ids) {
        return repository.findAll(ids);
    }

    /** Every revision of the study's lineage, oldest first. */
    @Transactional(readOnly = true)
    public List<StoredStudy> revisions(long id) {
        return repository.lineage(stored(id).lineageId());
    }

    /**
     * Saves new parameters. On a DRAFT or IN_REVIEW revision the row is updated if nobody saved it since
     * {@code expectedLockVersion}; on an APPROVED revision the change becomes the lineage's next revision (a DRAFT) and
     * the approved one is left untouched.
     *
     * @throws PlanningConflictException when the lock version is out of date
     */
    @Transactional
    public StudyDetail update(long id, int expectedLockVersion, StudyParameters parameters, String user) {
        StoredStudy current = stored(id);
        if (current.lockVersion() != expectedLockVersion) {
            throw new PlanningConflictException("study", id, expectedLockVersion);
        }
        requireUnique(parameters, current.lineageId());
        if (current.status().editable()) {
            if (!repository.update(id, expectedLockVersion, parameters, user)) {
                throw new PlanningConflictException("study", id, expectedLockVersion);
            }
            return get(id);
        }
        if (current.status() == StudyStatus.RETIRED) {
            throw PlanningRejectedException.wrongState("study " + id + " (" + current.name() + ") is retired: clone it instead");
        }
        List<StoredStudy> lineage = repository.lineage(current.lineageId());
        lineage.stream().filter(s -> s.status().editable()).findFirst().ifPresent(open -> {
            throw PlanningRejectedException.wrongState("study " + current.name() + " already has an open revision "
                    + open.revision() + " (id " + open.id() + "): edit that one");
        });
        int next = lineage.stream().mapToInt(StoredStudy::revision).max().orElse(0) + 1;
        long newId = repository.insert(parameters, current.lineageId(), next, current.id(), user);
        return get(newId);
    }

    /** DRAFT &rarr; IN_REVIEW. */
    @Transactional
    public StudyDetail submit(long id, int expectedLockVersion, String user) {
        StoredStudy study = stored(id);
        if (study.status() != StudyStatus.DRAFT) {
            throw PlanningRejectedException.wrongState("only a draft can be submitted for review; study " + id + " is " + study.status());
        }
        changeStatus(study, expectedLockVersion, StudyStatus.IN_REVIEW, user, false);
        return get(id);
    }

    /**
     * DRAFT or IN_REVIEW &rarr; APPROVED, provided no rule reports an ERROR; hands out the ground ID (MISOSTUD) unless
     * the study already has one. From now on the revision is immutable.
     */
    @Transactional
    public StudyDetail approve(long id, int expectedLockVersion, String user) {
        StoredStudy study = stored(id);
        if (!study.status().editable()) {
            throw PlanningRejectedException.wrongState("study " + id + " is " + study.status() + ": only a draft or a study in review can be approved");
        }
        StudyDetail detail = detail(study, configurations.load());
        List<Finding> errors = detail.findings().stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new PlanningRejectedException("study " + study.name() + " has " + errors.size()
                    + " rule error(s) and cannot be approved", errors);
        }
        changeStatus(study, expectedLockVersion, StudyStatus.APPROVED, user, true);
        return get(id);
    }

    /** APPROVED &rarr; RETIRED: no longer offered for new plans; data that carry its ID still resolve. */
    @Transactional
    public StudyDetail retire(long id, int expectedLockVersion, String user) {
        StoredStudy study = stored(id);
        if (study.status() != StudyStatus.APPROVED) {
            throw PlanningRejectedException.wrongState("only an approved study can be retired; study " + id + " is " + study.status());
        }
        changeStatus(study, expectedLockVersion, StudyStatus.RETIRED, user, false);
        return get(id);
    }

    /**
     * One-click copy: a new lineage (revision 1, DRAFT) with the same parameters, named after the original with a
     * {@code -COPY} variant (numbered if taken), without OBS_TYPE code.
     */
    @Transactional
    public StudyDetail cloneStudy(long id, String user) {
        StoredStudy original = stored(id);
        Set<String> taken = repository.nameClaims().stream().map(c -> c.name().toUpperCase()).collect(Collectors.toSet());
        String name = copyName(original.name(), taken);
        StudyParameters copy = original.parameters().withName(name).withObsTypeCode(null);
        long newId = repository.insert(copy, null, 1, original.id(), user);
        return get(newId);
    }

    /** Sets a known ground ID (imports and demo data modelled on real studies). */
    @Transactional
    public void assignMisoId(long id, int misoId) {
        repository.setMisoId(id, misoId);
    }

    static String copyName(String name, Set<String> taken) {
        StudyNaming.NameTokens tokens = StudyNaming.parse(name).orElse(null);
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "COPY" : "COPY" + n;
            String candidate = tokens == null ? name + "-" + suffix
                    : name.replaceFirst("_" + java.util.regex.Pattern.quote(tokens.mode()) + "_", "_" + tokens.mode() + "-" + suffix + "_");
            if (!taken.contains(candidate.toUpperCase())) {
                return candidate;
            }
        }
    }

    private void changeStatus(StoredStudy study, int expectedLockVersion, StudyStatus status, String user, boolean approve) {
        if (study.lockVersion() != expectedLockVersion || !repository.changeStatus(study.id(), expectedLockVersion, status, user, approve)) {
            throw new PlanningConflictException("study", study.id(), expectedLockVersion);
        }
        audit.recordAs(user, "study." + status.name().toLowerCase(Locale.ROOT).replace('_', '-'), "study", Long.toString(study.id()), Map.of("status", study.status().name()), Map.of("status", status.name()), study.name());
    }

    private void requireUnique(StudyParameters parameters, long lineageId) {
        List<Finding> clashes = new StudyRules(configurations.load()).uniqueness(parameters, lineageId, repository.nameClaims());
        if (!clashes.isEmpty()) {
            throw new PlanningRejectedException(clashes.getFirst().message(), clashes);
        }
    }

    private StudyDetail detail(StoredStudy study, InstrumentConfiguration configuration) {
        return detail(study, configuration, repository.nameClaims());
    }

    private StudyDetail detail(StoredStudy study, InstrumentConfiguration configuration, List<StudyRules.NameClaim> claims) {
        List<Finding> findings = new StudyRules(configuration).check(study.parameters(), study.lineageId(), claims);
        return new StudyDetail(study, new StudyEstimator(configuration).estimate(study.parameters()), findings);
    }
}
