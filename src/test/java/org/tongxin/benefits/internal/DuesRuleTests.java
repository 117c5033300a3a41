package org.tongxin.benefits.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class DuesRuleTests {

    private final DuesRule rule = new DuesRule(new BigDecimal("0.005"));

    @Test
    void theMonthsDuesAreBaseTimesRateRoundedHalfUpToTheFen() {
        assertThat(rule.amount(new BigDecimal("6000.00"), rule.defaultRate())).isEqualByComparingTo("30.00");
        assertThat(rule.amount(new BigDecimal("7333.33"), new BigDecimal("0.005"))).isEqualTo(new BigDecimal("36.67"));
        assertThat(rule.amount(new BigDecimal("4321.00"), new BigDecimal("0.005"))).isEqualTo(new BigDecimal("21.61"));
        assertThat(rule.amount(new BigDecimal("4320.99"), new BigDecimal("0.005"))).isEqualTo(new BigDecimal("21.60"));
        assertThat(rule.amount(new BigDecimal("5000.00"), BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aPayrollAmountIsTakenWhenItAgreesWithinOneFen() {
        BigDecimal computed = new BigDecimal("36.67");
        assertThat(rule.agrees(new BigDecimal("36.66"), computed)).isTrue();
        assertThat(rule.agrees(new BigDecimal("36.68"), computed)).isTrue();
        assertThat(rule.agrees(new BigDecimal("36.65"), computed)).isFalse();
        assertThat(rule.agrees(new BigDecimal("37"), computed)).isFalse();
    }

    @Test
    void ratesAreFractionsOrPercentagesBetweenZeroAndFivePercent() {
        assertThat(DuesRule.rate("0.5%")).contains(new BigDecimal("0.005"));
        assertThat(DuesRule.rate("0.005")).contains(new BigDecimal("0.005"));
        assertThat(DuesRule.rate("1％")).contains(new BigDecimal("0.01"));
        assertThat(DuesRule.rate("half")).isEmpty();
        assertThat(rule.rateAllowed(new BigDecimal("0.05"))).isTrue();
        assertThat(rule.rateAllowed(BigDecimal.ZERO)).isTrue();
        assertThat(rule.rateAllowed(new BigDecimal("0.0501"))).isFalse();
        assertThat(rule.rateAllowed(new BigDecimal("0.5"))).as("0.5 is 50 %, not 0.5 %").isFalse();
        assertThat(rule.rateAllowed(new BigDecimal("-0.001"))).isFalse();
    }

    @Test
    void aBaseWageIsPositiveAndNoMoreThanTwoHundredThousand() {
        assertThat(rule.baseAllowed(new BigDecimal("0.01"))).isTrue();
        assertThat(rule.baseAllowed(new BigDecimal("200000.00"))).isTrue();
        assertThat(rule.baseAllowed(BigDecimal.ZERO)).isFalse();
        assertThat(rule.baseAllowed(new BigDecimal("-4500"))).isFalse();
        assertThat(rule.baseAllowed(new BigDecimal("200000.01"))).isFalse();
        assertThat(DuesRule.money("¥6,500.50")).contains(new BigDecimal("6500.50"));
        assertThat(DuesRule.money("六千")).isEmpty();
    }

    @Test
    void monthsAreReadAsPayrollWritesThemAndGoUpToNextMonth() {
        assertThat(DuesRule.month("2026-03")).contains(YearMonth.of(2026, 3));
        assertThat(DuesRule.month("2026/3")).contains(YearMonth.of(2026, 3));
        assertThat(DuesRule.month("202603")).contains(YearMonth.of(2026, 3));
        assertThat(DuesRule.month("2026年3月")).contains(YearMonth.of(2026, 3));
        assertThat(DuesRule.month("2026-03-01")).contains(YearMonth.of(2026, 3));
        assertThat(DuesRule.month("2026-13")).isEmpty();
        assertThat(DuesRule.month("March")).isEmpty();
        YearMonth now = YearMonth.of(2026, 11);
        assertThat(rule.monthAllowed(YearMonth.of(2026, 12), now)).isTrue();
        assertThat(rule.monthAllowed(YearMonth.of(2027, 1), now)).isFalse();
        assertThat(rule.monthAllowed(YearMonth.of(1999, 12), now)).isFalse();
    }

    @Test
    void theDefaultRateIsConfigurableWithinTheSameBounds() {
        assertThat(new DuesRule(new BigDecimal("0.01")).amount(new BigDecimal("5000"), new DuesRule(
                new BigDecimal("0.01")).defaultRate())).isEqualByComparingTo("50.00");
        assertThatThrownBy(() -> new DuesRule(new BigDecimal("0.06"))).isInstanceOf(IllegalArgumentException.class);
    }
}
