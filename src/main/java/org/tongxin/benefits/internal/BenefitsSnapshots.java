package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.benefits.DuesCollected;
import org.tongxin.benefits.VoucherUse;
import org.tongxin.benefits.WelfareSiteTotals;
import org.tongxin.org.OrgDirectory;

/**
 * The snapshots benefits publishes after each change of a welfare round's site, a voucher, or a unit's dues of a
 * month, read back whole in the transaction of the change; {@link org.tongxin.benefits.BenefitsHistory} replays the
 * same reads.
 */
@Component
public class BenefitsSnapshots {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BenefitsSnapshots(JdbcClient jdbc, OrgDirectory org, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private long version() {
        Instant now = Instant.now(clock);
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }

    // ---- welfare ----------------------------------------------------------------------------------------------

    /** Publishes one site of a round (every site when {@code siteId} is null) as it stands now. */
    public void welfareChanged(long roundId, Long siteId) {
        welfareSites(roundId, siteId, version()).forEach(events::publishEvent);
    }

    /** The rounds that have opened, oldest first. */
    public List<Long> openedRounds() {
        return jdbc.sql("SELECT id FROM welfare_round WHERE opened_at IS NOT NULL ORDER BY id").query(Long.class)
                .list();
    }

    /**
     * A round's sites (one when {@code siteId} is set: a pick reads that site's members only, never the whole
     * round's), as {@link Welfare#totals} counts them.
     */
    public List<WelfareSiteTotals> welfareSites(long roundId, Long siteId, long version) {
        return jdbc.sql("""
                        SELECT r.id, r.title, r.opened_at, r.budget_per_member, e.site_id, count(*) AS members,
                          coalesce(sum(p.price) FILTER (WHERE e.exception_outcome IS DISTINCT FROM 'RETURNED'), 0),
                          count(e.collected_at)
                        FROM welfare_round r JOIN welfare_entitlement e ON e.round_id = r.id
                        LEFT JOIN welfare_package p ON p.id = e.package_id
                        WHERE r.id = ? AND r.opened_at IS NOT NULL AND e.site_id = ANY(?)
                        GROUP BY r.id, r.title, r.opened_at, r.budget_per_member, e.site_id ORDER BY e.site_id""")
                .params(roundId, siteId != null ? new Long[]{siteId} : jdbc.sql(
                        "SELECT DISTINCT site_id FROM welfare_entitlement WHERE round_id = ?").param(roundId)
                        .query(Long.class).list().toArray(Long[]::new))
                .query((rs, i) -> {
                    int members = rs.getInt(6);
                    return new WelfareSiteTotals(rs.getLong(1), rs.getString(2),
                            rs.getLong(5), day(rs.getObject(3, OffsetDateTime.class)), members,
                            rs.getBigDecimal(4).multiply(BigDecimal.valueOf(members)), rs.getBigDecimal(7),
                            rs.getInt(8), version);
                })
                .list();
    }

    // ---- vouchers ---------------------------------------------------------------------------------------------

    /** Publishes the voucher as it stands now. */
    public void voucherChanged(long voucherId) {
        events.publishEvent(vouchers(voucherId - 1, 1, version()).getFirst());
    }

    private record VoucherRow(long id, long employeeId, Long birthdayUnit, Long offerUnit, String kind,
                              LocalDate issuedOn, LocalDate usedOn) {
    }

    /** The vouchers after {@code after} in id order, at most {@code limit}. */
    public List<VoucherUse> vouchers(long after, int limit, long version) {
        List<VoucherRow> rows = jdbc.sql("""
                        SELECT v.id, v.employee_id, b.unit_id, o.unit_id,
                          CASE WHEN v.birthday_id IS NOT NULL THEN ? ELSE o.category END, v.created_at, v.redeemed_at
                        FROM benefits_voucher v
                        LEFT JOIN benefits_birthday b ON b.id = v.birthday_id
                        LEFT JOIN benefits_offer o ON o.id = v.offer_id
                        WHERE v.id > ? ORDER BY v.id LIMIT ?""")
                .params(VoucherUse.BIRTHDAY, after, limit)
                .query((rs, i) -> new VoucherRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getString(5), day(rs.getObject(6, OffsetDateTime.class)),
                        day(rs.getObject(7, OffsetDateTime.class))))
                .list();
        Map<Long, Long> unitOf = org.unitIdsOf(rows.stream().filter(r -> r.birthdayUnit() == null)
                .map(VoucherRow::employeeId).distinct().toList());
        List<VoucherUse> out = new ArrayList<>(rows.size());
        for (VoucherRow r : rows) {
            long unit = r.birthdayUnit() != null ? r.birthdayUnit() : unitOf.getOrDefault(r.employeeId(), r.offerUnit());
            out.add(new VoucherUse(r.id(), unit, r.kind(), r.issuedOn(), r.usedOn(), version));
        }
        return out;
    }

    // ---- dues -------------------------------------------------------------------------------------------------

    /** Publishes the dues of each unit and month given, as they stand now (none recorded: zero). */
    void duesChanged(Collection<Map.Entry<Long, YearMonth>> unitMonths) {
        long version = version();
        for (Map.Entry<Long, YearMonth> um : Set.copyOf(unitMonths)) {
            LocalDate month = um.getValue().atDay(1);
            DuesCollected now = jdbc.sql("""
                            SELECT count(*), coalesce(sum(amount), 0) FROM benefits_dues WHERE unit_id = ? AND month = ?""")
                    .params(um.getKey(), month)
                    .query((rs, i) -> new DuesCollected(um.getKey(), month, rs.getInt(1), rs.getBigDecimal(2), version))
                    .single();
            events.publishEvent(now);
        }
    }

    /** Each unit's dues of each month after {@code last} (in unit and month order), at most {@code limit}. */
    public List<DuesCollected> dues(DuesCollected last, int limit, long version) {
        return jdbc.sql("""
                        SELECT unit_id, month, count(*), sum(amount) FROM benefits_dues
                        WHERE (unit_id, month) > (?, ?) GROUP BY unit_id, month ORDER BY unit_id, month LIMIT ?""")
                .params(last == null ? Long.MIN_VALUE : last.unitId(), last == null ? LocalDate.of(1, 1, 1) : last.month(),
                        limit)
                .query((rs, i) -> new DuesCollected(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getBigDecimal(4), version))
                .list();
    }
}
