package org.medoc.release.release;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ReleaseState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.releases.Tables.RELEASE;
import static org.medoc.db.jooq.releases.Tables.RELEASE_FILE;
import static org.medoc.release.ReleaseFixtures.asManager;
import static org.medoc.release.ReleaseFixtures.newCollection;

/**
 * A freeze reads and hashes its files before it takes the release's row lock, and the short locked step refuses to
 * freeze a release that was edited meanwhile: the edit is never lost under a file list verified for the old version.
 */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FreezeOutsideTheLockTests {

    @Autowired
    ReleaseService releases;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    @Test
    void anEditCommittedWhileTheFilesAreReadRefusesTheFreezeAndLeavesTheDraftAsEdited() throws Exception {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "1.0");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch edit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // another session holds the row (an edit in progress) for as long as the test wants
            Future<?> editor = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                dsl.selectFrom(RELEASE).where(RELEASE.ID.eq(draft.id())).forUpdate().fetch();
                holding.countDown();
                await(edit);
                asManager(() -> releases.updateMetadata(collection, "1.0", null,
                        ReleaseFixtures.metadata("SPICE Data Release 1.0, corrected title")));
            }));
            holding.await(30, TimeUnit.SECONDS);
            // no expected lock version given: before, such a freeze waited for the row and then froze the edited draft
            Future<Release> freeze = threads.submit(() -> asManager(() -> releases.freeze(collection, "1.0", null)));

            waitUntilASessionWaitsForTheRowLock();
            assertThat(freeze.isDone()).isFalse();
            edit.countDown();
            editor.get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> freeze.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ReleaseException.Stale.class)
                    .hasMessageContaining("while its files were being verified").hasMessageContaining("nothing was frozen");
        } finally {
            threads.shutdownNow();
        }
        Release edited = releases.get(collection, "1.0");
        assertThat(edited.state()).isEqualTo(ReleaseState.DRAFT);
        assertThat(edited.metadata().title()).isEqualTo("SPICE Data Release 1.0, corrected title");
        assertThat(dsl.fetchCount(RELEASE_FILE, RELEASE_FILE.RELEASE_ID.eq(draft.id()))).isZero();

        Release frozen = asManager(() -> releases.freeze(collection, "1.0", edited.lockVersion()));
        assertThat(frozen.state()).isEqualTo(ReleaseState.FROZEN);
        assertThat(dsl.fetchCount(RELEASE_FILE, RELEASE_FILE.RELEASE_ID.eq(draft.id()))).isEqualTo(frozen.fileCount()).isPositive();
    }

    /** The freeze has read every file and now asks for the row (pg_stat_activity: a SELECT … FOR UPDATE waiting on a lock). */
    private void waitUntilASessionWaitsForTheRowLock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (dsl.fetch("select 1 from pg_stat_activity where wait_event_type = 'Lock' "
                + "and query ilike '%for update%' and query ilike '%\"release\"%'").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the freeze never asked for the release's row lock");
            }
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
