package org.tongxin.benefits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * Partners' offers (普惠): published by an officer for the members of their unit's subtree (the committee for the whole
 * enterprise) with a validity window and a quota of vouchers; edited only before anyone claimed; withdrawn, which
 * voids the vouchers not yet used and tells their holders. Members claim one voucher each while vouchers are left
 * ({@link OfferRules}, held in SQL too). Every officer action is audited and scoped to the officer's subtree.
 */
@Service
public class Offers {

    public record Offer(long id, long unitId, String partner, String title, String description,
                        OfferCategory category, LocalDate validFrom, LocalDate validUntil, int quota, int claimed,
                        String status, OffsetDateTime createdAt, OffsetDateTime withdrawnAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public int left() {
            return Math.max(0, quota - claimed);
        }

        public boolean editable() {
            return open() && claimed == 0;
        }
    }

    /** What an officer types: dates as yyyy-MM-dd and the quota as text, checked here. */
    public record Draft(Long unitId, String partner, String title, String description, String category,
                        String validFrom, String validUntil, String quota) {

        public static Draft of(Offer o) {
            return new Draft(o.unitId(), o.partner(), o.title(), o.description(), o.category().name(),
                    o.validFrom().toString(), o.validUntil().toString(), Integer.toString(o.quota()));
        }
    }

    /** A published offer and the partner's PIN, shown this once. */
    public record Published(long id, String pin) {
    }

    /** An offer in an officer's list, with how many vouchers were used. */
    public record Row(Offer offer, String unitName, long redeemed) {
    }

    /** A voucher of the offer as its officer sees it: the holder's name only for holders in the officer's subtree. */
    public record Holder(long voucherId, String name, String unitName, OffsetDateTime claimedAt,
                         VoucherRules.State state, OffsetDateTime redeemedAt, String redeemedBy) {
    }

