package org.tongxin.care.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/** The chain of a hardship application through a tree of company 1 › union 4 › station 9 › group 12. */
class AidChainTests {

    static final List<Long> GROUP = List.of(1L, 4L, 9L, 12L);
    static final List<Long> STATION = List.of(1L, 4L, 9L);
    static final List<Long> UNION = List.of(1L, 4L);
    static final List<Long> COMPANY = List.of(1L);

    private static Viewer carer(long accountId, Long employeeId, Long... units) {
        return new Viewer(accountId, employeeId, "officer", Set.of(Role.OFFICER, Role.CARE), Set.of(units),
                Set.of(units), false);
    }

    private static Aid aid(String status, Long currentUnitId) {
        return new Aid(1, 77, 9, 2026, "ILLNESS", new BigDecimal("3000.00"), "sealed", status, currentUnitId, null, null,
                null, null, null, null, 5, null);
    }

    @Test
    void itStartsWithTheEmployeesOwnUnitOrTheCommitteeForTheTopUnit() {
        assertThat(AidChain.firstStep(STATION)).isEqualTo(9L);
        assertThat(AidChain.firstStep(UNION)).isEqualTo(4L);
        assertThat(AidChain.firstStep(COMPANY)).isNull();
    }

    @Test
    void eachApprovalClimbsOneUnitUntilTheUnitUnderTheTopHandsItToTheCommittee() {
        assertThat(AidChain.nextStep(carer(1, null, 12L), GROUP)).isEqualTo(9L);
        assertThat(AidChain.nextStep(carer(1, null, 9L), STATION)).isEqualTo(4L);
        assertThat(AidChain.nextStep(carer(1, null, 4L), UNION)).isNull();
        assertThat(AidChain.nextStep(carer(1, null, 1L), UNION)).isNull();
    }

    @Test
    void anOfficerHigherUpApprovesForEveryLevelUpToTheirOwn() {
        assertThat(AidChain.nextStep(carer(1, null, 9L), GROUP)).isEqualTo(4L);
        assertThat(AidChain.nextStep(carer(1, null, 4L), GROUP)).isNull();
        assertThat(AidChain.nextStep(carer(1, null, 9L, 12L), GROUP)).isEqualTo(4L);
        assertThatThrownBy(() -> AidChain.nextStep(carer(1, null, 30L), GROUP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCarersOfTheStepOrTheCommitteeDecideItOnceAndNeverTheirOwn() {
        Aid atStation = aid("SUBMITTED", 9L);
        assertThat(AidChain.reviewRefusal(atStation, carer(1, null, 9L), STATION, false)).isEmpty();
        assertThat(AidChain.reviewRefusal(atStation, carer(1, null, 4L), STATION, false)).isEmpty();
        assertThat(AidChain.reviewRefusal(atStation, carer(1, null, 12L), STATION, false))
                .contains("care.aid.notYourStep");
        assertThat(AidChain.reviewRefusal(atStation, carer(1, null, 9L), STATION, true))
                .contains("care.aid.reviewedBefore");
        assertThat(AidChain.reviewRefusal(atStation, carer(1, 77L, 9L), STATION, false))
                .contains("care.aid.ownApplication");
        Viewer committee = new Viewer(2, null, "committee", Set.of(Role.COMMITTEE), Set.of(), Set.of(), false);
        assertThat(AidChain.reviewRefusal(atStation, committee, STATION, false)).isEmpty();
        assertThat(AidChain.reviewRefusal(aid("IN_REVIEW", null), committee, null, false)).isEmpty();
        assertThat(AidChain.reviewRefusal(aid("IN_REVIEW", null), carer(1, null, 4L), null, false))
                .contains("care.aid.notYourStep");
        assertThat(AidChain.reviewRefusal(aid("APPROVED", null), committee, null, false)).contains("care.aid.decided");
    }

    @Test
    void amountsArePositiveYuanWithAtMostTwoDecimalsUpToTheCeiling() {
        assertThat(AidService.money("1500.5")).contains(new BigDecimal("1500.50"));
        assertThat(AidService.money(" 2,000 ")).contains(new BigDecimal("2000.00"));
        assertThat(AidService.money("100000")).isPresent();
        assertThat(AidService.money("100000.01")).isEmpty();
        assertThat(AidService.money("0")).isEmpty();
        assertThat(AidService.money("-5")).isEmpty();
        assertThat(AidService.money("1.005")).isEmpty();
        assertThat(AidService.money("三千")).isEmpty();
        assertThat(AidService.money("")).isEmpty();
    }
}
