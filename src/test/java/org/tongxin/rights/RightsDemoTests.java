package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.support.IntegrationTestSupport;

/** A newcomer running the demo finds appeals in every category and state. */
class RightsDemoTests extends IntegrationTestSupport {

    List<String> column(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    @Test
    void theDemoHasAppealsInEveryCategoryAndState() {
        assertThat(column("SELECT DISTINCT category FROM rights_appeal"))
                .contains("WAGES", "HOURS", "SAFETY", "CONTRACT", "LIVING", "HARASSMENT", "OTHER");
        assertThat(column("SELECT DISTINCT status FROM rights_appeal"))
                .contains("SUBMITTED", "ACCEPTED", "REPLIED", "CLOSED", "MEDIATION");
        assertThat(column("SELECT DISTINCT identity FROM rights_appeal")).contains("NAMED", "CONFIDENTIAL", "ANONYMOUS");
        assertThat(jdbc.sql("SELECT count(*) FROM rights_appeal WHERE reopened").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM rights_appeal WHERE escalations > 0").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT date_trunc('month', created_at)) FROM rights_appeal")
                .query(Long.class).single()).as("a history over the months").isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("""
                        SELECT avg(extract(epoch FROM replied_at - accepted_at)) > 86400
                          AND avg(extract(epoch FROM accepted_at - created_at)) > 3600
                        FROM rights_appeal WHERE replied_at IS NOT NULL AND status = 'CLOSED'""")
                .query(Boolean.class).single()).as("the figures show times taken").isTrue();
    }

    @Test
    void theDemoEmployeeHasAReplyWaitingForTheirRating() {
        assertThat(jdbc.sql("""
                        SELECT a.status FROM rights_appeal a JOIN employee e ON e.id = a.employee_id
                        WHERE e.emp_no = '100090' AND a.category = 'WAGES'""").query(String.class).list())
                .containsExactly("REPLIED");
    }

    @Test
    void theDemoHasAnAgreedMediationCaseLettersWithAnswersAndLegalAid() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM rights_mediation m
                        WHERE m.status = 'AGREED' AND m.appeal_id IS NOT NULL
                          AND (SELECT count(*) FROM rights_mediation_session s WHERE s.mediation_id = m.id) = 2
                          AND m.accepted_on < m.closed_on""").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM rights_letter WHERE status = 'ANSWERED' AND published_at IS NOT NULL")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM rights_letter WHERE status = 'SENT'").query(Long.class).single())
                .isPositive();
        assertThat(column("SELECT DISTINCT status FROM rights_legal_aid")).contains("BOOKED", "REQUESTED");
    }
}
