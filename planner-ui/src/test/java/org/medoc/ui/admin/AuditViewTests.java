package org.medoc.ui.admin;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit view on the real application and database, without a browser: filters, paging and their errors. */
@org.medoc.planner.PlanningIntegrationTest
@ViewPackages(classes = AuditView.class)
@WithMockUser(username = "root", roles = "ADMIN")
class AuditViewTests extends SpringBrowserlessTest {

    @Autowired AuditTrail audit;

    private static List<AuditEvent> rows(AuditView view) {
        return view.grid.getListDataView().getItems().toList();
    }

    @Test
    void filtersByObjectAndActionPrefixShowOnlyTheMatchingEventsNewestFirst() {
        String object = UUID.randomUUID().toString();
        audit.recordAs("alice", "test.view.first", "thing", object, null, java.util.Map.of("state", "A"), "one");
        audit.recordAs("alice", "test.view.second", "thing", object, null, null, "two");
        audit.recordAs("alice", "other.view", "thing", object, null, null, "three");
        AuditView view = navigate(AuditView.class);

        test(view.objectId).setValue(object);
        test(view.action).setValue(" test.view. ");
        test(view.search).click();

        assertThat(rows(view)).extracting(AuditEvent::action).containsExactly("test.view.second", "test.view.first");
        assertThat(view.shown.getText()).isEqualTo("2 events");
        assertThat(view.older.isEnabled()).isFalse();
    }

    @Test
    void olderEventsAreAddedPageByPage() {
        String object = UUID.randomUUID().toString();
        for (int i = 0; i < AuditView.PAGE_SIZE + 5; i++) {
            audit.recordAs("alice", "test.view.many", "thing", object, null, null, null);
        }
        AuditView view = navigate(AuditView.class);
        test(view.objectId).setValue(object);
        test(view.search).click();
        assertThat(rows(view)).hasSize(AuditView.PAGE_SIZE);
        assertThat(view.older.isEnabled()).isTrue();

        test(view.older).click();

        assertThat(rows(view)).hasSize(AuditView.PAGE_SIZE + 5);
        assertThat(view.older.isEnabled()).isFalse();
    }

    @Test
    void aStartAfterTheEndIsShownOnTheFromFieldAndTheRowsStay() {
        String object = UUID.randomUUID().toString();
        audit.recordAs("alice", "test.view.kept", "thing", object, null, null, null);
        AuditView view = navigate(AuditView.class);
        test(view.objectId).setValue(object);
        test(view.search).click();

        test(view.from).setValue(LocalDateTime.of(2030, 1, 2, 0, 0));
        test(view.to).setValue(LocalDateTime.of(2030, 1, 1, 0, 0));
        test(view.search).click();

        assertThat(view.from.isInvalid()).isTrue();
        assertThat(view.from.getErrorMessage()).isEqualTo("from must be before to");
        assertThat(rows(view)).extracting(AuditEvent::action).containsExactly("test.view.kept");
    }
}
