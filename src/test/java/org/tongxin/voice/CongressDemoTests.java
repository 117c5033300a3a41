package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.MotionQueries;
import org.tongxin.voice.internal.Motions;

/** The demo enterprise's workers' congress, as the demo logins find it. */
class CongressDemoTests extends IntegrationTestSupport {

    @Autowired
    Motions motions;
    @Autowired
    MotionQueries queries;

    private long session() {
        return jdbc.sql("""
                        SELECT c.id FROM voice_congress c JOIN org_unit u ON u.id = c.unit_id
                        WHERE u.kind = 'COMPANY_UNION' AND c.title = '第三届职工代表大会第二次会议' ORDER BY c.id LIMIT 1""")
                .query(Long.class).single();
    }

    @Test
    void theCompanyUnionsSessionHasSixRepresentativesWithTheDemoEmployeeAndMotionsAtEveryStep() {
        long session = session();
        Motions.Congress c = motions.congress(session);
        assertThat(c.open(LocalDate.now())).as("the filing window is open").isTrue();
        assertThat(c.cosignersNeeded()).isEqualTo(2);
        long employee = fixtures.employeeId("100090");
        assertThat(motions.representatives(session)).hasSize(6).contains(employee);
        assertThat(queries.counts(session)).containsEntry("FILED", 2L).containsEntry("ACCEPTED", 1L)
                .containsEntry("ASSIGNED", 1L).containsEntry("ANSWERED", 1L).containsEntry("CLOSED", 1L)
                .containsEntry("REOPENED", 1L).containsEntry("CONVERTED", 1L).containsEntry("DECLINED", 1L);
        assertThat(queries.satisfaction(session)).containsEntry("SATISFIED", 1L).containsEntry("REOPENED_ONCE", 1L);

        // The demo employee: one own collecting co-signers, one to rate, one closed; one colleague's to co-sign.
        assertThat(queries.mine(employee)).extracting(Motions.Motion::status)
                .containsExactlyInAnyOrder("FILED", "ANSWERED", "CLOSED");
        assertThat(queries.mine(employee)).filteredOn(m -> m.status().equals("FILED")).singleElement()
                .satisfies(m -> assertThat(m.cosigns()).isOne());
        assertThat(queries.toCosign(employee, LocalDate.now())).hasSize(1);

        // The demo officer's station answers one.
        long station = jdbc.sql("SELECT id FROM org_unit WHERE name = '蒲江收费站分会'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM voice_motion WHERE congress_id = ? AND status = 'ASSIGNED'"
                + " AND handling_unit_id = ? AND due_on > current_date").params(session, station).query(Long.class)
                .single()).isOne();

        Motions.Motion converted = queries.ofCongress(session).stream().filter(m -> m.status().equals("CONVERTED"))
                .findFirst().orElseThrow();
        assertThat(jdbc.sql("SELECT submitter_id FROM voice_suggestion WHERE id = ?").param(converted.suggestionId())
                .query(Long.class).single()).isEqualTo(converted.proposerId());
        Motions.Motion reopened = queries.ofCongress(session).stream().filter(m -> m.status().equals("REOPENED"))
                .findFirst().orElseThrow();
        assertThat(motions.answers(reopened.id())).singleElement()
                .satisfies(a -> assertThat(a.rating()).isEqualTo("NOT_SATISFIED"));
        assertThat(queries.ofCongress(session)).filteredOn(Motions.Motion::isPublic).extracting(Motions.Motion::caseNo)
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_motion WHERE congress_id = ? AND created_at < now() - interval '7 days'")
                .param(session).query(Long.class).single()).as("spread over the window").isGreaterThanOrEqualTo(4);
        assertThat(List.of(converted.id(), reopened.id())).doesNotHaveDuplicates();
    }
}
