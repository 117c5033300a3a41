package org.tongxin.training.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An answer as a page posts it, read by the question's type: the numbers of the choices ticked (the bank's numbering,
 * whatever order they were shown in) or the text typed for a fill-in.
 */
public record PostedAnswer(int[] chosen, String typed) {

    /** The answer in the values posted for a question's field; null when they hold no answer a question takes. */
    public static PostedAnswer of(String type, List<String> values) {
        List<String> sent = values == null ? List.of() : values;
        if (type.equals("FILL")) {
            return new PostedAnswer(null, sent.isEmpty() ? "" : sent.getFirst());
        }
        int[] chosen;
        try {
            chosen = sent.stream().filter(v -> !v.isBlank()).mapToInt(v -> Integer.parseInt(v.strip())).toArray();
        } catch (NumberFormatException e) {
            return null;
        }
        if (!type.equals("MULTIPLE") && chosen.length != 1) {
            return null;
        }
        return new PostedAnswer(chosen, null);
    }

    /** Whether the item already holds this answer, so saving it again would change nothing. */
    public boolean sameAs(Attempts.Item item) {
        if (item.answeredAt() == null) {
            return false;
        }
        if (typed != null) {
            return Objects.equals(typed.strip(), item.typed());
        }
        return item.chosen() != null && Arrays.equals(Arrays.stream(chosen).distinct().sorted().toArray(), item.chosen());
    }
}
