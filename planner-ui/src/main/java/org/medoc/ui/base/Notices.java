package org.medoc.ui.base;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;

import java.util.List;
import java.util.function.Consumer;

/**
 * The notifications of every view, so that the same kind of news always looks and lasts the same: a success at the
 * bottom for a few seconds, an error in the middle long enough to read, a hint (what to do first) at the bottom.
 */
public final class Notices {

    /** Long enough to read a sentence naming the field or the state at fault. */
    static final int ERROR_MILLISECONDS = 7000;
    static final int SUCCESS_MILLISECONDS = 4000;
    static final int HINT_MILLISECONDS = 5000;

    private Notices() {
    }

    public static Notification success(String message) {
        return show(message, SUCCESS_MILLISECONDS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_SUCCESS);
    }

    public static Notification error(String message) {
        return show(message, ERROR_MILLISECONDS, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR);
    }

    /** What the user must do before the action can run ("choose a spectral line first"). */
    public static Notification hint(String message) {
        return show(message, HINT_MILLISECONDS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_CONTRAST);
    }

    /**
     * Runs a planning write; a conflict, rejection or missing item becomes an error notice (a conflict says the screen
     * was reloaded) and {@code reload} runs. Returns whether the write went through.
     */
    public static boolean attempt(Runnable write, Runnable reload) {
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

    /**
     * Like {@link #attempt(Runnable, Runnable)}, and the rule findings of a refusal go to {@code showFindings} (a form
     * marks the fields at fault); a write that goes through clears them.
     */
    public static boolean attempt(Runnable write, Runnable reload, Consumer<List<Finding>> showFindings) {
        try {
            write.run();
            showFindings.accept(List.of());
            return true;
        } catch (PlanningRejectedException e) {
            showFindings.accept(e.findings());
            error(e.getMessage());
            reload.run();
        } catch (RuntimeException e) {
            return attempt(() -> {
                throw e;
            }, reload);
        }
        return false;
    }

    private static Notification show(String message, int milliseconds, Notification.Position position, NotificationVariant variant) {
        Notification notification = Notification.show(message, milliseconds, position);
        notification.addThemeVariants(variant);
        return notification;
    }
}
