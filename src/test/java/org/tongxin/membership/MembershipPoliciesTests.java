package org.tongxin.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongxin.membership.internal.CardTokens;
import org.tongxin.membership.internal.DecisionDeadline;
import org.tongxin.membership.internal.JoiningPolicy;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.shared.crypto.FieldCipher;

class MembershipPoliciesTests {

    private static EmployeeSummary employee(EmployeeStatus status) {
        return new EmployeeSummary(1, "100001", "张伟", status, 5, "蒲江收费站分会", "站务", "收费员");
    }

    @Test
    void theDeadlineCountsWorkingDaysOnly() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(DecisionDeadline.dueOn(monday, 1)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(DecisionDeadline.dueOn(monday, 5)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DecisionDeadline.dueOn(monday, 15)).isEqualTo(LocalDate.of(2026, 12, 14));
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        assertThat(DecisionDeadline.dueOn(saturday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> DecisionDeadline.dueOn(monday, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEmployeesOnTheBooksWithoutMembershipOrOpenApplicationMayApply() {
        assertThat(JoiningPolicy.refusal(employee(EmployeeStatus.ACTIVE), false, false)).isEmpty();
        assertThat(JoiningPolicy.refusal(employee(EmployeeStatus.LEAVE), false, false)).isEmpty();
        assertThat(JoiningPolicy.refusal(employee(EmployeeStatus.LEFT), false, false))
                .contains("membership.refused.notEmployee");
        assertThat(JoiningPolicy.refusal(employee(EmployeeStatus.RETIRED), false, false))
                .contains("membership.refused.notEmployee");
        assertThat(JoiningPolicy.refusal(null, false, false)).contains("membership.refused.notEmployee");
        assertThat(JoiningPolicy.refusal(employee(EmployeeStatus.ACTIVE), true, false))
                .contains("membership.refused.member");
        assertThat(JoiningPolicy.refusal(employee(EmployeeStatus.ACTIVE), false, true))
                .contains("membership.refused.open");
    }

    @Test
    void aCardTokenIsValidForFiveMinutesAndCannotBeForged() {
        CardTokens tokens = new CardTokens(
                new FieldCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        Instant issued = Instant.parse("2026-11-26T08:00:00Z");
        String token = tokens.issue(42, issued);

        assertThat(tokens.check(token, issued.plusSeconds(299))).isEqualTo(new CardTokens.Result(CardTokens.Check.VALID, 42L));
        assertThat(tokens.check(token, issued.plusSeconds(301)).check()).isEqualTo(CardTokens.Check.EXPIRED);
        String forged = token.replaceFirst("^42\\.", "43.");
        assertThat(tokens.check(forged, issued).check()).isEqualTo(CardTokens.Check.INVALID);
        assertThat(tokens.check("garbage", issued).check()).isEqualTo(CardTokens.Check.INVALID);
        assertThat(tokens.check(null, issued).check()).isEqualTo(CardTokens.Check.INVALID);
    }
}
