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
    }

    @Test
    void theDemoEmployeeHasAReplyWaitingForTheirRating() {
        assertThat(jdbc.sql("""
                        SELECT a.status FROM rights_appeal a JOIN employee e ON e.id = a.employee_id
                        WHERE e.emp_no = '100090' AND a.category = 'WAGES'""").query(String.class).list())
                .containsExactly("REPLIED");
    }
}
