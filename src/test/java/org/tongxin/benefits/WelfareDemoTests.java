package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.support.IntegrationTestSupport;

/**
 * A newcomer running the demo finds the committee's cap, a finished Spring Festival round delivered everywhere and
 * mostly collected with a few exceptions, and a Mid-Autumn round with four packages about half the members picked —
 * with the package counts and the spend as the rules keep them.
 */
class WelfareDemoTests extends IntegrationTestSupport {

    private long number(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long round(String occasion) {
        return number("SELECT min(id) FROM welfare_round WHERE occasion = ? AND title LIKE '%慰问品'", occasion);
    }

    @Test
    void theDemoHasTheCapAFinishedSpringFestivalAndAnOpenMidAutumnRound() {
        assertThat(number("SELECT count(*) FROM welfare_policy WHERE cap_per_member = 1800")).isGreaterThanOrEqualTo(2);

        long spring = round("SPRING_FESTIVAL");
        assertThat(jdbc.sql("SELECT status FROM welfare_round WHERE id = ?").param(spring).query(String.class).single())
                .isEqualTo("CLOSED");
        long members = number("SELECT count(*) FROM welfare_entitlement WHERE round_id = ?", spring);
        assertThat(members).isGreaterThan(500)
                .isEqualTo(number("SELECT members FROM welfare_round WHERE id = ?", spring));
        assertThat(number("SELECT count(*) FROM welfare_entitlement WHERE round_id = ? AND package_id IS NULL", spring))
                .isZero();
        assertThat(number("SELECT count(DISTINCT site_id) FROM welfare_entitlement WHERE round_id = ?", spring))
                .isEqualTo(number("SELECT count(*) FROM welfare_delivery WHERE round_id = ?", spring));
        assertThat(number("SELECT count(*) FROM welfare_entitlement WHERE round_id = ? AND collected_at IS NOT NULL",
                spring)).isGreaterThan(members * 9 / 10);
        assertThat(jdbc.sql("""
                        SELECT coalesce(exception_outcome, 'OPEN') FROM welfare_entitlement
                        WHERE round_id = ? AND exception IS NOT NULL ORDER BY exception_outcome""").param(spring)
                .query(String.class).list()).contains("RETURNED", "PROXY", "OPEN");
        assertThat(number("SELECT count(DISTINCT collected_how) FROM welfare_entitlement WHERE round_id = ?", spring))
                .isEqualTo(2);

        long midAutumn = round("MID_AUTUMN");
        assertThat(jdbc.sql("SELECT name FROM welfare_package WHERE round_id = ? ORDER BY position").param(midAutumn)
                .query(String.class).list()).containsExactly("粮油礼包", "水果礼盒", "图书卡", "电影卡");
        long inIt = number("SELECT count(*) FROM welfare_entitlement WHERE round_id = ?", midAutumn);
        long picked = number("""
                SELECT count(*) FROM welfare_entitlement WHERE round_id = ? AND package_id IS NOT NULL AND NOT by_default""",
                midAutumn);
        assertThat(picked).isBetween(inIt * 35 / 100, inIt * 65 / 100);
        assertThat(jdbc.sql("""
                        SELECT e.package_id IS NULL OR e.by_default FROM welfare_entitlement e JOIN employee p ON p.id = e.employee_id
                        WHERE e.round_id = ? AND p.emp_no IN ('100066', '100023')""").param(midAutumn)
                .query(Boolean.class).list()).hasSize(2).containsOnly(true);

        for (long r : List.of(spring, midAutumn)) {
            assertThat(number("""
                    SELECT count(*) FROM welfare_package p
                    WHERE p.round_id = ? AND p.taken <> (SELECT count(*) FROM welfare_entitlement e WHERE e.package_id = p.id)""",
                    r)).as("taken is what members hold").isZero();
            assertThat(jdbc.sql("""
                            SELECT coalesce(sum(p.price), 0) <= (SELECT budget FROM welfare_round WHERE id = ?)
                            FROM welfare_entitlement e JOIN welfare_package p ON p.id = e.package_id WHERE e.round_id = ?""")
                    .params(r, r).query(Boolean.class).single()).as("spend within budget").isTrue();
        }
    }
}
