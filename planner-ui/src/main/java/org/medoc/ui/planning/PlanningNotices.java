package org.medoc.ui.planning;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;

/** The notifications of the planning screens: rejections, and optimistic-lock conflicts stated as such. */
final class PlanningNotices {

    private PlanningNotices() {
    }

    static void error(String message) {
        Notification notification = Notification.show(message, 7000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * Runs a write; a conflict, rejection or missing item becomes a notification (a conflict says the screen was
     * reloaded) and {@code reload} runs. Returns whether the write went through.
     */
    static boolean attempt(Runnable write, Runnable reload) {
        try {
            write.run();
            return true;
        } catch (PlanningConflictException e) {
            error("Conflict: " + e.getMessage() + ". The screen has been reloaded with the current values.");
            reload.run();
        } catch (PlanningRejectedException | PlanningNotFoundException e) {
            error(e.getMessage());
            reload.run();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
        }
        return false;
    }
}
