package org.tongxin.benefits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.benefits.internal.BenefitsSnapshots;
import org.tongxin.benefits.internal.Birthdays;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.VoucherCodes;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.PersonalDates;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/**
 * Partners' offers and birthday benefits for the demo enterprise, made through the same services as the pages; only
 * {@link #redeemed}, {@link #backdate} and {@link #pastBirthdays} write directly, for a voucher the partner scanned and
 * to spread what one start-up made over the past year. A voucher changed here after its snapshot was published is
 * published again, so that a late snapshot never wins over the rebuilt figures; the past birthday benefits were never
 * published and are counted by the rebuild.
 */
@Service
public class OffersSetup {

    private final Offers offers;
    private final Birthdays birthdays;
    private final VoucherCodes codes;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final BenefitsSnapshots snapshots;
    private final JdbcClient jdbc;

    OffersSetup(Offers offers, Birthdays birthdays, VoucherCodes codes, OrgDirectory org, MemberDirectory members,
                BenefitsSnapshots snapshots, JdbcClient jdbc) {
        this.offers = offers;
        this.birthdays = birthdays;
        this.codes = codes;
        this.org = org;
        this.members = members;
        this.snapshots = snapshots;
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
        snapshots.voucherChanged(voucherId);
    }

    /** The committee's birthday benefit (kind CAKE or CARD, amount in yuan), switched on. */
    public void birthdayBenefit(Viewer committee, String kind, String amount, String partner, String note) {
        birthdays.save(committee, new Birthdays.Form(true, kind, amount, partner, note, false));
    }

    /**
     * Moves an offer and its vouchers {@code days} into the past: its window and publication, each voucher's
     * validity, claim and use.
     */
    @Transactional
    public void backdate(long offerId, int days) {
        jdbc.sql("""
                        UPDATE benefits_offer SET valid_from = valid_from - ?, valid_until = valid_until - ?,
                          created_at = created_at - make_interval(days => ?) WHERE id = ?""")
                .params(days, days, days, offerId).update();
        jdbc.sql("""
                        UPDATE benefits_voucher SET valid_from = valid_from - ?, valid_until = valid_until - ?,
                          created_at = created_at - make_interval(days => ?),
                          redeemed_at = redeemed_at - make_interval(days => ?) WHERE offer_id = ? RETURNING id""")
                .params(days, days, days, days, offerId).query(Long.class).list().forEach(snapshots::voucherChanged);
    }

    /**
     * The birthday benefits of the {@code months} months before {@code today}'s, as the daily job gave them on each
     * month's first day to the members born in it (with the benefit as set now), written without notices since they
     * are past; about two in three were used within three weeks. Returns how many.
     */
    @Transactional
    public int pastBirthdays(LocalDate today, int months) {
        Birthdays.Setting s = birthdays.setting().filter(Birthdays.Setting::enabled).orElseThrow();
        List<PersonalDates> people = new ArrayList<>();
        org.roots().forEach(root -> people.addAll(org.activeEmployeesWithDates(root)));
        int given = 0;
        for (int k = months; k >= 1; k--) {
            YearMonth month = YearMonth.from(today).minusMonths(k);
            OffsetDateTime issued = month.atDay(1).atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
            Map<Long, PersonalDates> born = new LinkedHashMap<>();
            people.stream().filter(p -> p.birthDate() != null && p.birthDate().getMonth() == month.getMonth())
                    .forEach(p -> born.putIfAbsent(p.employeeId(), p));
            Set<Long> current = members.membersOn(born.keySet(), month.atDay(1));
            List<PersonalDates> eligible = born.values().stream().filter(p -> current.contains(p.employeeId())).toList();
            if (eligible.isEmpty()) {
                continue;
            }
            List<long[]> rows = jdbc.sql("""
                            INSERT INTO benefits_birthday (employee_id, year, month, unit_id, kind, amount, partner, note,
                              issued_at)
                            SELECT e, ?, ?, u, ?, ?, ?, ?, ? FROM unnest(?::bigint[], ?::bigint[]) AS t(e, u)
                            ON CONFLICT (employee_id, year) DO NOTHING RETURNING id, employee_id""")
                    .params(month.getYear(), month.getMonthValue(), s.kind().name(), s.amount(), s.partner(), s.note(),
                            issued, eligible.stream().map(PersonalDates::employeeId).toArray(Long[]::new),
                            eligible.stream().map(PersonalDates::unitId).toArray(Long[]::new))
                    .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
            for (long[] r : rows) {
                boolean used = r[1] % 3 != 0;
                jdbc.sql("""
                                INSERT INTO benefits_voucher (code, employee_id, birthday_id, valid_from, valid_until,
                                  created_at, redeemed_at, redeemed_by)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(codes.newCode(), r[1], r[0], month.atDay(1), month.plusMonths(1).atEndOfMonth(), issued,
                                used ? issued.plusDays(1 + r[1] % 20) : null, used ? "PARTNER" : null)
                        .update();
            }
            given += rows.size();
        }
        return given;
    }

    /** Issues this month's birthday benefits as the daily job would; returns how many. */
    public int issueBirthdays(LocalDate today) {
        return birthdays.issue(today);
    }
}
