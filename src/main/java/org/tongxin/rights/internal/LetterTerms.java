package org.tongxin.rights.internal;

import java.time.LocalDate;
import org.tongxin.shared.time.WorkingDays;

/**
 * When the chair's office answers a letter (the policy; no database here): within {@link #ANSWER_WORKING_DAYS}
 * working days of its arrival; the office is reminded on the working day before the answer is due (a letter due on
 * Monday is reminded on Friday), once.
 */
final class LetterTerms {

    static final int ANSWER_WORKING_DAYS = 5;

    private LetterTerms() {
    }

    static LocalDate answerDue(LocalDate sentOn) {
        return WorkingDays.after(sentOn, ANSWER_WORKING_DAYS);
    }

    /** Letters due on or before this day are reminded today: those due by the next working day. */
    static LocalDate remindDueBy(LocalDate today) {
        return WorkingDays.after(today, 1);
    }
}
