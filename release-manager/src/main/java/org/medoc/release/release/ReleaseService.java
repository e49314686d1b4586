package org.medoc.release.release;

import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.ValidationProblem;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseCollection;
import org.medoc.release.model.ReleaseEvent;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.IntegrityException;
import org.medoc.archive.storage.VerifiedInputStream;
import org.medoc.release.doi.DataCiteXml;
import org.medoc.release.doi.MetadataValidator;
import org.medoc.release.doi.Registrar;
import org.medoc.release.doi.RegistrarSettings;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.selection.SelectionService;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.model.DoiRegistration;
import org.medoc.release.registrar.RegistrarQueue;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The release lifecycle: draft → frozen → published, and published → withdrawn (ARCHIVE_AND_RELEASES.md §5, §10).
 * Every change is transactional, needs the RELEASE_MANAGER role ({@link Actor}), names the {@code lockVersion} it read
 * (optimistic locking: a concurrent change makes it fail with {@link ReleaseException.Stale}) and is recorded in the
 * history with who, when and why. Refusals of a freeze are recorded too. The database enforces the same state rules
 * with triggers, so that no other path can edit a frozen release.
 *
 * <ul>
 *   <li>Draft: metadata and selection rules may change; its DOI is queued to be reserved (DataCite draft) when it is
 *   created.</li>
 *   <li>Freeze: the selection becomes a list of files, each re-read from storage and checked against its SHA-256
 *   (its SHA-512 is computed on the way for the BagIt manifest); the metadata must pass the DataCite checks. The
 *   files are read before the release's row is locked; the short locked step only checks that nothing changed.</li>
 *   <li>Publish: the DOI is queued to be made findable with the landing page URL, and the previous version's and the
 *   concept DOI's records to be updated; from then on nothing about the release changes.</li>
 *   <li>Withdraw: a reason is required; files stop being served, the landing page becomes a 410 tombstone and the DOI
 *   is queued to be hidden with a Withdrawn date. Nothing is deleted.</li>
 * </ul>
 *
 * <p>DataCite is never called here: each change commits together with registrar jobs ({@link RegistrarQueue}) that
 * the registrar task sends afterwards, outside any transaction, retrying until DataCite holds our state.
 */
@Service
@Transactional
public class ReleaseService {

