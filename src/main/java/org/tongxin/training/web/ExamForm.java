package org.tongxin.training.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;

/**
 * The exam form as posted: the settings, and the parts as parallel lists, one entry per row of the parts table
 * (a rule: type, skill, difficulty, count, points; or a fixed question: its id, type and points). A rule row left
 * without a count is an unused blank row; rows whose index is in {@code partRemove} are dropped.
 */
record ExamForm(String title, Long ownerUnitId, Integer timeLimitMin, Integer passPercent, Integer attemptsAllowed,
                Integer minGapMinutes, Boolean shuffleQuestions, Boolean shuffleOptions, String review,
                String multipleScoring, @DateTimeFormat(pattern = LOCAL) LocalDateTime opensAt,
                @DateTimeFormat(pattern = LOCAL) LocalDateTime closesAt, List<String> partType,
                List<String> partSkill, List<String> partDifficulty, List<String> partCount, List<String> partPoints,
                List<String> partQuestionId, List<Integer> partRemove) {

    /** What a datetime-local field posts. */
    static final String LOCAL = "yyyy-MM-dd'T'HH:mm";

    /** A new exam's defaults: 30 minutes, pass at 60 %, no limit on attempts, shuffled, review after submitting. */
    static ExamForm blank(Long ownerUnitId) {
        return new ExamForm("", ownerUnitId, 30, 60, null, 0, true, true, "AFTER_SUBMIT", "HALF_FOR_SUBSET", null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static ExamForm of(Exams.Exam e) {
        ZoneId zone = ZoneId.systemDefault();
        return new ExamForm(e.title(), e.ownerUnitId(), e.timeLimitMin(), e.passPercent(), e.attemptsAllowed(),
                e.minGapMinutes(), e.shuffleQuestions(), e.shuffleOptions(), e.review(), e.multipleScoring().name(),
                e.opensAt() == null ? null : e.opensAt().atZoneSameInstant(zone).toLocalDateTime(),
                e.closesAt() == null ? null : e.closesAt().atZoneSameInstant(zone).toLocalDateTime(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The stored exam's settings with nothing changed, for adding fixed questions to it. */
    static Exams.Draft draftOf(Exams.Exam e) {
        return new Exams.Draft(e.title(), e.ownerUnitId(), e.timeLimitMin(), e.passPercent(), e.attemptsAllowed(),
                e.minGapMinutes(), e.shuffleQuestions(), e.shuffleOptions(), e.review(), e.multipleScoring(),
                e.opensAt(), e.closesAt());
    }

    Exams.Draft draft(long owner) {
        Grading.MultipleScoring scoring;
        try {
            scoring = Grading.MultipleScoring.valueOf(multipleScoring == null ? "" : multipleScoring);
        } catch (IllegalArgumentException e) {
            throw new Refusal("training.error.badSettings");
        }
        return new Exams.Draft(title, owner, timeLimitMin == null ? 0 : timeLimitMin,
                passPercent == null ? 0 : passPercent, attemptsAllowed, minGapMinutes == null ? 0 : minGapMinutes,
                Boolean.TRUE.equals(shuffleQuestions), Boolean.TRUE.equals(shuffleOptions), review, scoring,
                at(opensAt), at(closesAt));
    }

    /** The parts kept, in the order of the rows; a row that cannot be read is refused as a bad part. */
    List<Exams.Part> parts() {
        List<Exams.Part> parts = new ArrayList<>();
        int rows = partType == null ? 0 : partType.size();
        for (int i = 0; i < rows; i++) {
            if (partRemove != null && partRemove.contains(i)) {
                continue;
            }
            Long questionId = number(partQuestionId, i);
            String count = text(partCount, i);
            if (questionId == null && count.isEmpty()) {
                continue;
            }
            try {
                String skill = text(partSkill, i);
                String difficulty = text(partDifficulty, i);
                parts.add(new Exams.Part(parts.size() + 1, partType.get(i), questionId != null || skill.isEmpty() ? null
                        : skill, questionId != null || difficulty.isEmpty() ? null : Integer.valueOf(difficulty),
                        questionId, questionId != null ? 1 : Integer.parseInt(count), new BigDecimal(text(partPoints, i))));
            } catch (NumberFormatException e) {
                throw new Refusal("training.error.badPart");
            }
        }
        return parts;
    }

    private static String text(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    private static Long number(List<String> values, int i) {
        String t = text(values, i);
        return t.matches("\\d{1,18}") ? Long.valueOf(t) : null;
    }

    private static OffsetDateTime at(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
