package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.live.LiveHistory;
import org.tongxin.publicity.PublicityHistory;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.TrainingHistory;

/**
 * The demo enterprise gives the training, publicity and live charts a year: their histories, which the read model is
 * rebuilt from after the demo loads, hold records in every month of it, at their backdated days.
 */
class LearningDemoYearTests extends IntegrationTestSupport {

    @Autowired
    TrainingHistory training;
    @Autowired
    PublicityHistory publicity;
    @Autowired
    LiveHistory live;

    /** The months from {@code from} months ago to {@code to} months ago. */
    private static List<YearMonth> months(int from, int to) {
        List<YearMonth> out = new ArrayList<>();
        for (int m = from; m >= to; m--) {
            out.add(YearMonth.now().minusMonths(m));
        }
        return out;
    }

    @Test
    void everyMonthOfTheYearHasEnrolmentsAndCompletionsItemsAndReadsAndSessionsWithViewers() {
        Set<YearMonth> enrolled = new TreeSet<>();
        Set<YearMonth> completed = new TreeSet<>();
        training.replayEnrolments(e -> {
            enrolled.add(YearMonth.from(e.enrolledOn()));
            if (e.completedOn() != null) {
                completed.add(YearMonth.from(e.completedOn()));
            }
        });
        assertThat(enrolled).containsAll(months(11, 0));
        assertThat(completed).containsAll(months(11, 1));
        Set<YearMonth> attempted = new TreeSet<>();
        Set<String> standings = new TreeSet<>();
        training.replayStandings(s -> {
            s.attempts().forEach(a -> attempted.add(YearMonth.from(a.on())));
            if (s.passedOn() == null && !s.attempts().isEmpty() && s.closesOn().isBefore(YearMonth.now().atDay(1))) {
                standings.add(s.assessmentId() + ":" + s.employeeId());
            }
        });
        // Rounds ten, seven and four months ago and now; some of the earlier ones still in retraining.
        assertThat(attempted).contains(YearMonth.now().minusMonths(10), YearMonth.now().minusMonths(7),
                YearMonth.now().minusMonths(4));
        assertThat(standings).isNotEmpty();

        Set<YearMonth> published = new TreeSet<>();
        publicity.replayItems(i -> published.add(YearMonth.from(i.publishedOn())));
        Set<YearMonth> read = new TreeSet<>();
        publicity.replayReads(r -> read.add(YearMonth.from(r.readOn())));
        Set<YearMonth> shared = new TreeSet<>();
        publicity.replayShares(s -> shared.add(YearMonth.from(s.day())));
        assertThat(published).containsAll(months(11, 1));
        assertThat(read).containsAll(months(11, 1));
        assertThat(shared).containsAll(months(11, 1));

        Set<YearMonth> held = new TreeSet<>();
        live.replaySessions(s -> {
            if (s.wentLiveOn() != null) {
                held.add(YearMonth.from(s.wentLiveOn()));
            }
        });
        Set<YearMonth> watched = new TreeSet<>();
        live.replayViewings(v -> {
            if (v.minutes() > 0) {
                watched.add(YearMonth.from(v.firstOn()));
            }
        });
        assertThat(held).containsAll(months(11, 1));
        assertThat(watched).containsAll(months(11, 1));
    }
}
