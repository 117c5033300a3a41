package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongxin.support.IntegrationTestSupport;

/** The demo enterprise has two partner offers for everyone, some vouchers claimed and one used, and this month's cakes. */
class OffersDemoTests extends IntegrationTestSupport {

    @Test
    void theDemoHasTwoOffersClaimedAndUsedAndThisMonthsBirthdays() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM benefits_offer o JOIN org_unit u ON u.id = o.unit_id
                        WHERE u.kind = 'COMPANY_UNION' AND o.partner IN ('成都高新区第一人民医院体检中心', '青城山—都江堰旅游景区')""")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM benefits_voucher v JOIN benefits_offer o ON o.id = v.offer_id
                        WHERE o.partner IN ('成都高新区第一人民医院体检中心', '青城山—都江堰旅游景区')""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM benefits_voucher WHERE offer_id IS NOT NULL AND redeemed_by = 'PARTNER'"
                + " AND redeemed_at < now() - interval '1 day'").query(Long.class).single()).isGreaterThanOrEqualTo(1);
        LocalDate today = LocalDate.now();
        assertThat(jdbc.sql("SELECT count(*) FROM benefits_birthday WHERE year = ? AND month = ? AND kind = 'CAKE'"
                        + " AND amount = 100").params(today.getYear(), today.getMonthValue()).query(Long.class).single())
                .isGreaterThan(10);
    }
}