    /** An offer as a member sees it, and the voucher they hold of it. */
    public record ForMember(Offer offer, Long voucherId) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final Vouchers vouchers;
    private final VoucherCodes codes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Offers(JdbcClient jdbc, OrgDirectory org, MemberDirectory members, Vouchers vouchers, VoucherCodes codes,
           AuditTrail audit, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.members = members;
        this.vouchers = vouchers;
        this.codes = codes;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Units the officer may publish for: the union units they manage (not partner bodies), open ones. */
    public List<OrgUnit> publishingUnits(Viewer officer) {
        return org.manageableUnits(officer);
    }

    /** Publishes an offer with a fresh partner PIN and tells the subtree's people. */
    @Transactional
    public Published publish(Viewer officer, Draft d) {
        Checked c = check(officer, d);
        String pin = codes.newPin();
        long id = jdbc.sql("""
                        INSERT INTO benefits_offer (unit_id, partner, title, description, category, valid_from,
                                                    valid_until, quota, pin_hash, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.unit().id(), c.partner(), c.title(), c.description(), c.category().name(), c.from(),
                        c.until(), c.quota(), codes.hash(pin), officer.accountId())
                .query(Long.class).single();
        audit.record(officer, "benefits.offer.publish", "benefits_offer", id, c.unit().id(),
                c.partner() + " · " + c.title(), Map.of(), c.values());
        events.publishEvent(NotificationRequested.toSubtree(c.unit().id(), Message.of(NoticeKind.BENEFITS,
                "benefits.offer-published", "/benefits/offers", c.partner(), c.title(), c.until())));
        return new Published(id, pin);
    }

    /** Changes an offer nobody has claimed yet (once one is claimed its terms are what the member was promised). */
    @Transactional
    public void edit(Viewer officer, long id, Draft d) {
        Offer before = managed(officer, id);
        Checked c = check(officer, d);
        int changed = jdbc.sql("""
                        UPDATE benefits_offer SET unit_id = ?, partner = ?, title = ?, description = ?, category = ?,
                          valid_from = ?, valid_until = ?, quota = ?
                        WHERE id = ? AND claimed = 0 AND status = 'OPEN'""")
                .params(c.unit().id(), c.partner(), c.title(), c.description(), c.category().name(), c.from(),
                        c.until(), c.quota(), id).update();
        if (changed == 0) {
            throw new Refusal(before.open() ? "benefits.offer.error.claimedAlready" : "benefits.offer.error.withdrawn");
        }
        audit.record(officer, "benefits.offer.edit", "benefits_offer", id, c.unit().id(),
                c.partner() + " · " + c.title(), values(before), c.values());
    }

    /** Withdraws the offer: vouchers not yet used are voided and their holders told. */
    @Transactional
    public int withdraw(Viewer officer, long id) {
        Offer o = managed(officer, id);
        int changed = jdbc.sql("""
                        UPDATE benefits_offer SET status = 'WITHDRAWN', withdrawn_at = now()
                        WHERE id = ? AND status = 'OPEN'""").param(id).update();
        if (changed == 0) {
            throw new Refusal("benefits.offer.error.withdrawn");
        }
        List<Long> holders = jdbc.sql("""
                        UPDATE benefits_voucher SET voided_at = now()
                        WHERE offer_id = ? AND redeemed_at IS NULL AND voided_at IS NULL RETURNING employee_id""")
                .param(id).query(Long.class).list();
        for (long holder : holders) {
            events.publishEvent(NotificationRequested.toEmployee(holder, Message.of(NoticeKind.BENEFITS,
                    "benefits.offer-withdrawn", "/benefits/offers", o.partner(), o.title())));
        }
        audit.record(officer, "benefits.offer.withdraw", "benefits_offer", id, o.unitId(),
                o.partner() + " · " + o.title(), Map.of("status", "OPEN"),
                Map.of("status", "WITHDRAWN", "voided", holders.size()));
        return holders.size();
    }

    /** A new partner PIN (the old one forgotten or passed on), shown this once. */
    @Transactional
    public String newPin(Viewer officer, long id) {
        Offer o = managed(officer, id);
        if (!o.open()) {
            throw new Refusal("benefits.offer.error.withdrawn");
        }
        String pin = codes.newPin();
        jdbc.sql("UPDATE benefits_offer SET pin_hash = ? WHERE id = ?").params(codes.hash(pin), id).update();
        audit.record(officer, "benefits.offer.pin", "benefits_offer", id, o.unitId(), o.partner() + " · " + o.title(),
                Map.of(), Map.of());
        return pin;
    }

    /** Marks a voucher of the offer used at the officer's word, once. */
    @Transactional
    public void markUsed(Viewer officer, long offerId, long voucherId) {
        Offer o = managed(officer, offerId);
        Vouchers.View v = vouchers.find(voucherId).filter(x -> x.offerId() != null && x.offerId() == offerId)
                .orElseThrow(() -> new NotFoundException("voucher " + voucherId));
        if (!vouchers.markUsed(voucherId, officer.accountId())) {
            throw new Refusal(v.state() == VoucherRules.State.USED ? "benefits.offer.error.usedAlready"
                    : "benefits.offer.error.notUsable");
        }
        audit.record(officer, "benefits.offer.redeem", "benefits_voucher", voucherId, o.unitId(),
                o.partner() + " · " + o.title() + " · #" + voucherId, Map.of(), Map.of("redeemedBy", "OFFICER"));
    }

    /** The offer, when it belongs to a unit of the officer's subtree; not found otherwise. */
    public Offer managed(Viewer officer, long id) {
        Offer o = find(id).orElseThrow(() -> new NotFoundException("offer " + id));
        org.managedUnit(officer, o.unitId());
        return o;
    }

    public Optional<Offer> find(long id) {
        return jdbc.sql("SELECT * FROM benefits_offer WHERE id = ?").param(id).query(Offers::offer).optional();
    }

    /** The offers of the officer's subtree, open ones first, newest first. */
    public List<Row> forOfficer(Viewer officer) {
        Optional<Set<Long>> scope = org.manageableUnitIds(officer);
        String where = scope.isPresent() ? " WHERE o.unit_id = ANY(?)" : "";
        List<Object> params = scope.<List<Object>>map(s -> List.of((Object) s.toArray(Long[]::new))).orElse(List.of());
        Map<Long, String> unitNames = new HashMap<>();
        return jdbc.sql("""
                        SELECT o.*, (SELECT count(*) FROM benefits_voucher v
                                     WHERE v.offer_id = o.id AND v.redeemed_at IS NOT NULL) AS redeemed
                        FROM benefits_offer o""" + where + " ORDER BY o.status = 'OPEN' DESC, o.id DESC LIMIT 500")
                .params(params)
                .query((rs, i) -> {
                    Offer o = offer(rs, i);
                    return new Row(o, unitNames.computeIfAbsent(o.unitId(), u -> org.unit(u).map(OrgUnit::name)
                            .orElse("")), rs.getLong("redeemed"));
                })
                .list();
    }

    /** How many of the offer's vouchers were used. */
    public long redeemed(long offerId) {
        return jdbc.sql("SELECT count(*) FROM benefits_voucher WHERE offer_id = ? AND redeemed_at IS NOT NULL")
                .param(offerId).query(Long.class).single();
    }

    /** The offer's vouchers, newest first, for its officer: names only of holders in the officer's subtree. */
    public Page<Holder> holders(Viewer officer, long offerId, int page, int size) {
        managed(officer, offerId);
        long total = jdbc.sql("SELECT count(*) FROM benefits_voucher WHERE offer_id = ?").param(offerId)
                .query(Long.class).single();
        List<Vouchers.View> rows = jdbc.sql("SELECT id FROM benefits_voucher WHERE offer_id = ? ORDER BY id DESC"
                        + " LIMIT ? OFFSET ?").params(offerId, size, (long) page * size).query(Long.class).list()
                .stream().map(vouchers::find).flatMap(Optional::stream).toList();
        Map<Long, EmployeeSummary> people = org.employees(rows.stream().map(Vouchers.View::employeeId).toList());
        Map<Long, Boolean> managedUnit = new HashMap<>();
        List<Holder> out = new ArrayList<>(rows.size());
        for (Vouchers.View v : rows) {
            EmployeeSummary e = people.get(v.employeeId());
            boolean visible = e != null && managedUnit.computeIfAbsent(e.unitId(), u -> org.unit(u)
                    .map(unit -> officer.manages(unit.pathIds())).orElse(false));
            out.add(new Holder(v.id(), visible ? e.name() : Vouchers.masked(e == null ? "" : e.name()),
                    visible ? e.unitName() : "", v.createdAt(), v.state(), v.redeemedAt(), v.redeemedBy()));
        }
        return new Page<>(out, page, size, total);
    }

    /**
     * The offers running today for a member of the subtree they belong to, with the voucher they hold of each; empty
     * for someone who is not a member (offers are for members).
     */
    public List<ForMember> openTo(Viewer viewer) {
        Long me = viewer.employeeId();
        if (me == null || !members.isMember(me)) {
            return List.of();
        }
        List<Long> path = unitPath(me);
        if (path.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT o.*, (SELECT v.id FROM benefits_voucher v WHERE v.offer_id = o.id AND v.employee_id = ?)
                               AS voucher_id
                        FROM benefits_offer o
                        WHERE o.unit_id = ANY(?) AND o.status = 'OPEN' AND o.valid_from <= ? AND o.valid_until >= ?
                        ORDER BY o.valid_until, o.id""")
                .params(me, path.toArray(Long[]::new), today(), today())
                .query((rs, i) -> new ForMember(offer(rs, i), (Long) rs.getObject("voucher_id", Long.class)))
                .list();
    }

    /** How many offers running today the member has not claimed yet and could (vouchers left). */
    public long claimable(Viewer viewer) {
        return openTo(viewer).stream().filter(f -> f.voucherId() == null && f.offer().left() > 0).count();
    }

    /**
     * Claims a voucher of the offer for the member: an offer outside their subtree is not found; otherwise
     * {@link OfferRules} decide, and in SQL the quota (a conditional UPDATE) and one per member (a unique index) hold
     * whatever the rush. Returns the voucher.
     */
    @Transactional
    public long claim(Viewer viewer, long offerId) {
        Long me = viewer.employeeId();
        Offer o = find(offerId).orElseThrow(() -> new NotFoundException("offer " + offerId));
        if (me == null || !unitPath(me).contains(o.unitId())) {
            throw new NotFoundException("offer " + offerId);
        }
        boolean holds = jdbc.sql("SELECT count(*) FROM benefits_voucher WHERE offer_id = ? AND employee_id = ?")
                .params(offerId, me).query(Long.class).single() > 0;
        OfferRules.refusal(new OfferRules.Claim(o.open(), o.validFrom(), o.validUntil(), o.quota(), o.claimed(), true,
                members.isMember(me), holds), today()).ifPresent(key -> {
                    throw new Refusal(key);
                });
        int taken = jdbc.sql("""
                        UPDATE benefits_offer SET claimed = claimed + 1
                        WHERE id = ? AND status = 'OPEN' AND claimed < quota AND valid_from <= ? AND valid_until >= ?""")
                .params(offerId, today(), today()).update();
        if (taken == 0) {
            Offer now = find(offerId).orElseThrow();
            throw new Refusal(now.open() ? "benefits.offer.error.allClaimed" : "benefits.offer.error.withdrawn");
        }
        // A second claim racing the first: the unique index turns it away, and the increment rolls back with it.
        return vouchers.issue(me, offerId, null, o.validFrom(), o.validUntil())
                .orElseThrow(() -> new Refusal("benefits.offer.error.holdsOne"));
    }

    private List<Long> unitPath(long employeeId) {
        return org.employee(employeeId).flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds).orElse(List.of());
    }

