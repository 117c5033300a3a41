package org.tongxin.library.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.web.Refusal;

/**
 * Post/Redirect/Get on the reader's pages: an action runs and its outcome is flashed to the next page, with the
 * values its message names (a due date, a place in the queue), shown by {@code library/reader-parts :: flash}.
 */
final class ReaderPages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private ReaderPages() {
    }

    /**
     * Runs {@code action}; on success flashes {@code doneKey} with the values it returns and redirects to
     * {@code back}, on a refusal flashes the refusal's message and redirects to {@code backOnRefusal}.
     */
    static String flash(RedirectAttributes redirect, String doneKey, String back, String backOnRefusal,
                        Supplier<Object[]> action) {
        try {
            Object[] args = action.get();
            redirect.addFlashAttribute("flash", doneKey);
            redirect.addFlashAttribute("flashArgs", args);
            return "redirect:" + back;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + backOnRefusal;
        }
    }

    static String day(OffsetDateTime t) {
        return DAY.format(t);
    }
}
