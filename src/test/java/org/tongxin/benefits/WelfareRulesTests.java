package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.benefits.internal.WelfareBudget;
import org.tongxin.benefits.internal.WelfarePackage;
import org.tongxin.benefits.internal.WelfarePicks;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.benefits.internal.WelfareStock;
import org.tongxin.shared.web.Refusal;

/** The budget, stock and one-pick rules of holiday welfare, as plain functions. */
class WelfareRulesTests {

    static final BigDecimal CAP = new BigDecimal("1800");
    static final OffsetDateTime OPENS = OffsetDateTime.parse("2026-09-15T09:00+08:00");
    static final OffsetDateTime CLOSES = OffsetDateTime.parse("2026-09-22T18:00+08:00");

    static WelfarePackage pack(long id, long round, String price, int stock, int taken) {
        return new WelfarePackage(id, round, "礼包" + id, "", new BigDecimal(price), "供应商", stock, taken, (int) id);
    }

    static WelfareRound round(WelfareRound.Status status) {
        return new WelfareRound(7, 1, WelfareRound.Occasion.MID_AUTUMN, "中秋福利", 2026, new BigDecimal("300"),
                LocalDate.of(2026, 9, 1), OPENS, CLOSES, status, 1L, 10, new BigDecimal("3000"), OPENS);
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (Refusal e) {
            return e.messageKey();
        }
        return null;
    }

    @Test
    void aPackageCostsAtMostTheBudgetPerMember() {
        BigDecimal budget = new BigDecimal("300.00");
        assertThatCode(() -> WelfareBudget.checkPrice(new BigDecimal("300"), budget)).doesNotThrowAnyException();
        assertThat(refusal(() -> WelfareBudget.checkPrice(new BigDecimal("300.01"), budget)))
                .isEqualTo("benefits.welfare.error.priceOverBudget");
        assertThat(refusal(() -> WelfareBudget.checkPrice(BigDecimal.ZERO, budget))).isEqualTo("benefits.welfare.error.price");
        assertThat(refusal(() -> WelfareBudget.checkPrice(null, budget))).isEqualTo("benefits.welfare.error.price");
    }

    @Test
    void theBudgetPerMemberFitsUnderTheYearsCapWithTheOtherRoundsOfTheSameMembers() {
        assertThat(refusal(() -> WelfareBudget.checkBudgetPerMember(new BigDecimal("300"), null)))
                .isEqualTo("benefits.welfare.error.noCap");
        assertThat(refusal(() -> WelfareBudget.checkBudgetPerMember(new BigDecimal("1800.01"), CAP)))
                .isEqualTo("benefits.welfare.error.overCap");
        assertThat(refusal(() -> WelfareBudget.checkBudgetPerMember(new BigDecimal("-1"), CAP)))
                .isEqualTo("benefits.welfare.error.budget");
        assertThatCode(() -> WelfareBudget.checkOpening(new BigDecimal("300"), CAP, new BigDecimal("1500")))
                .doesNotThrowAnyException();
        assertThat(refusal(() -> WelfareBudget.checkOpening(new BigDecimal("300"), CAP, new BigDecimal("1500.01"))))
                .isEqualTo("benefits.welfare.error.overCapWithOthers");
    }

    @Test
    void aRoundsBudgetIsOnePackageAtMostTheBudgetPerMemberForEachMember() {
        assertThat(WelfareBudget.roundBudget(new BigDecimal("298.50"), 4)).isEqualByComparingTo("1194.00");
        assertThat(WelfareBudget.roundBudget(new BigDecimal("298.50"), 0)).isEqualByComparingTo("0");
    }

    @Test
    void aRoundOpensOnlyWithADefaultPackageStockedForEveryMember() {
        List<WelfarePackage> packages = List.of(pack(1, 7, "280", 100, 0), pack(2, 7, "300", 5, 0));
        assertThatCode(() -> WelfareStock.checkOpening(100, packages, 1L)).doesNotThrowAnyException();
        assertThat(refusal(() -> WelfareStock.checkOpening(101, packages, 1L)))
                .isEqualTo("benefits.welfare.error.defaultStock");
        assertThat(refusal(() -> WelfareStock.checkOpening(5, packages, null))).isEqualTo("benefits.welfare.error.noDefault");
        assertThat(refusal(() -> WelfareStock.checkOpening(5, packages, 9L))).isEqualTo("benefits.welfare.error.noDefault");
        assertThat(refusal(() -> WelfareStock.checkOpening(5, List.of(), 1L))).isEqualTo("benefits.welfare.error.noPackages");
        assertThat(refusal(() -> WelfareStock.checkOpening(0, packages, 1L))).isEqualTo("benefits.welfare.error.noMembers");
    }

    @Test
    void stockNeverFallsBelowWhatIsTakenNorTheDefaultBelowTheMembersOfAnOpenRound() {
        WelfarePackage popular = pack(2, 7, "300", 5, 4);
        assertThatCode(() -> WelfareStock.checkRestock(popular, 4, false, 100, true)).doesNotThrowAnyException();
        assertThat(refusal(() -> WelfareStock.checkRestock(popular, 3, false, 100, true)))
                .isEqualTo("benefits.welfare.error.stockBelowTaken");
        WelfarePackage def = pack(1, 7, "280", 100, 10);
        assertThat(refusal(() -> WelfareStock.checkRestock(def, 99, true, 100, true)))
                .isEqualTo("benefits.welfare.error.defaultStock");
        assertThatCode(() -> WelfareStock.checkRestock(def, 50, true, 100, false)).doesNotThrowAnyException();
        assertThat(refusal(() -> WelfareStock.checkRestock(def, -1, true, 100, false))).isEqualTo("benefits.welfare.error.stock");
    }

    @Test
    void aMemberPicksOnlyInTheWindowAndOnlyThisRoundsPackages() {
        WelfarePackage ours = pack(1, 7, "280", 100, 0);
        WelfareRound open = round(WelfareRound.Status.OPEN);
        assertThatCode(() -> WelfarePicks.check(open, OPENS, true, ours)).doesNotThrowAnyException();
        assertThatCode(() -> WelfarePicks.check(open, CLOSES.minusSeconds(1), true, ours)).doesNotThrowAnyException();
        assertThat(refusal(() -> WelfarePicks.check(open, CLOSES, true, ours))).isEqualTo("benefits.welfare.error.closed");
        assertThat(refusal(() -> WelfarePicks.check(open, OPENS.minusSeconds(1), true, ours)))
                .isEqualTo("benefits.welfare.error.notOpen");
        assertThat(refusal(() -> WelfarePicks.check(round(WelfareRound.Status.DRAFT), OPENS, true, ours)))
                .isEqualTo("benefits.welfare.error.notOpen");
        assertThat(refusal(() -> WelfarePicks.check(round(WelfareRound.Status.CLOSED), OPENS, true, ours)))
                .isEqualTo("benefits.welfare.error.closed");
        assertThat(refusal(() -> WelfarePicks.check(open, OPENS, false, ours))).isEqualTo("benefits.welfare.error.notEligible");
        assertThat(refusal(() -> WelfarePicks.check(open, OPENS, true, pack(3, 8, "280", 100, 0))))
                .isEqualTo("benefits.welfare.error.package");
        assertThatThrownBy(() -> WelfarePicks.check(open, OPENS, true, null)).isInstanceOf(Refusal.class);
    }
}
