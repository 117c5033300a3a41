package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.Points;

/** The demo enterprise's voice, as the demo logins find it. */
class VoiceDemoTests extends IntegrationTestSupport {

    private static final String STATION = "蒲江收费站分会";

    @Autowired
    Points points;
    @Autowired
    Evaluations evaluations;

    private long stationId() {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(STATION).query(Long.class).single();
    }

    @Test
    void suggestionsAtEveryStepMostAtTheDemoStationOneOverdueAndChasedAndTheDemoEmployeesPoints() {
        String demo = """
                SELECT %s FROM voice_suggestion s JOIN org_unit u ON u.id = s.unit_id
                WHERE u.path LIKE (SELECT path FROM org_unit WHERE name = '蒲江收费站分会') || '%%'""";
        assertThat(jdbc.sql(demo.formatted("DISTINCT s.status")).query(String.class).list())
                .contains("SUBMITTED", "RETURNED", "ACCEPTED", "ASSIGNED", "ADOPTED", "DECLINED", "IMPLEMENTED",
                        "VERIFIED", "RECOGNISED");
        assertThat(jdbc.sql(demo.formatted("count(*)") + " AND s.due_on < current_date AND s.chased > 0")
                .query(Long.class).single()).as("overdue and chased").isOne();
        assertThat(jdbc.sql(demo.formatted("count(*)") + " AND s.anonymous AND s.status = 'ADOPTED'")
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql(demo.formatted("count(*)") + " AND s.status = 'SUBMITTED' AND s.holder_unit_id = ?")
                .param(stationId()).query(Long.class).single()).as("one waiting for the demo officer").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM voice_suggestion WHERE created_at < now() - interval '50 days'")
                .query(Long.class).single()).as("spread over the past weeks").isGreaterThanOrEqualTo(2);

        long employee = fixtures.employeeId("100090");
        assertThat(jdbc.sql("SELECT status FROM voice_suggestion WHERE submitter_id = ?").param(employee)
                .query(String.class).list()).containsExactlyInAnyOrder("RECOGNISED", "IMPLEMENTED", "SUBMITTED", "DECLINED");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM voice_suggestion WHERE submitter_id = ? AND status = 'RECOGNISED'
                          AND value_confirmed_by IS NOT NULL AND value_yuan > 0""").param(employee).query(Long.class)
                .single()).isOne();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM voice_suggestion_file f JOIN voice_suggestion s ON s.id = f.suggestion_id
                        WHERE s.submitter_id = ? AND s.status = 'RECOGNISED' AND f.kind = 'PICTURE'""").param(employee)
                .query(Long.class).single()).as("two photos with the recognised one").isEqualTo(2);
        assertThat(points.balance(employee)).isEqualTo(20 + 50 + 20);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_suggestion WHERE status = 'RECOGNISED' AND unit_id <> ?")
                .param(stationId()).query(Long.class).single()).as("one elsewhere on the board").isPositive();
    }

    @Test
    void anEvaluationRoundAtTheStationShowsTheChairsResultAndNotTheViceChairs() {
        long round = jdbc.sql("SELECT id FROM voice_evaluation WHERE unit_id = ? ORDER BY id LIMIT 1")
                .param(stationId()).query(Long.class).single();
        Viewer organiser = new Viewer(fixtures.adminAccountId(), null, "officer", Set.of(Role.OFFICER),
                Set.of(stationId()), Set.of(), false);
        List<Evaluations.Result> results = evaluations.results(organiser, round);
        assertThat(results).hasSize(2);
        long chair = fixtures.employeeId("100066");
        assertThat(results).filteredOn(r -> r.evalueeId() == chair).singleElement()
                .satisfies(r -> assertThat(r.shown()).isTrue()).satisfies(r -> assertThat(r.ballots()).isEqualTo(6));
        assertThat(results).filteredOn(r -> r.evalueeId() != chair).singleElement()
                .satisfies(r -> assertThat(r.shown()).isFalse()).satisfies(r -> assertThat(r.ballots()).isZero());
        assertThat(jdbc.sql("SELECT count(*) FROM voice_voted WHERE evaluation_id = ?").param(round).query(Long.class)
                .single()).isEqualTo(9);
        assertThat(evaluations.find(round).open(LocalDate.now())).isTrue();
    }
}
