package org.tongxin.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.library.internal.Isbn;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** The demo's reading rooms, as the demo walk shows them. */
class LibraryDemoTests extends IntegrationTestSupport {

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theDemoHasThreeRoomsOneOfThemTheDemoOfficersAndTwoThousandTitlesWithValidIsbns() throws Exception {
        assertThat(jdbc.sql("""
                        SELECT r.name FROM library_room r JOIN org_unit u ON u.id = r.unit_id
                        WHERE r.name IN ('公司本部职工书屋', '蒲江收费站职工书屋') OR u.name LIKE '%服务区分会'""")
                .query(String.class).list()).hasSize(3).contains("公司本部职工书屋", "蒲江收费站职工书屋");
        String demo = " FROM library_title WHERE created_by = (SELECT a.id FROM account a JOIN employee e"
                + " ON e.id = a.employee_id WHERE e.emp_no = '100023')";
        assertThat(count("SELECT count(*)" + demo + " AND isbn13 IS NOT NULL")).isGreaterThanOrEqualTo(2000);
        assertThat(jdbc.sql("SELECT isbn13" + demo).query(String.class).list())
                .allSatisfy(isbn -> assertThat(Isbn.toIsbn13(isbn)).contains(isbn)).allMatch(i -> i.startsWith("9787"));
        assertThat(count("""
                SELECT count(DISTINCT c.code) FROM library_title t JOIN library_category c ON c.id = t.category_id
                WHERE t.isbn13 LIKE '9787%'""")).isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("SELECT authors FROM library_title WHERE title IN ('呐喊', '平凡的世界', '活着', '三体', '史记')")
                .query(String.class).list()).contains("鲁迅", "路遥", "余华", "刘慈欣", "司马迁");
        assertThat(count("""
                SELECT count(DISTINCT c.home_room_id) FROM library_copy c JOIN library_title t ON t.id = c.title_id
                WHERE t.title LIKE '%三国%' AND t.isbn13 LIKE '9787%'""")).isGreaterThanOrEqualTo(2);

        long officerEmployee = fixtures.employeeId("100066");
        Viewer officer = Fixtures.officer(fixtures.accountId(officerEmployee),
                jdbc.sql("SELECT id FROM org_unit WHERE name = '蒲江收费站分会'").query(Long.class).single());
        String index = mvc.perform(get("/library-admin").with(as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(index).contains("蒲江收费站职工书屋").doesNotContain("公司本部职工书屋");
    }

    @Test
    void theDemoHasLoansOutSomeOverdueAYearOfHistoryAndAHoldsQueueOnSanguoYanyi() {
        assertThat(count("SELECT count(*) FROM library_loan WHERE returned_at IS NULL")).isGreaterThan(60);
        assertThat(count("SELECT count(*) FROM library_loan WHERE returned_at IS NULL AND due_at < now()")).isGreaterThan(5);
        assertThat(count("""
                SELECT count(*) FROM library_loan l JOIN library_room r ON r.id = l.room_id
                WHERE r.name = '蒲江收费站职工书屋' AND l.returned_at IS NULL AND l.due_at < now()""")).isPositive();
        assertThat(count("SELECT count(*) FROM library_loan WHERE returned_at IS NOT NULL")).isGreaterThan(2000);
        assertThat(count("""
                SELECT count(DISTINCT date_trunc('month', borrowed_at)) FROM library_loan
                WHERE borrowed_at > now() - interval '1 year'""")).isGreaterThanOrEqualTo(12);
        assertThat(count("""
                SELECT count(*) FROM library_loan l JOIN employee e ON e.id = l.employee_id
                WHERE e.emp_no = '100090' AND l.returned_at IS NOT NULL""")).isPositive();

        List<String> copies = jdbc.sql("""
                        SELECT c.status FROM library_copy c JOIN library_title t ON t.id = c.title_id
                        WHERE t.title = '三国演义' AND t.isbn13 LIKE '9787%' ORDER BY c.status""").query(String.class).list();
        assertThat(copies).containsExactly("ON_HOLD_SHELF", "ON_LOAN", "ON_LOAN");
        List<String> queue = jdbc.sql("""
                        SELECT h.status || ' ' || r.name FROM library_hold h JOIN library_title t ON t.id = h.title_id
                        JOIN library_room r ON r.id = h.pickup_room_id WHERE t.title = '三国演义' AND t.isbn13 LIKE '9787%'
                        ORDER BY h.queue_no""")
                .query(String.class).list();
        assertThat(queue).containsExactly("READY 蒲江收费站职工书屋", "WAITING 公司本部职工书屋", "WAITING 公司本部职工书屋");
        assertThat(count("SELECT count(*) FROM library_copy WHERE status = 'IN_TRANSIT'")).isPositive();
        assertThat(jdbc.sql("SELECT DISTINCT status FROM library_suggestion").query(String.class).list())
                .contains("NEW", "ACCEPTED", "DECLINED");
    }
}