    private record Checked(OrgUnit unit, String partner, String title, String description, OfferCategory category,
                           LocalDate from, LocalDate until, int quota) {
        Map<String, Object> values() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", unit.name());
            m.put("partner", partner);
            m.put("title", title);
            m.put("category", category.name());
            m.put("valid", from + " – " + until);
            m.put("quota", quota);
            return m;
        }
    }

    private Map<String, Object> values(Offer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", org.unit(o.unitId()).map(OrgUnit::name).orElse(""));
        m.put("partner", o.partner());
        m.put("title", o.title());
        m.put("category", o.category().name());
        m.put("valid", o.validFrom() + " – " + o.validUntil());
        m.put("quota", o.quota());
        return m;
    }

    private Checked check(Viewer officer, Draft d) {
        if (d.unitId() == null) {
            throw new Refusal("benefits.offer.error.unit");
        }
        OrgUnit unit = org.managedUnit(officer, d.unitId());
        if (unit.isClosed() || unit.kind().isPartner()) {
            throw new Refusal("benefits.offer.error.unit");
        }
        LocalDate from = date(d.validFrom());
        LocalDate until = date(d.validUntil());
        Integer quota = number(d.quota());
        OfferRules.draftRefusal(d.partner(), d.title(), d.description(), d.category(), from, until, quota, today())
                .ifPresent(key -> {
                    throw new Refusal(key);
                });
        return new Checked(unit, d.partner().strip(), d.title().strip(),
                d.description() == null ? "" : d.description().strip(), OfferCategory.valueOf(d.category()), from,
                until, quota);
    }

    private static LocalDate date(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("benefits.offer.error.window");
        }
    }

    private static Integer number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("benefits.offer.error.quota");
        }
    }

    static Offer offer(ResultSet rs, int i) throws SQLException {
        return new Offer(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("partner"), rs.getString("title"),
                rs.getString("description"), OfferCategory.valueOf(rs.getString("category")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getInt("quota"), rs.getInt("claimed"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("withdrawn_at", OffsetDateTime.class));
    }
}
