package org.tongxin.activity.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.web.Refusal;

/** Post/Redirect/Get on the activity pages: a form's action runs and its outcome is flashed to the next page. */
final class FormOutcome {

    private FormOutcome() {
    }

    /** Runs {@code action}, flashes {@code doneKey} or the refusal's message, and redirects to {@code back}. */
    static String flash(RedirectAttributes redirect, String doneKey, String back, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:" + back;
    }
}
