package org.tongxin.care.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.web.Refusal;

/** Post/Redirect/Get on the care pages: a form's action runs and its outcome is flashed to the next page. */
final class FormOutcome {

    private FormOutcome() {
    }

    static void flash(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
    }
}
