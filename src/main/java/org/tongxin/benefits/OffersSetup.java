package org.tongxin.benefits;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongxin.benefits.internal.Birthdays;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Partners' offers and birthday benefits for the demo enterprise, made through the same services as the pages; only
 * {@link #redeemed} writes directly, for a voucher the partner scanned.
 */
@Service
public class OffersSetup {

    private final Offers offers;
    private final Birthdays birthdays;
    private final JdbcClient jdbc;

    OffersSetup(Offers offers, Birthdays birthdays, JdbcClient jdbc) {
        this.offers = offers;
        this.birthdays = birthdays;
        this.jdbc = jdbc;
    }

    /** Publishes an offer (category one of HEALTH, TICKETS, SHOPPING, DINING, TRAVEL, OTHER); returns its id. */
    public long offer(Viewer officer, long unitId, String partner, String title, String description, String category,
                      LocalDate from, LocalDate until, int quota) {
        return offers.publish(officer, new Offers.Draft(unitId, partner, title, description, category, from.toString(),
                until.toString(), Integer.toString(quota))).id();
    }

    /** The member claims a voucher of the offer; returns the voucher's id. */
    public long claim(long employeeId, long offerId) {
        return offers.claim(new Viewer(0, employeeId, "demo", Set.of(Role.EMPLOYEE), Set.of(), Set.of(), false),
                offerId);
    }

    /** The partner redeemed the voucher {@code daysAgo} days ago. */
    public void redeemed(long voucherId, int daysAgo) {
        jdbc.sql("""
                        UPDATE benefits_voucher SET redeemed_at = now() - make_interval(days => ?), redeemed_by = 'PARTNER'
                        WHERE id = ? AND redeemed_at IS NULL AND voided_at IS NULL""")
                .params(daysAgo, voucherId).update();
    }

    /** The committee's birthday benefit (kind CAKE or CARD, amount in yuan), switched on. */
    public void birthdayBenefit(Viewer committee, String kind, String amount, String partner, String note) {
        birthdays.save(committee, new Birthdays.Form(true, kind, amount, partner, note, false));
    }

    /** Issues this month's birthday benefits as the daily job would; returns how many. */
    public int issueBirthdays(LocalDate today) {
        return birthdays.issue(today);
    }
}
