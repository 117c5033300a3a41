package org.tongxin.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post/Redirect/Get on every module's pages: a form's action runs and its outcome is flashed to the next page — the
 * done message, or the refusal's message for the person to act on.
 */
public final class FormOutcome {

    private FormOutcome() {
    }

    /** Runs {@code action}, flashes {@code doneKey} or the refusal's message; whether it was done. */
    public static boolean flash(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
            return true;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return false;
        }
    }

    /** Runs {@code action}, flashes {@code doneKey} or the refusal's message, and redirects to {@code back}. */
    public static String flash(RedirectAttributes redirect, String doneKey, String back, Runnable action) {
        flash(redirect, doneKey, action);
        return "redirect:" + back;
    }
}
