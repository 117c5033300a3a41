package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an answer scores. Single choice and true/false: full points for the right choice. Multiple choice:
 * ALL_OR_NOTHING scores only the exact set of correct choices; HALF_FOR_SUBSET (the usual rule of Chinese exams,
 * 少选得一半、错选不得分) scores 0 for any wrong choice and half the points for some but not all of the correct
 * ones. Fill-in: full points when the text typed equals an accepted answer after NFKC (full-width letters and
 * digits become half-width), trimming, collapsing inner spaces and ignoring case. Nothing answered scores 0.
 */
public final class Grading {

    /** How multiple-choice questions score (per exam). */
    public enum MultipleScoring {
        ALL_OR_NOTHING, HALF_FOR_SUBSET
    }

    private Grading() {
    }

    public static BigDecimal score(String type, int[] correct, List<String> accepted, int[] chosen, String typed,
                                   BigDecimal points, MultipleScoring multiple) {
        switch (type) {
            case "SINGLE", "TRUE_FALSE" -> {
                return chosen != null && chosen.length == 1 && chosen[0] == correct[0] ? points : BigDecimal.ZERO;
            }
            case "MULTIPLE" -> {
                if (chosen == null || chosen.length == 0) {
                    return BigDecimal.ZERO;
                }
                int[] want = Arrays.stream(correct).distinct().sorted().toArray();
                int[] got = Arrays.stream(chosen).distinct().sorted().toArray();
                if (Arrays.equals(want, got)) {
                    return points;
                }
                boolean anyWrong = Arrays.stream(got).anyMatch(c -> Arrays.binarySearch(want, c) < 0);
                if (anyWrong || multiple == MultipleScoring.ALL_OR_NOTHING) {
                    return BigDecimal.ZERO;
                }
                return points.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            }
            case "FILL" -> {
                if (typed == null || typed.isBlank()) {
                    return BigDecimal.ZERO;
                }
                String answer = normal(typed);
                return accepted.stream().map(Grading::normal).anyMatch(answer::equals) ? points : BigDecimal.ZERO;
            }
            default -> throw new IllegalArgumentException("question type " + type);
        }
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Percent of the maximum, two decimals. */
    public static BigDecimal percent(BigDecimal score, BigDecimal max) {
        return score.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
    }
}
