package org.medoc.ui.planning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.icn.IcnCategory;
import org.medoc.planner.icn.IcnDetail;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.icn.IcnStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ICN screen on the real application and database, without a browser: affected items and decisions. */
@PlanningIntegrationTest
@ViewPackages(classes = IcnsView.class)
class IcnsViewTests extends SpringBrowserlessTest {

    @Autowired IcnService icns;

    private IcnDetail submittedByAlice() {
        IcnDetail icn = icns.create(new IcnService.IcnInput("Limb campaign exposure", "Raise the exposure limit", IcnCategory.OTHER,
                null, List.of()), "alice");
        return icns.submit(icn.id(), icn.lockVersion(), "alice");
    }

    @Test
    @WithMockUser(username = "bob", roles = "PLANNER")
    void aRejectionWithoutACommentIsRefusedOnTheCommentFieldAndOneWithACommentGoesThrough() {
        IcnDetail icn = submittedByAlice();
        IcnsView view = navigate(IcnsView.class);
        view.select(icn);
        test(view.decide).click();

        test($(Button.class).id("icn-reject")).click();

        TextArea comment = $(TextArea.class).id("icn-decision-comment");
        assertThat(comment.isInvalid()).isTrue();
        assertThat(comment.getErrorMessage()).startsWith("C1: say why the ICN is rejected");
        assertThat(icns.get(icn.id()).status()).isEqualTo(IcnStatus.SUBMITTED);

        test(comment).setValue("needs a volume estimate");
        test($(Button.class).id("icn-reject")).click();

        assertThat(icns.get(icn.id()).status()).isEqualTo(IcnStatus.REJECTED);
    }

    @Test
    @WithMockUser(username = "bob", roles = "PLANNER")
    void anAffectedItemWithoutAnIdIsNotAddedAndTheIdFieldSaysWhy() {
        IcnsView view = navigate(IcnsView.class);
        test(view.affectedItem.kind).selectItem("STUDY");
        test(view.addAffected).click();

        assertThat(view.affectedItem.id.isInvalid()).isTrue();
        assertThat(view.affectedItem.id.getErrorMessage()).isEqualTo("Give the item's ID");
        assertThat(view.affectedText.getText()).isEqualTo("no affected item");

        test(view.affectedItem.id).setValue(12);
        test(view.addAffected).click();

        assertThat(view.affectedText.getText()).isEqualTo("STUDY 12");
    }
}
