package org.tongxin.training.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tongxin.training.internal.Questions;

/**
 * The question form as posted: the type (fixed per form), the stem, up to eight choices A–H with the correct ones
 * ticked by their letter's place, the true/false answer, the accepted answers of a fill-in one per line (or
 * separated by |), the skill tag, difficulty and explanation.
 */
record BankForm(String type, String stem, List<String> options, List<Integer> correct, Integer truth,
                String accepted, String skill, Integer difficulty, String explanation) {

    static final int CHOICES = 8;
    /** The letters of the choices, A for the first. */
    static final List<String> LETTERS = List.of("A", "B", "C", "D", "E", "F", "G", "H");

    /** The form of a stored question, for editing. */
    static BankForm of(Questions.Question q) {
        List<Integer> correct = Arrays.stream(q.correct()).boxed().toList();
        return new BankForm(q.type(), q.stem(), q.options(), correct,
                q.type().equals("TRUE_FALSE") ? q.correct()[0] : null, String.join("\n", q.accepted()), q.skill(),
                q.difficulty(), q.explanation());
    }

    /** An empty form of a type. */
    static BankForm blank(String type) {
        return new BankForm(type, "", List.of(), List.of(), null, "", "", 2, "");
    }

    /**
     * The draft for {@code TrainingAdmin}: blank choices are dropped and the correct ticks renumbered to the
     * choices kept; a tick on a blank choice becomes an invalid number, so the check refuses it.
     */
    Questions.Draft draft() {
        List<String> given = options == null ? List.of() : options;
        List<String> kept = new ArrayList<>();
        int[] renumbered = new int[Math.max(CHOICES, given.size())];
        for (int i = 0; i < given.size(); i++) {
            String o = given.get(i) == null ? "" : given.get(i).strip();
            renumbered[i] = o.isEmpty() ? -1 : kept.size();
            if (!o.isEmpty()) {
                kept.add(o);
            }
        }
        int[] ticks = correct == null ? new int[0] : correct.stream().filter(c -> c != null)
                .mapToInt(c -> c >= 0 && c < given.size() ? renumbered[c] : -1).toArray();
        int[] chosen = "TRUE_FALSE".equals(type) ? (truth == null ? new int[0] : new int[]{truth}) : ticks;
        List<String> answers = accepted == null ? List.of() : Arrays.stream(accepted.split("[\\r\\n|｜]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Questions.Draft(type, stem, kept, chosen, answers, skill, difficulty == null ? 0 : difficulty,
                explanation);
    }

    /** The choice written at place {@code i}, blank past the last. */
    public String option(int i) {
        return options != null && i < options.size() && options.get(i) != null ? options.get(i) : "";
    }

    public boolean ticked(int i) {
        return correct != null && correct.contains(i);
    }
}
