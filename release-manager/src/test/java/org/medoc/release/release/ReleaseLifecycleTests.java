package org.medoc.release.release;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseEvent;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.ValidationProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.release.ReleaseFixtures.asManager;
import static org.medoc.release.ReleaseFixtures.newCollection;
import static org.medoc.db.jooq.releases.Tables.RELEASE;
import static org.medoc.db.jooq.releases.Tables.RELEASE_FILE;

/** Every transition of a release and every refusal, against the real catalogue and storage on embedded PostgreSQL. */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleaseLifecycleTests {

    @Autowired
    ReleaseService releases;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    DSLContext dsl;
    @Autowired
    ArchiveStore store;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    @Test
    void aNewDraftHasALocalIdentifierThatIsNotADoiWhenNoRegistrarIsConfigured() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        assertThat(draft.state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(draft.identifier()).isEqualTo("medoc-local:" + collection + "/1.0");
        assertThat(draft.hasDoi()).isFalse();
        assertThat(draft.doiState()).isNull();
        assertThat(releases.history(draft)).extracting(ReleaseEvent::action, ReleaseEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATED", "manager"));
    }

    @Test
    void freezingListsTheSelectedFilesWithTheirChecksumsAndRecordsWhoDidIt() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        Release frozen = asManager(() -> releases.freeze(collection, "1.0", draft.lockVersion()));

        assertThat(frozen.state()).isEqualTo(ReleaseState.FROZEN);
        assertThat(frozen.fileCount()).isEqualTo(3);
        List<ReleaseFile> files = releases.files(frozen);
        assertThat(files).hasSize(3).allSatisfy(file -> {
            assertThat(file.packagePath()).matches("data/level2/2020/11/\\d\\d/solo_L2_spice.*\\.fits");
            assertThat(file.sha256()).hasSize(64);
            assertThat(file.sha512()).hasSize(128);
            assertThat(file.catalogRow()).containsEntry("LEVEL", "L2").containsKey("SPIOBSID").containsEntry("SHA256", file.sha256());
        });
        assertThat(frozen.totalBytes()).isEqualTo(files.stream().mapToLong(ReleaseFile::sizeBytes).sum());
        ReleaseEvent last = releases.history(frozen).getLast();
        assertThat(last.action()).isEqualTo("FROZEN");
        assertThat(last.actor()).isEqualTo("manager");
        assertThat(last.fromState()).isEqualTo(ReleaseState.DRAFT);
        assertThat(last.toState()).isEqualTo(ReleaseState.FROZEN);
        assertThat(last.reason()).startsWith("3 files");
    }

    @Test
    void aDraftWithoutPublisherOrCreatorsCannotBeFrozenAndEveryProblemIsListed() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        ReleaseMetadata incomplete = new ReleaseMetadata("Title", List.of(), null, null, null, null, null, null, null, null, null, null);
        Release edited = asManager(() -> releases.updateMetadata(collection, "1.0", draft.lockVersion(), incomplete));

        assertThatThrownBy(() -> asManager(() -> releases.freeze(collection, "1.0", edited.lockVersion())))
                .isInstanceOfSatisfying(ReleaseException.Refused.class, refused -> assertThat(refused.problems())
                        .filteredOn(ValidationProblem::blocking).extracting(ValidationProblem::pointer)
                        .contains("/creators", "/publisher/name"));
        Release after = releases.get(collection, "1.0");
        assertThat(after.state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(releases.files(after)).isEmpty();
        assertThat(releases.history(after).getLast().action()).isEqualTo("FREEZE_REFUSED");
    }

    @Test
    void anEmptySelectionCannotBeFrozen() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        SelectionRules nothing = new SelectionRules(List.of("SPICE"), List.of("L1"), null, null, null, null, null, null, null);
        Release edited = asManager(() -> releases.updateSelection(collection, "1.0", draft.lockVersion(), nothing));
        assertThatThrownBy(() -> asManager(() -> releases.freeze(collection, "1.0", edited.lockVersion())))
                .isInstanceOfSatisfying(ReleaseException.Refused.class, refused -> assertThat(refused.problems())
                        .extracting(ValidationProblem::message).contains("the selection matches no public file"));
    }

    @Test
    void aFileChangedInStorageSinceIngestIsFoundAtFreezeAndNamed() throws Exception {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        SelectionRules eitOnly = new SelectionRules(List.of("EIT"), null, null, null, null, null, null, null, null);
        Release edited = asManager(() -> releases.updateSelection(collection, "1.0", draft.lockVersion(), eitOnly));
        ReleaseFile eit = releases.selectionSummary(eitOnly, 1).preview().getFirst();
        Path stored = store.resource(eit.storageKey()).getFile().toPath();
        byte[] original = Files.readAllBytes(stored);
        byte[] flipped = original.clone();
        flipped[flipped.length - 1] ^= 0x01;
        stored.toFile().setWritable(true);
        Files.write(stored, flipped);
        try {
            assertThatThrownBy(() -> asManager(() -> releases.freeze(collection, "1.0", edited.lockVersion())))
                    .isInstanceOfSatisfying(ReleaseException.Refused.class, refused -> assertThat(refused.problems())
                            .anySatisfy(problem -> {
                                assertThat(problem.pointer()).isEqualTo(eit.packagePath());
                                assertThat(problem.message()).contains("does not match the catalogue");
                            }));
        } finally {
            Files.write(stored, original);
        }
    }

    @Test
    void aFrozenReleaseRefusesEveryEditInTheServiceAndInTheDatabase() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        Release frozen = asManager(() -> releases.freeze(collection, "1.0", draft.lockVersion()));

        assertThatThrownBy(() -> asManager(() -> releases.updateMetadata(collection, "1.0", frozen.lockVersion(),
                ReleaseFixtures.metadata("changed"))))
                .isInstanceOf(ReleaseException.WrongState.class).hasMessageContaining("is FROZEN");
        assertThatThrownBy(() -> asManager(() -> releases.updateSelection(collection, "1.0", frozen.lockVersion(), SelectionRules.none())))
                .isInstanceOf(ReleaseException.WrongState.class);
        assertThatThrownBy(() -> asManager(() -> releases.freeze(collection, "1.0", frozen.lockVersion())))
                .isInstanceOf(ReleaseException.WrongState.class);
        // a direct UPDATE is refused by the trigger, and so is deleting a file from the frozen list
        assertThatThrownBy(() -> dsl.update(RELEASE).set(RELEASE.RELEASE_NOTES, "sneaky").where(RELEASE.ID.eq(frozen.id())).execute())
                .hasMessageContaining("can no longer change");
        assertThatThrownBy(() -> dsl.deleteFrom(RELEASE_FILE).where(RELEASE_FILE.RELEASE_ID.eq(frozen.id())).execute())
                .hasMessageContaining("never changes");
        assertThatThrownBy(() -> dsl.update(RELEASE).set(RELEASE.STATE, "DRAFT").where(RELEASE.ID.eq(frozen.id())).execute())
                .hasMessageContaining("cannot go from FROZEN to DRAFT");
    }

    @Test
    void publishingMakesTheReleasePublicAndAPublishedReleaseNeverChanges() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "2.0");
        assertThatThrownBy(() -> asManager(() -> releases.publish(collection, "2.0", draft.lockVersion())))
                .isInstanceOf(ReleaseException.WrongState.class).hasMessageContaining("only a FROZEN release can");
        Release frozen = asManager(() -> releases.freeze(collection, "2.0", draft.lockVersion()));
        Release published = asManager(() -> releases.publish(collection, "2.0", frozen.lockVersion()));

        assertThat(published.state()).isEqualTo(ReleaseState.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(releases.list(false)).extracting(Release::id).contains(published.id());
        assertThat(releases.latestPublished(collection)).get().extracting(Release::version).isEqualTo("2.0");
        assertThat(releases.collection(collection)).get().extracting(c -> c.conceptIdentifier()).isEqualTo("medoc-local:" + collection);
        assertThatThrownBy(() -> asManager(() -> releases.publish(collection, "2.0", published.lockVersion())))
                .isInstanceOf(ReleaseException.WrongState.class);
        assertThatThrownBy(() -> asManager(() -> releases.updateReleaseNotes(collection, "2.0", published.lockVersion(), "new notes")))
                .isInstanceOf(ReleaseException.WrongState.class);
        assertThat(releases.history(published)).extracting(ReleaseEvent::action).containsExactly("CREATED", "FROZEN", "PUBLISHED");
    }

    @Test
    void draftsAreNotListedForThePublic() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        assertThat(releases.list(false)).extracting(Release::id).doesNotContain(draft.id());
        assertThat(releases.list(true)).extracting(Release::id).contains(draft.id());
    }

    @Test
    void withdrawalNeedsAReasonKeepsEverythingAndOnlyAPublishedReleaseCanBeWithdrawn() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        assertThatThrownBy(() -> asManager(() -> releases.withdraw(collection, "1.0", null, "because")))
                .isInstanceOf(ReleaseException.WrongState.class);
        asManager(() -> releases.freeze(collection, "1.0", null));
        Release published = asManager(() -> releases.publish(collection, "1.0", null));
        assertThatThrownBy(() -> asManager(() -> releases.withdraw(collection, "1.0", published.lockVersion(), "  ")))
                .isInstanceOf(ReleaseException.Invalid.class).hasMessageContaining("needs a reason");

        Release withdrawn = asManager(() -> releases.withdraw(collection, "1.0", published.lockVersion(), "calibration error in window 2"));
        assertThat(withdrawn.state()).isEqualTo(ReleaseState.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("calibration error in window 2");
        assertThat(releases.files(withdrawn)).hasSize(3);
        assertThat(releases.latestPublished(collection)).isEmpty();
        assertThat(releases.dataCiteXml(withdrawn)).contains("dateType=\"Withdrawn\"");
        ReleaseEvent last = releases.history(withdrawn).getLast();
        assertThat(last.action()).isEqualTo("WITHDRAWN");
        assertThat(last.reason()).isEqualTo("calibration error in window 2");
        assertThatThrownBy(() -> asManager(() -> releases.withdraw(collection, "1.0", null, "again")))
                .isInstanceOf(ReleaseException.WrongState.class);
    }

    @Test
    void aNewVersionStartsAsACopyAndIsLinkedBothWays() {
        String collection = newCollection();
        Release first = fixtures.published(collection, "1.0");
        Release second = asManager(() -> releases.newVersion(collection, "1.0", "2.0"));

        assertThat(second.state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(second.previousReleaseId()).isEqualTo(first.id());
        assertThat(second.metadata().title()).isEqualTo(first.metadata().title());
        assertThat(second.selection()).isEqualTo(first.selection());
        assertThat(releases.history(second).getFirst().action()).isEqualTo("CREATED_AS_NEW_VERSION");

        asManager(() -> releases.freeze(collection, "2.0", null));
        asManager(() -> releases.publish(collection, "2.0", null));
        String newer = releases.dataCiteXml(releases.get(collection, "2.0"));
        String older = releases.dataCiteXml(releases.get(collection, "1.0"));
        assertThat(newer).contains("relationType=\"IsNewVersionOf\" resourceTypeGeneral=\"Dataset\">https://data.example.org/releases/" + collection + "/1.0<");
        assertThat(older).contains("relationType=\"IsPreviousVersionOf\" resourceTypeGeneral=\"Dataset\">https://data.example.org/releases/" + collection + "/2.0<");
        assertThat(releases.latestPublished(collection)).get().extracting(Release::version).isEqualTo("2.0");
        assertThatThrownBy(() -> asManager(() -> releases.newVersion(collection, "1.0", "2.0")))
                .isInstanceOf(ReleaseException.WrongState.class).hasMessageContaining("exists already");
    }

    @Test
    void aChangeBasedOnAStaleReadIsRefused() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        asManager(() -> releases.updateMetadata(collection, "1.0", draft.lockVersion(), ReleaseFixtures.metadata("first edit")));
        assertThatThrownBy(() -> asManager(() -> releases.updateMetadata(collection, "1.0", draft.lockVersion(),
                ReleaseFixtures.metadata("second edit from an old form"))))
                .isInstanceOf(ReleaseException.Stale.class).hasMessageContaining("reload");
        assertThat(releases.get(collection, "1.0").metadata().title()).isEqualTo("first edit");
    }

    @Test
    void onlyReleaseManagersChangeReleases() {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        assertThatThrownBy(() -> releases.freeze(collection, "1.0", draft.lockVersion()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ReleaseFixtures.as("planner", "ROLE_PLANNER", () -> releases.freeze(collection, "1.0", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("RELEASE_MANAGER");
        assertThat(releases.get(collection, "1.0").state()).isEqualTo(ReleaseState.DRAFT);
    }

    @Test
    void versionsAndCollectionCodesAreChecked() {
        assertThatThrownBy(() -> fixtures.draft("Bad Code", "1.0")).isInstanceOf(ReleaseException.Invalid.class)
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> fixtures.draft(newCollection(), "1.0/../x")).isInstanceOf(ReleaseException.Invalid.class);
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        assertThatThrownBy(() -> fixtures.draft(collection, "1.0")).isInstanceOf(ReleaseException.WrongState.class)
                .hasMessageContaining("never reused");
    }
}
