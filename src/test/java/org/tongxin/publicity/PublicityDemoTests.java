package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.support.IntegrationTestSupport;

/** The demo enterprise's publicity, as a newcomer finds it. */
class PublicityDemoTests extends IntegrationTestSupport {

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aDozenPublishedItemsWithPicturesTwoVideosAndOneItemAtEachStep() {
        long published = count("SELECT count(*) FROM publicity_item WHERE status = 'PUBLISHED' AND created_by IN "
                + "(SELECT id FROM account WHERE username = 'admin' OR employee_id IN "
                + "(SELECT id FROM employee WHERE emp_no IN ('100023', '100066')))");
        assertThat(published).isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("SELECT DISTINCT category FROM publicity_item WHERE status = 'PUBLISHED'")
                .query(String.class).list()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM publicity_item WHERE kind = 'VIDEO' AND status = 'PUBLISHED' "
                + "AND poster_key IS NOT NULL AND video_seconds = 8")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(DISTINCT item_id) FROM publicity_picture")).isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(*) FROM publicity_item WHERE status = 'PUBLISHED' AND internal")).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM publicity_item WHERE status <> 'PUBLISHED'").query(String.class).list())
                .contains("SUBMITTED", "RETURNED", "DRAFT");
        assertThat(count("SELECT count(*) FROM publicity_item WHERE status = 'SUBMITTED' AND publish_at > now()"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM publicity_item WHERE status = 'PUBLISHED' "
                + "AND body_html LIKE '%/publicity/pictures/%/image%'")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void readsAndSharesAreSpreadButTheDemoEmployeeHasReadNothingAndTheExampleRobotsSendNothing() {
        assertThat(count("SELECT count(*) FROM publicity_read WHERE employee_id IS NOT NULL")).isGreaterThan(100);
        assertThat(count("SELECT coalesce(sum(count), 0) FROM publicity_share")).isGreaterThan(20);
        assertThat(count("SELECT count(*) FROM publicity_read r JOIN employee e ON e.id = r.employee_id "
                + "WHERE e.emp_no = '100090'")).isZero();
        List<Boolean> active = jdbc.sql("SELECT active FROM publicity_webhook WHERE name LIKE '%示例%'")
                .query(Boolean.class).list();
        assertThat(active).hasSize(2).containsOnly(false);
        assertThat(count("SELECT count(*) FROM publicity_push p JOIN publicity_webhook w ON w.id = p.webhook_id "
                + "WHERE w.name LIKE '%示例%'")).isZero();
        assertThat(count("SELECT count(*) FROM publicity_item WHERE status = 'PUBLISHED' "
                + "AND published_at < now() - interval '20 days'")).isGreaterThan(3);
    }
}