    private static final Logger log = LoggerFactory.getLogger(ReleaseService.class);
    private static final Pattern COLLECTION_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]{0,31}");

    private final ReleaseRepository repository;
    private final SelectionService selection;
    private final MetadataValidator validator;
    private final Registrar registrar;
    private final RegistrarSettings settings;
    private final ArchiveStore store;
    private final RegistrarQueue registrations;
    private final TransactionTemplate transaction;

    public ReleaseService(ReleaseRepository repository, SelectionService selection, MetadataValidator validator,
                          Registrar registrar, RegistrarSettings settings, ArchiveStore store, RegistrarQueue registrations,
                          PlatformTransactionManager transactions) {
        this.repository = repository;
        this.selection = selection;
        this.validator = validator;
        this.registrar = registrar;
        this.settings = settings;
        this.store = store;
        this.registrations = registrations;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a new draft needs; the collection is created on first use with the given title and catalogue format. */
    public record NewDraft(String collection, String collectionTitle, CatalogFormat catalogFormat, String version,
                           ReleaseMetadata metadata, SelectionRules selection) {}

    // ---------------------------------------------------------------- reading

    /** Releases visible to the caller: all for release managers, published and withdrawn ones for everyone else. */
    @Transactional(readOnly = true)
    public List<Release> list(boolean includeUnpublished) {
        return repository.all().stream().filter(r -> includeUnpublished || r.state().isPublic()).toList();
    }

    /** A collection's versions, newest first. */
    @Transactional(readOnly = true)
    public List<Release> versions(String collection, boolean includeUnpublished) {
        return repository.versions(collection).stream().filter(r -> includeUnpublished || r.state().isPublic()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Release> find(String collection, String version) {
        return repository.find(collection, version);
    }

    @Transactional(readOnly = true)
    public Release get(String collection, String version) {
        return repository.find(collection, version)
                .orElseThrow(() -> new ReleaseException.NotFound("no release " + collection + " " + version));
    }

    @Transactional(readOnly = true)
    public Optional<ReleaseCollection> collection(String code) {
        return repository.collection(code);
    }

    /** The newest published (not withdrawn) version of a collection: what latest-release.txt names. */
    @Transactional(readOnly = true)
    public Optional<Release> latestPublished(String collection) {
        return repository.versions(collection).stream().filter(r -> r.state() == ReleaseState.PUBLISHED)
                .max(java.util.Comparator.comparing(Release::publishedAt));
    }

    @Transactional(readOnly = true)
    public ReleaseDocument document(Release release) {
        ReleaseCollection collection = repository.collection(release.collection()).orElseThrow();
        Release previous = release.previousReleaseId() == null ? null : repository.byId(release.previousReleaseId()).orElse(null);
        Release next = repository.nextVersion(release.id()).orElse(null);
        String collectionUrl = settings.publicBaseUrl() + "/releases/" + release.collection();
        String concept = collection.conceptIdentifier() != null ? collection.conceptIdentifier()
                : settings.conceptIdentifier(release.collection());
        return new ReleaseDocument(release, collection, previous, next, collectionUrl + "/" + release.version(), collectionUrl,
                collectionUrl + "/latest", concept, settings.registrarConfigured() && !concept.startsWith("medoc-local:"));
    }

    /** DataCite XML of the release as it stands (the Coverage date once its files are frozen). */
    @Transactional(readOnly = true)
    public String dataCiteXml(Release release) {
        return DataCiteXml.write(document(release), coverage(release).orElse(null));
    }

    /** The observation span "start/end" of a frozen release's files (DataCite's Coverage date). */
    @Transactional(readOnly = true)
    public Optional<String> coverage(Release release) {
        return selection.coverage(repository.itemIds(release.id(), FileKind.OBSERVATION),
                repository.itemIds(release.id(), FileKind.PRODUCT));
    }

    /** What a frozen release holds, by kind and product type and version (empty for a draft). */
    @Transactional(readOnly = true)
    public List<org.medoc.release.model.ReleaseContents> contents(Release release) {
        return repository.contents(release.id());
    }

    @Transactional(readOnly = true)
    public List<ReleaseFile> files(Release release) {
        return repository.files(release.id());
    }

    @Transactional(readOnly = true)
    public Optional<ReleaseFile> file(Release release, String packagePath) {
        return repository.file(release.id(), packagePath);
    }

    /** Where the registration of the release's DOI stands at DataCite; empty for a local identifier. */
    @Transactional(readOnly = true)
    public Optional<DoiRegistration> registration(Release release) {
        return release.hasDoi() ? registrations.registration(release.identifier()) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<ReleaseEvent> history(Release release) {
        return repository.history(release.id());
    }

    /** Live count, size, preview and problems of a draft's selection. */
    @Transactional(readOnly = true)
    public SelectionSummary selectionSummary(SelectionRules rules, int previewSize) {
        return selection.summarise(rules, previewSize);
    }

    /** Every problem that would stop a freeze or publication, without changing anything. */
    @Transactional(readOnly = true)
    public List<ValidationProblem> validate(Release release) {
        List<ValidationProblem> problems = new ArrayList<>(validator.validate(release.metadata()));
        problems.addAll(validator.validateXml(dataCiteXml(release)));
        if (release.state() == ReleaseState.DRAFT) {
            SelectionSummary summary = selection.summarise(release.selection(), 0);
            problems.addAll(summary.problems());
        }
        return problems;
    }

    // ---------------------------------------------------------------- drafts

    public Release createDraft(NewDraft request) {
        String actor = Actor.requireReleaseManager();
        if (request.collection() == null || !COLLECTION_CODE.matcher(request.collection()).matches()) {
            throw new ReleaseException.Invalid("collection", "collection code '" + request.collection()
                    + "' must be lower-case letters, digits and '-' (e.g. spice, dem-maps)");
        }
        checkVersion(request.version());
        if (repository.find(request.collection(), request.version()).isPresent()) {
            throw new ReleaseException.WrongState("release " + request.collection() + " " + request.version()
                    + " exists already: a version is never reused");
        }
        if (repository.collection(request.collection()).isEmpty()) {
            String title = request.collectionTitle() == null || request.collectionTitle().isBlank()
                    ? request.collection() : request.collectionTitle().strip();
            repository.insertCollection(request.collection(), title,
                    request.catalogFormat() == null ? CatalogFormat.GENERIC : request.catalogFormat());
        }
        ReleaseMetadata metadata = request.metadata() == null ? ReleaseMetadata.empty() : request.metadata();
        SelectionRules rules = request.selection() == null ? SelectionRules.none() : request.selection();
        return insertDraft(actor, request.collection(), request.version(), metadata, rules, null, "CREATED", null);
    }

    /**
     * A new version as a copy of an earlier one (metadata and selection rules; publication year cleared), linked to it
     * so that DataCite gets IsNewVersionOf / IsPreviousVersionOf.
     */
    public Release newVersion(String collection, String fromVersion, String version) {
        String actor = Actor.requireReleaseManager();
        Release source = get(collection, fromVersion);
        if (!source.state().isPublic()) {
            throw new ReleaseException.WrongState("release " + source.label() + " is " + source.state()
                    + ": only a published (or withdrawn) release can have a new version");
        }
        checkVersion(version);
        if (repository.find(collection, version).isPresent()) {
            throw new ReleaseException.WrongState("release " + collection + " " + version + " exists already");
        }
        return insertDraft(actor, collection, version, source.metadata().withPublicationYear(null), source.selection(),
                source.id(), "CREATED_AS_NEW_VERSION", "new version of " + source.version());
    }

    private Release insertDraft(String actor, String collection, String version, ReleaseMetadata metadata, SelectionRules rules,
                                Long previousId, String action, String reason) {
        String identifier = settings.identifier(collection, version);
        long id = repository.insert(collection, version, metadata, rules, identifier,
                registrar.registersDois() ? Release.IdentifierType.DOI : Release.IdentifierType.LOCAL, null, previousId);
        repository.event(id, actor, action, null, ReleaseState.DRAFT, reason);
        if (registrar.registersDois()) {
            registrations.request(identifier, collection, id);
            repository.event(id, actor, "DOI_QUEUED", ReleaseState.DRAFT, ReleaseState.DRAFT, identifier
                    + " queued to be reserved as a draft DOI at DataCite");
        }
        log.info("{} created release {} {} ({})", actor, collection, version, identifier);
        return repository.byId(id).orElseThrow();
    }

    public Release updateMetadata(String collection, String version, Integer expectedLock, ReleaseMetadata metadata) {
        String actor = Actor.requireReleaseManager();
        Release release = editableDraft(collection, version, expectedLock, "its metadata");
        apply(release, expectedLock, record -> record.setMetadata(repository.jsonb(metadata)));
        repository.event(release.id(), actor, "METADATA_UPDATED", ReleaseState.DRAFT, ReleaseState.DRAFT, null);
        return get(collection, version);
    }

    public Release updateSelection(String collection, String version, Integer expectedLock, SelectionRules rules) {
        String actor = Actor.requireReleaseManager();
        Release release = editableDraft(collection, version, expectedLock, "its selection");
        apply(release, expectedLock, record -> record.setSelection(repository.jsonb(rules)));
        repository.event(release.id(), actor, "SELECTION_UPDATED", ReleaseState.DRAFT, ReleaseState.DRAFT, null);
        return get(collection, version);
    }

    /** Replaces the generated release notes with edited Markdown; null or blank goes back to the generated ones. */
    public Release updateReleaseNotes(String collection, String version, Integer expectedLock, String markdown) {
        String actor = Actor.requireReleaseManager();
        Release release = editableDraft(collection, version, expectedLock, "its release notes");
        String notes = markdown == null || markdown.isBlank() ? null : markdown;
        apply(release, expectedLock, record -> record.setReleaseNotes(notes));
        repository.event(release.id(), actor, "RELEASE_NOTES_UPDATED", ReleaseState.DRAFT, ReleaseState.DRAFT, null);
        return get(collection, version);
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Freezes a draft: resolves its selection, re-reads every file from storage against its SHA-256 and validates the
     * metadata. With any blocking problem nothing is frozen, the refusal is recorded, and
     * {@link ReleaseException.Refused} lists every problem.
     *
     * <p>The files are read first, with no lock held and no transaction open (a large release takes minutes; holding
     * the row lock that long would stall every edit and every other freeze). The short transaction that follows locks
     * the row and checks that nothing changed meanwhile: an edit of the release (its lock version moved) refuses the
     * freeze with {@link ReleaseException.Stale}; a catalogue change under the selection (files added, removed or
     * replaced) makes it read the new files and try once more, then refuse. A freeze killed at any point leaves the
     * draft as it was.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Release freeze(String collection, String version, Integer expectedLock) {
        String actor = Actor.requireReleaseManager();
        Release release = repository.find(collection, version)
                .orElseThrow(() -> new ReleaseException.NotFound("no release " + collection + " " + version));
        if (expectedLock != null && release.lockVersion() != expectedLock) {
            throw stale(release, expectedLock, release.lockVersion());
        }
        requireState(release, ReleaseState.DRAFT, "be frozen");
        CatalogFormat format = repository.collection(collection).orElseThrow().catalogFormat();
        Map<ReleaseFile, String> sha512 = new HashMap<>();
        for (int round = 1; ; round++) {
            List<ValidationProblem> problems = new ArrayList<>(validator.validate(release.metadata()));
            problems.addAll(validator.validateXml(DataCiteXml.write(document(release), null)));
            List<ReleaseFile> candidates = selection.resolve(release.selection(), format);
            problems.addAll(selection.problems(release.selection(), candidates.size()));
            List<ReleaseFile> verified = verifyAll(candidates, sha512, problems);
            List<ValidationProblem> blocking = problems.stream().filter(ValidationProblem::blocking).toList();
            if (!blocking.isEmpty()) {
                transaction.executeWithoutResult(status -> repository.event(release.id(), actor, "FREEZE_REFUSED",
                        ReleaseState.DRAFT, ReleaseState.DRAFT,
                        blocking.size() + " problem(s): " + blocking.getFirst().pointer() + ": " + blocking.getFirst().message()));
                throw new ReleaseException.Refused("release " + release.label() + " cannot be frozen: " + blocking.size()
                        + " problem(s)", problems);
            }
            Release frozen = transaction.execute(status -> commitFreeze(actor, release, format, candidates, verified));
            if (frozen != null) {
                return frozen;
            }
            if (round == 2) {
                throw new ReleaseException.Stale("the files selected by release " + release.label() + " changed in the "
                        + "catalogue twice while they were being verified: nothing was frozen; freeze again when ingest is quiet");
            }
            log.info("Freeze of {}: the catalogue changed under the selection while its files were read; reading the new ones",
                    release.label());
        }
    }

    /**
     * The locked step of a freeze: the release must be the one whose files were read (same lock version, still a
     * draft) and its selection must still resolve to the same files; null when the catalogue changed under it.
     */
    private Release commitFreeze(String actor, Release read, CatalogFormat format, List<ReleaseFile> candidates,
                                 List<ReleaseFile> verified) {
        Release release = locked(read.collection(), read.version(), null);
        if (release.lockVersion() != read.lockVersion()) {
            throw new ReleaseException.Stale("release " + release.label() + " was changed (version " + read.lockVersion()
                    + ", now " + release.lockVersion() + ") while its files were being verified: nothing was frozen; "
                    + "reload it and freeze again");
        }
        requireState(release, ReleaseState.DRAFT, "be frozen");
        if (!selection.resolve(release.selection(), format).equals(candidates)) {
            return null;
        }
        repository.insertFiles(release.id(), verified);
        long bytes = verified.stream().mapToLong(ReleaseFile::sizeBytes).sum();
        apply(release, release.lockVersion(), record -> {
            record.setState(ReleaseState.FROZEN.name());
            record.setFileCount(verified.size());
            record.setTotalBytes(bytes);
            record.setFrozenAt(OffsetDateTime.now(ZoneOffset.UTC));
        });
        repository.event(release.id(), actor, "FROZEN", ReleaseState.DRAFT, ReleaseState.FROZEN,
                verified.size() + " files, " + bytes + " bytes, each re-verified against its SHA-256");
        log.info("{} froze release {}: {} files, {} bytes", actor, release.label(), verified.size(), bytes);
        return repository.byId(release.id()).orElseThrow();
    }

    /** Reads every candidate not read in an earlier round; a file that fails its check becomes a problem. */
    private List<ReleaseFile> verifyAll(List<ReleaseFile> candidates, Map<ReleaseFile, String> sha512, List<ValidationProblem> problems) {
        List<ReleaseFile> verified = new ArrayList<>(candidates.size());
        for (ReleaseFile file : candidates) {
            try {
                String digest = sha512.get(file);
                if (digest == null) {
                    digest = verify(file);
                    sha512.put(file, digest);
                }
                verified.add(file.withSha512(digest));
            } catch (IOException e) {
                problems.add(ValidationProblem.error(file.packagePath(), file.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + file.itemId() + ": " + e.getMessage()));
            }
        }
        return verified;
    }

    /**
     * Publishes a frozen release: validates again, registers the DOI as findable with the landing page URL (a repeat
     * after a failure updates the same DOI), updates the previous version's and the concept DOI's metadata.
     */
    public Release publish(String collection, String version, Integer expectedLock) {
        String actor = Actor.requireReleaseManager();
        Release release = locked(collection, version, expectedLock);
        requireState(release, ReleaseState.FROZEN, "be published");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Release asPublished = new Release(release.id(), release.collection(), release.version(), ReleaseState.PUBLISHED,
                release.metadata(), release.selection(), release.releaseNotes(), release.identifier(), release.identifierType(),
                release.doiState(), release.previousReleaseId(), release.fileCount(), release.totalBytes(), release.frozenAt(),
                now.toInstant(), null, null, release.lockVersion(), release.createdAt(), release.updatedAt());
        String xml = dataCiteXml(asPublished);
        List<ValidationProblem> problems = new ArrayList<>(validator.validate(release.metadata()));
        problems.addAll(validator.validateXml(xml));
        if (problems.stream().anyMatch(ValidationProblem::blocking)) {
            throw new ReleaseException.Refused("release " + release.label() + " cannot be published", problems);
        }
        apply(release, expectedLock, record -> {
            record.setState(ReleaseState.PUBLISHED.name());
            record.setPublishedAt(now);
        });
        repository.setConceptIdentifier(collection, settings.conceptIdentifier(collection));
        repository.event(release.id(), actor, "PUBLISHED", ReleaseState.FROZEN, ReleaseState.PUBLISHED,
                release.hasDoi() ? "DOI " + release.identifier() + " queued to be made findable at DataCite"
                        : "local identifier " + release.identifier() + " (no DOI registrar configured)");
        Release published = get(collection, version);
        if (release.hasDoi()) {
            ReleaseDocument document = document(published);
            registrations.request(published.identifier(), collection, published.id());
            if (document.previous() != null && document.previous().hasDoi()) {
                // the previous version's record gains IsPreviousVersionOf this one
                registrations.request(document.previous().identifier(), collection, document.previous().id());
            }
            requestConcept(document);
        }
        log.info("{} published release {} ({})", actor, release.label(), release.identifier());
        return published;
    }

    /** Withdraws a published release with a reason; the DOI stays, hidden, and resolves to the 410 tombstone. */
    public Release withdraw(String collection, String version, Integer expectedLock, String reason) {
        String actor = Actor.requireReleaseManager();
        if (reason == null || reason.isBlank()) {
            throw new ReleaseException.Invalid("reason", "a withdrawal needs a reason: it is shown on the tombstone page");
        }
        Release release = locked(collection, version, expectedLock);
        requireState(release, ReleaseState.PUBLISHED, "be withdrawn");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        apply(release, expectedLock, record -> {
            record.setState(ReleaseState.WITHDRAWN.name());
            record.setWithdrawnAt(now);
            record.setWithdrawalReason(reason.strip());
        });
        Release withdrawn = get(collection, version);
        if (withdrawn.hasDoi()) {
            registrations.request(withdrawn.identifier(), collection, withdrawn.id());
            requestConcept(document(withdrawn));
        }
        repository.event(release.id(), actor, "WITHDRAWN", ReleaseState.PUBLISHED, ReleaseState.WITHDRAWN, reason.strip());
        log.warn("{} withdrew release {}: {}", actor, release.label(), reason.strip());
        return get(collection, version);
    }

    /**
     * "Retry now" for a DOI whose registration FAILED (DataCite refused it or too many attempts failed): the job is due
     * again at once with fresh attempts, instead of at the reconciler's next run. Release managers only; refused unless
     * the registration is FAILED.
     */
    @Transactional
    public Release retryDoiRegistration(String collection, String version) {
        String actor = Actor.requireReleaseManager();
        Release release = get(collection, version);
        if (!release.hasDoi()) {
            throw new ReleaseException.WrongState(release.label() + " has a local identifier: there is no DOI to register");
        }
        DoiRegistration registration = registration(release).orElse(null);
        if (registration == null || registration.status() != DoiRegistration.Status.FAILED
                || !registrations.retryFailed(release.identifier())) {
            throw new ReleaseException.WrongState("the registration of " + release.identifier() + " is "
                    + (registration == null ? "not queued" : registration.status()) + ", not FAILED: nothing to retry");
        }
        repository.event(release.id(), actor, "DOI_RETRY_REQUESTED", release.state(), release.state(),
                "after: " + registration.lastError());
        log.info("{} asked to retry the registration of {}", actor, release.identifier());
        return get(collection, version);
    }

    // ---------------------------------------------------------------- helpers

    /** Queues the concept DOI, which points at the collection's latest version and lists every public one. */
    private void requestConcept(ReleaseDocument document) {
        if (document.conceptIsDoi()) {
            registrations.request(document.conceptIdentifier(), document.release().collection(), null);
        }
    }

    /**
     * Re-reads the stored file through the archive's verified read (its size and SHA-256 against the catalogue's) and
     * returns its SHA-512, computed on the same pass for the BagIt manifest.
     */
    private String verify(ReleaseFile file) throws IOException {
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
        try (VerifiedInputStream stored = store.openVerified(file.storageKey(), file.sha256(), file.sizeBytes());
             InputStream in = new DigestInputStream(stored, sha512)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IntegrityException mismatch) {
            throw new IOException("stored file does not match the catalogue (" + mismatch.found() + "; catalogued "
                    + file.sha256() + ", " + file.sizeBytes() + " bytes)", mismatch);
        }
        return HexFormat.of().formatHex(sha512.digest());
    }

    private Release editableDraft(String collection, String version, Integer expectedLock, String what) {
        Release release = locked(collection, version, expectedLock);
        if (release.state() != ReleaseState.DRAFT) {
            throw new ReleaseException.WrongState("release " + release.label() + " is " + release.state()
                    + ": " + what + " can no longer change (make a new version instead)");
        }
        return release;
    }

    private Release locked(String collection, String version, Integer expectedLock) {
        Release release = repository.lock(collection, version)
                .orElseThrow(() -> new ReleaseException.NotFound("no release " + collection + " " + version));
        if (expectedLock != null && release.lockVersion() != expectedLock) {
            throw stale(release, expectedLock, release.lockVersion());
        }
        return release;
    }

    private static ReleaseException.Stale stale(Release release, int expected, int now) {
        return new ReleaseException.Stale("release " + release.label() + " was changed by someone else since you read it "
                + "(version " + expected + ", now " + now + "): reload it and try again");
    }

    private void apply(Release release, Integer expectedLock, java.util.function.Consumer<org.medoc.db.jooq.releases.tables.records.ReleaseRecord> change) {
        int lock = expectedLock == null ? release.lockVersion() : expectedLock;
        if (!repository.update(release.id(), lock, change)) {
            throw new ReleaseException.Stale("release " + release.label() + " was changed by someone else: reload it and try again");
        }
    }

    private static void requireState(Release release, ReleaseState required, String action) {
        if (release.state() != required) {
            throw new ReleaseException.WrongState("release " + release.label() + " is " + release.state() + " and cannot "
                    + action + " (only a " + required + " release can)");
        }
    }

    private static void checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new ReleaseException.Invalid("version", "version '" + version
                    + "' must be letters, digits, '.' and '-' (e.g. 2.0), at most 32 characters");
        }
    }
}
