package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tongxin.activity.internal.Activity;
import org.tongxin.activity.internal.SignUp;

/** The life cycle as people see it, and the lottery's shuffle. */
class ActivityRulesTests {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-01T09:00:00+08:00");

    private static Activity activity(String status) {
        return new Activity(1, "t", "OTHER", "", null, null, T, T.plusHours(2), T.minusDays(7), T.minusDays(1), 10,
                "MEMBERS", 1L, false, null, null, 1, status, null, "tok", null, 1);
    }

    @Test
    void thePhaseFollowsTheClockOncePublished() {
        Activity a = activity("PUBLISHED");
        assertThat(a.phase(T.minusDays(8))).isEqualTo(Activity.Phase.PUBLISHED);
        assertThat(a.phase(T.minusDays(3))).isEqualTo(Activity.Phase.SIGNUP_OPEN);
        assertThat(a.phase(T.minusHours(1))).isEqualTo(Activity.Phase.SIGNUP_CLOSED);
        assertThat(a.phase(T.plusHours(3))).isEqualTo(Activity.Phase.HELD);
        assertThat(activity("DRAFT").phase(T.minusDays(3))).isEqualTo(Activity.Phase.DRAFT);
        assertThat(activity("CANCELLED").phase(T.minusDays(3))).isEqualTo(Activity.Phase.CANCELLED);
        assertThat(activity("SUMMARISED").phase(T)).isEqualTo(Activity.Phase.SUMMARISED);
    }

    @Test
    void theShuffleIsAPermutationFixedByItsSeed() {
        List<Long> ids = LongStream.rangeClosed(1, 50).boxed().toList();
        List<Long> a = SignUp.shuffled(ids, "2026-12-01 抽签");
        assertThat(a).containsExactlyInAnyOrderElementsOf(ids).isNotEqualTo(ids);
        assertThat(SignUp.shuffled(ids, "2026-12-01 抽签")).isEqualTo(a);
        assertThat(SignUp.shuffled(ids, "another seed")).isNotEqualTo(a);
    }
}
