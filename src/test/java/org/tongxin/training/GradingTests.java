package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Grading.MultipleScoring;

/** Every question type, and the two rules for multiple choice. */
class GradingTests {

    private static final BigDecimal TWO = new BigDecimal("2.00");

    private static BigDecimal choice(String type, int[] correct, int[] chosen, MultipleScoring rule) {
        return Grading.score(type, correct, List.of(), chosen, null, TWO, rule);
    }

    @Test
    void singleChoiceAndTrueFalseScoreOnlyTheRightChoice() {
        assertThat(choice("SINGLE", new int[]{2}, new int[]{2}, MultipleScoring.ALL_OR_NOTHING)).isEqualByComparingTo("2");
        assertThat(choice("SINGLE", new int[]{2}, new int[]{1}, MultipleScoring.ALL_OR_NOTHING)).isZero();
        assertThat(choice("SINGLE", new int[]{2}, null, MultipleScoring.ALL_OR_NOTHING)).isZero();
        assertThat(choice("SINGLE", new int[]{2}, new int[]{2, 1}, MultipleScoring.ALL_OR_NOTHING)).isZero();
        assertThat(choice("TRUE_FALSE", new int[]{1}, new int[]{1}, MultipleScoring.ALL_OR_NOTHING)).isEqualByComparingTo("2");
        assertThat(choice("TRUE_FALSE", new int[]{1}, new int[]{0}, MultipleScoring.ALL_OR_NOTHING)).isZero();
    }

    @Test
    void multipleChoiceAllOrNothingScoresOnlyTheExactSet() {
        int[] correct = {0, 2, 3};
        assertThat(choice("MULTIPLE", correct, new int[]{3, 0, 2}, MultipleScoring.ALL_OR_NOTHING)).isEqualByComparingTo("2");
        assertThat(choice("MULTIPLE", correct, new int[]{0, 2}, MultipleScoring.ALL_OR_NOTHING)).isZero();
        assertThat(choice("MULTIPLE", correct, new int[]{0, 1, 2, 3}, MultipleScoring.ALL_OR_NOTHING)).isZero();
        assertThat(choice("MULTIPLE", correct, new int[0], MultipleScoring.ALL_OR_NOTHING)).isZero();
    }

    @Test
    void multipleChoiceHalfForSubsetGivesHalfForSomeRightAndNothingForAnyWrong() {
        int[] correct = {0, 2, 3};
        assertThat(choice("MULTIPLE", correct, new int[]{0, 2, 3}, MultipleScoring.HALF_FOR_SUBSET)).isEqualByComparingTo("2");
        assertThat(choice("MULTIPLE", correct, new int[]{0, 2}, MultipleScoring.HALF_FOR_SUBSET)).isEqualByComparingTo("1");
        assertThat(choice("MULTIPLE", correct, new int[]{3}, MultipleScoring.HALF_FOR_SUBSET)).isEqualByComparingTo("1");
        assertThat(choice("MULTIPLE", correct, new int[]{0, 1}, MultipleScoring.HALF_FOR_SUBSET)).isZero();
        assertThat(choice("MULTIPLE", correct, new int[]{0, 1, 2, 3}, MultipleScoring.HALF_FOR_SUBSET)).isZero();
        assertThat(choice("MULTIPLE", correct, null, MultipleScoring.HALF_FOR_SUBSET)).isZero();
        assertThat(Grading.score("MULTIPLE", correct, List.of(), new int[]{0}, null, new BigDecimal("3"),
                MultipleScoring.HALF_FOR_SUBSET)).isEqualByComparingTo("1.50");
    }

    @Test
    void fillInMatchesAnyAcceptedAnswerIgnoringWidthCaseAndSpaces() {
        List<String> accepted = List.of("12351", "全国总工会热线");
        assertThat(Grading.score("FILL", new int[0], accepted, null, " １２３５１ ", TWO, MultipleScoring.ALL_OR_NOTHING))
                .isEqualByComparingTo("2");
        assertThat(Grading.score("FILL", new int[0], accepted, null, "全国总工会热线", TWO, MultipleScoring.ALL_OR_NOTHING))
                .isEqualByComparingTo("2");
        assertThat(Grading.score("FILL", new int[0], List.of("Wi-Fi"), null, "wi-fi", TWO, MultipleScoring.ALL_OR_NOTHING))
                .isEqualByComparingTo("2");
        assertThat(Grading.score("FILL", new int[0], List.of("two words"), null, "two   words", TWO,
                MultipleScoring.ALL_OR_NOTHING)).isEqualByComparingTo("2");
        assertThat(Grading.score("FILL", new int[0], accepted, null, "12350", TWO, MultipleScoring.ALL_OR_NOTHING)).isZero();
        assertThat(Grading.score("FILL", new int[0], accepted, null, "  ", TWO, MultipleScoring.ALL_OR_NOTHING)).isZero();
    }

    @Test
    void percentIsOfTheMaximum() {
        assertThat(Grading.percent(new BigDecimal("17"), new BigDecimal("30"))).isEqualByComparingTo("56.67");
    }
}
