package org.tongxin.rights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.web.Refusal;

class MediationTermsTests {

    private static final LocalDate ACCEPTED = LocalDate.of(2026, 3, 2);

    private static Mediation open(int extendedDays) {
        return new Mediation(1, null, 1, 2, "收费站", ACCEPTED, MediationTerms.LIMIT_DAYS, extendedDays,
                extendedDays == 0 ? null : "双方同意", Mediation.Status.OPEN, null, null);
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Refusal e) {
            return e.messageKey();
        }
    }

    @Test
    void aCaseEndsFifteenCalendarDaysAfterAcceptanceAndTheCommitteeIsRemindedThreeDaysBefore() {
        Mediation m = open(0);
        assertThat(m.limitOn()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(MediationTerms.remindFrom(m.limitOn())).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(m.daysLeft(LocalDate.of(2026, 3, 17))).isZero();
        assertThat(m.overdue(LocalDate.of(2026, 3, 17))).as("its last day").isFalse();
        assertThat(m.overdue(LocalDate.of(2026, 3, 18))).isTrue();
        assertThat(open(10).limitOn()).isEqualTo(LocalDate.of(2026, 3, 27));
    }

    @Test
    void anExtensionIsOnceByOneToFifteenDaysWithAReasonBeforeTheLimitPasses() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        assertThat(MediationTerms.checkExtension(open(0), 15, "  双方同意延期  ", today)).isEqualTo("双方同意延期");
        assertThat(MediationTerms.checkExtension(open(0), 1, "双方同意", LocalDate.of(2026, 3, 17)))
                .as("on the last day").isEqualTo("双方同意");
        assertThat(refusal(() -> MediationTerms.checkExtension(open(5), 5, "再延", today)))
                .isEqualTo("rights.mediation.error.extendedOnce");
        assertThat(refusal(() -> MediationTerms.checkExtension(open(0), 16, "双方同意", today)))
                .isEqualTo("rights.mediation.error.extensionDays");
        assertThat(refusal(() -> MediationTerms.checkExtension(open(0), 0, "双方同意", today)))
                .isEqualTo("rights.mediation.error.extensionDays");
        assertThat(refusal(() -> MediationTerms.checkExtension(open(0), 5, " ", today)))
                .isEqualTo("rights.mediation.error.extensionReason");
        assertThat(refusal(() -> MediationTerms.checkExtension(open(0), 5, "双方同意", LocalDate.of(2026, 3, 18))))
                .isEqualTo("rights.mediation.error.limitPassed");
        Mediation agreed = new Mediation(1, null, 1, 2, "收费站", ACCEPTED, 15, 0, null, Mediation.Status.AGREED,
                today, null);
        assertThat(refusal(() -> MediationTerms.checkExtension(agreed, 5, "双方同意", today)))
                .isEqualTo("rights.mediation.error.closed");
        assertThat(open(0).extendable(today)).isTrue();
        assertThat(open(3).extendable(today)).isFalse();
    }

    @Test
    void aLetterIsAnsweredWithinFiveWorkingDaysAndRemindedTheWorkingDayBefore() {
        LocalDate thursday = LocalDate.of(2026, 3, 5);
        assertThat(LetterTerms.answerDue(thursday)).isEqualTo(LocalDate.of(2026, 3, 12));
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertThat(LetterTerms.remindDueBy(friday)).as("a letter due on Monday is reminded on Friday")
                .isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(LetterTerms.remindDueBy(thursday)).isEqualTo(friday);
    }
}
