package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Holiday welfare rounds: an officer sets a round up for their unit's subtree (budget per member under the
 * committee's yearly cap, packages with price, supplier and stock, a default); opening it fixes the members eligible
 * as of a day and where each collects; members pick and may change until the window closes; then everyone who did
 * not pick gets the default, and each site's officer confirms delivery and the members sign for their packages.
 * The rules are {@link WelfareBudget}, {@link WelfareStock} and {@link WelfarePicks}.
 */
@Service
public class Welfare {

    public static final int MAX_TEXT = 200;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000");

    /** What an officer sets for a round. */
    public record Draft(long unitId, WelfareRound.Occasion occasion, String title, BigDecimal budgetPerMember,
                        LocalDate eligibleOn, OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    /** A package as the officer enters it. */
    public record PackageDraft(String name, String description, BigDecimal price, String supplier, int stock) {
    }

    /** A member's place in a round: what they hold, whether it came by default, collection and exception. */
    public record Entitlement(long id, long roundId, long employeeId, long siteId, Long packageId,
                              OffsetDateTime pickedAt, boolean byDefault, OffsetDateTime collectedAt,
                              String collectedHow, String exception, String exceptionNote, String exceptionOutcome,
                              OffsetDateTime exceptionClosedAt) {

        public boolean collected() {
            return collectedAt != null;
        }

        public boolean exceptionOpen() {
            return exception != null && exceptionOutcome == null;
        }
    }

    /** What a member sees of a round they are in. */
    public record MemberView(WelfareRound round, List<WelfarePackage> packages, Entitlement mine, boolean delivered,
                             String siteName) {
    }

    /** One line of a site's pick list: the member, their package and where collection stands. */
    public record Line(Entitlement entitlement, String name, String employeeNo, String packageName) {
    }

    /** A package's count at a site, for its supplier. */
    public record Count(String supplier, long packageId, String packageName, BigDecimal price, int count) {

        public BigDecimal amount() {
            return price.multiply(BigDecimal.valueOf(count));
        }
    }

    /** A site of a round as its officer and the round's owner see it. */
    public record Site(long siteId, String name, int members, int picked, int collected, int openExceptions,
                       BigDecimal spend, OffsetDateTime deliveredAt) {
    }

    /** The round's figures: counts, spend against budget, per site and per supplier. */
    public record Totals(WelfareRound round, int members, int picked, int byDefault, int collected,
                         int openExceptions, int returned, BigDecimal spend, List<Site> sites, List<Count> suppliers) {
    }

    private static final RowMapper<WelfareRound> ROUND = Welfare::round;
    private static final RowMapper<WelfarePackage> PACKAGE = (rs, i) -> new WelfarePackage(rs.getLong("id"),
            rs.getLong("round_id"), rs.getString("name"), rs.getString("description"), rs.getBigDecimal("price"),
            rs.getString("supplier"), rs.getInt("stock"), rs.getInt("taken"), rs.getInt("position"));
    private static final RowMapper<Entitlement> ENTITLEMENT = Welfare::entitlement;

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BenefitsSnapshots snapshots;
    private final Clock clock;

    Welfare(JdbcClient jdbc, OrgDirectory org, MemberDirectory members, AuditTrail audit,
            ApplicationEventPublisher events, BenefitsSnapshots snapshots, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.members = members;
        this.audit = audit;
        this.events = events;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static WelfareRound round(ResultSet rs, int i) throws SQLException {
        Object def = rs.getObject("default_package_id");
        return new WelfareRound(rs.getLong("id"), rs.getLong("unit_id"),
                WelfareRound.Occasion.valueOf(rs.getString("occasion")), rs.getString("title"), rs.getInt("year"),
                rs.getBigDecimal("budget_per_member"), rs.getObject("eligible_on", LocalDate.class),
                rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class),
                WelfareRound.Status.valueOf(rs.getString("status")), def == null ? null : ((Number) def).longValue(),
                rs.getInt("members"), rs.getBigDecimal("budget"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Entitlement entitlement(ResultSet rs, int i) throws SQLException {
        Object pack = rs.getObject("package_id");
        return new Entitlement(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("employee_id"),
                rs.getLong("site_id"), pack == null ? null : ((Number) pack).longValue(),
                rs.getObject("picked_at", OffsetDateTime.class), rs.getBoolean("by_default"),
                rs.getObject("collected_at", OffsetDateTime.class), rs.getString("collected_how"),
                rs.getString("exception"), rs.getString("exception_note"), rs.getString("exception_outcome"),
                rs.getObject("exception_closed_at", OffsetDateTime.class));
    }

    // ---- the committee's cap ------------------------------------------------------------------------------------

    /** The cap per member for a year, if the committee has set it. */
    public Optional<BigDecimal> cap(int year) {
        return jdbc.sql("SELECT cap_per_member FROM welfare_policy WHERE year = ?").param(year)
                .query(BigDecimal.class).optional();
    }

    /** The committee sets (or changes) what one member's holiday welfare may cost in a year. */
    @Transactional
    public void setCap(Viewer viewer, int year, BigDecimal cap) {
        if (!viewer.has(Role.COMMITTEE)) {
            throw new NotFoundException("welfare");
        }
        if (year < 2000 || year > 2200) {
            throw new Refusal("benefits.welfare.error.year");
        }
        if (cap == null || cap.signum() <= 0 || cap.compareTo(MAX_MONEY) > 0) {
            throw new Refusal("benefits.welfare.error.cap");
        }
        Optional<BigDecimal> before = cap(year);
        jdbc.sql("""
                        INSERT INTO welfare_policy (year, cap_per_member, set_by) VALUES (?, ?, ?)
                        ON CONFLICT (year) DO UPDATE SET cap_per_member = excluded.cap_per_member,
                          set_by = excluded.set_by, set_at = now()""")
                .params(year, cap, viewer.accountId()).update();
        audit.record(viewer, "benefits.welfare.cap", "welfare_policy", year, null, year + ": " + cap,
                before.map(b -> Map.of("cap", b.toPlainString())).orElse(Map.of()), Map.of("cap", cap.toPlainString()));
    }

    // ---- setting a round up -------------------------------------------------------------------------------------

    @Transactional
    public long create(Viewer viewer, Draft draft) {
        OrgUnit unit = org.managedUnit(viewer, draft.unitId());
        checkDraft(draft);
        long id = jdbc.sql("""
                        INSERT INTO welfare_round (unit_id, occasion, title, year, budget_per_member, eligible_on,
                          opens_at, closes_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.id(), draft.occasion().name(), draft.title().strip(), yearOf(draft),
                        draft.budgetPerMember(), draft.eligibleOn(), draft.opensAt(), draft.closesAt(),
                        viewer.accountId())
                .query(Long.class).single();
        audit.record(viewer, "benefits.welfare.create", "welfare_round", id, unit.id(), draft.title().strip(), Map.of(),
                Map.of("budgetPerMember", draft.budgetPerMember().toPlainString()));
        return id;
    }

    /** Changes a round while it is a draft. */
    @Transactional
    public void update(Viewer viewer, long roundId, Draft draft) {
        WelfareRound round = owned(viewer, roundId, true);
        requireDraft(round);
        org.managedUnit(viewer, draft.unitId());
        checkDraft(draft);
        for (WelfarePackage p : packages(roundId)) {
            WelfareBudget.checkPrice(p.price(), draft.budgetPerMember());
        }
        jdbc.sql("""
                        UPDATE welfare_round SET unit_id = ?, occasion = ?, title = ?, year = ?, budget_per_member = ?,
                          eligible_on = ?, opens_at = ?, closes_at = ? WHERE id = ?""")
                .params(draft.unitId(), draft.occasion().name(), draft.title().strip(), yearOf(draft),
                        draft.budgetPerMember(), draft.eligibleOn(), draft.opensAt(), draft.closesAt(), roundId)
                .update();
        audit.record(viewer, "benefits.welfare.update", "welfare_round", roundId, draft.unitId(), draft.title().strip(),
                Map.of("budgetPerMember", round.budgetPerMember().toPlainString()),
                Map.of("budgetPerMember", draft.budgetPerMember().toPlainString()));
    }

    private int yearOf(Draft draft) {
        return draft.opensAt().atZoneSameInstant(ZONE).getYear();
    }

    private void checkDraft(Draft draft) {
        if (draft.occasion() == null) {
            throw new Refusal("benefits.welfare.error.occasion");
        }
        requireText(draft.title(), "benefits.welfare.error.title");
        if (draft.opensAt() == null || draft.closesAt() == null || !draft.closesAt().isAfter(draft.opensAt())) {
            throw new Refusal("benefits.welfare.error.window");
        }
        if (draft.closesAt().isBefore(now()) || draft.opensAt().isAfter(now().plusYears(1))) {
            throw new Refusal("benefits.welfare.error.window");
        }
        if (draft.eligibleOn() == null || draft.eligibleOn().isBefore(today().minusYears(1))
                || draft.eligibleOn().isAfter(draft.opensAt().atZoneSameInstant(ZONE).toLocalDate())) {
            throw new Refusal("benefits.welfare.error.eligibleOn");
        }
        BigDecimal cap = cap(yearOf(draft)).orElse(null);
        if (draft.budgetPerMember() != null && draft.budgetPerMember().scale() > 2) {
            throw new Refusal("benefits.welfare.error.budget");
        }
        WelfareBudget.checkBudgetPerMember(draft.budgetPerMember(), cap);
    }

    private static String requireText(String text, String key) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw new Refusal(key);
        }
        return text.strip();
    }

    @Transactional
    public long addPackage(Viewer viewer, long roundId, PackageDraft draft) {
        WelfareRound round = owned(viewer, roundId, true);
        requireDraft(round);
        String name = requireText(draft.name(), "benefits.welfare.error.packageName");
        String supplier = requireText(draft.supplier(), "benefits.welfare.error.supplier");
        String description = draft.description() == null ? "" : draft.description().strip();
        if (description.length() > 1000) {
            throw new Refusal("benefits.welfare.error.description");
        }
        if (draft.price() != null && draft.price().scale() > 2) {
            throw new Refusal("benefits.welfare.error.price");
        }
        WelfareBudget.checkPrice(draft.price(), round.budgetPerMember());
        if (draft.stock() < 0 || draft.stock() > 1_000_000) {
            throw new Refusal("benefits.welfare.error.stock");
        }
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM welfare_package WHERE round_id = ?")
                .param(roundId).query(Integer.class).single();
        long id = jdbc.sql("""
                        INSERT INTO welfare_package (round_id, name, description, price, supplier, stock, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(roundId, name, description, draft.price(), supplier, draft.stock(), position)
                .query(Long.class).single();
        if (round.defaultPackageId() == null) {
            jdbc.sql("UPDATE welfare_round SET default_package_id = ? WHERE id = ?").params(id, roundId).update();
        }
        audit.record(viewer, "benefits.welfare.package", "welfare_round", roundId, round.unitId(), name, Map.of(),
                Map.of("price", draft.price().toPlainString(), "supplier", supplier, "stock", draft.stock()));
        return id;
    }

    @Transactional
    public void removePackage(Viewer viewer, long roundId, long packageId) {
        WelfareRound round = owned(viewer, roundId, true);
        requireDraft(round);
        WelfarePackage pack = packageOf(roundId, packageId);
        if (round.defaultPackageId() != null && round.defaultPackageId() == packageId) {
            jdbc.sql("UPDATE welfare_round SET default_package_id = NULL WHERE id = ?").param(roundId).update();
        }
        jdbc.sql("DELETE FROM welfare_package WHERE id = ?").param(packageId).update();
        audit.record(viewer, "benefits.welfare.packageRemoved", "welfare_round", roundId, round.unitId(), pack.name(),
                Map.of("package", pack.name()), Map.of());
    }

    @Transactional
    public void setDefault(Viewer viewer, long roundId, long packageId) {
        WelfareRound round = owned(viewer, roundId, true);
        requireDraft(round);
        WelfarePackage pack = packageOf(roundId, packageId);
        jdbc.sql("UPDATE welfare_round SET default_package_id = ? WHERE id = ?").params(packageId, roundId).update();
        audit.record(viewer, "benefits.welfare.default", "welfare_round", roundId, round.unitId(), pack.name(),
                Map.of(), Map.of("package", pack.name()));
    }

    /** A supplier can deliver more (or fewer, not below what is taken) while the round is not closed. */
    @Transactional
    public void restock(Viewer viewer, long roundId, long packageId, int stock) {
        WelfareRound round = owned(viewer, roundId, true);
        if (round.status() == WelfareRound.Status.CLOSED) {
            throw new Refusal("benefits.welfare.error.closed");
        }
        WelfarePackage pack = jdbc.sql("SELECT * FROM welfare_package WHERE id = ? AND round_id = ? FOR UPDATE")
                .params(packageId, roundId).query(PACKAGE).optional().orElseThrow(() -> new NotFoundException("welfare"));
        boolean isDefault = round.defaultPackageId() != null && round.defaultPackageId() == packageId;
        WelfareStock.checkRestock(pack, stock, isDefault, round.members(), round.status() == WelfareRound.Status.OPEN);
        jdbc.sql("UPDATE welfare_package SET stock = ? WHERE id = ?").params(stock, packageId).update();
        audit.record(viewer, "benefits.welfare.restock", "welfare_round", roundId, round.unitId(), pack.name(),
                Map.of("stock", pack.stock()), Map.of("stock", stock));
    }

    private static void requireDraft(WelfareRound round) {
        if (round.status() != WelfareRound.Status.DRAFT) {
            throw new Refusal("benefits.welfare.error.notDraft");
        }
    }

    private WelfarePackage packageOf(long roundId, long packageId) {
        return jdbc.sql("SELECT * FROM welfare_package WHERE id = ? AND round_id = ?").params(packageId, roundId)
                .query(PACKAGE).optional().orElseThrow(() -> new NotFoundException("welfare"));
    }

    // ---- opening ------------------------------------------------------------------------------------------------

    /**
     * Opens the round: the members of the subtree as of the eligibility day get their place, with the site where
     * they will collect; the budget and stock rules are checked against them; the subtree is told.
     */
    @Transactional
    public int open(Viewer viewer, long roundId) {
        WelfareRound round = owned(viewer, roundId, true);
        jdbc.sql("SELECT id FROM welfare_round WHERE id = ? FOR UPDATE").param(roundId).query(Long.class).single();
        round = find(roundId).orElseThrow();
        requireDraft(round);
        if (round.closesAt().isBefore(now())) {
            throw new Refusal("benefits.welfare.error.window");
        }
        if (round.eligibleOn().isAfter(today())) {
            throw new Refusal("benefits.welfare.error.eligibleOn");
        }
        List<Long> onTheBooks = org.employeesOnTheBooksInSubtree(round.unitId());
        List<Long> eligible = members.membersOn(onTheBooks, round.eligibleOn()).stream().sorted().toList();
        List<WelfarePackage> packages = packages(roundId);
        WelfareStock.checkOpening(eligible.size(), packages, round.defaultPackageId());
        for (WelfarePackage p : packages) {
            WelfareBudget.checkPrice(p.price(), round.budgetPerMember());
        }
        BigDecimal mostUsed = jdbc.sql("""
                        SELECT coalesce(max(s), 0) FROM (
                          SELECT sum(r.budget_per_member) AS s FROM welfare_entitlement e
                          JOIN welfare_round r ON r.id = e.round_id
                          WHERE r.year = ? AND e.employee_id = ANY(?) GROUP BY e.employee_id) t""")
                .params(round.year(), eligible.toArray(Long[]::new)).query(BigDecimal.class).single();
        WelfareBudget.checkOpening(round.budgetPerMember(), cap(round.year()).orElse(null), mostUsed);

        Map<Long, Long> unitOf = org.unitIdsOf(eligible);
        Map<Long, Long> siteOfUnit = new HashMap<>();
        Long[] employees = new Long[eligible.size()];
        Long[] sites = new Long[eligible.size()];
        for (int i = 0; i < eligible.size(); i++) {
            employees[i] = eligible.get(i);
            sites[i] = siteOfUnit.computeIfAbsent(unitOf.get(eligible.get(i)), this::site);
        }
        jdbc.sql("""
                        INSERT INTO welfare_entitlement (round_id, employee_id, site_id)
                        SELECT ?, e, s FROM unnest(?::bigint[], ?::bigint[]) AS t(e, s)""")
                .params(roundId, employees, sites).update();
        BigDecimal budget = WelfareBudget.roundBudget(round.budgetPerMember(), eligible.size());
        jdbc.sql("UPDATE welfare_round SET status = 'OPEN', members = ?, budget = ?, opened_at = now() WHERE id = ?")
                .params(eligible.size(), budget, roundId).update();
        snapshots.welfareChanged(roundId, null);
        events.publishEvent(NotificationRequested.toSubtree(round.unitId(), Message.of(NoticeKind.BENEFITS,
                "benefits.welfare-open", "/benefits/welfare/" + roundId, round.title(),
                WelfareDates.local(round.closesAt()))));
        audit.record(viewer, "benefits.welfare.open", "welfare_round", roundId, round.unitId(), round.title(),
                Map.of("status", "DRAFT"), Map.of("status", "OPEN", "members", eligible.size(),
                        "budget", budget.toPlainString()));
        return eligible.size();
    }

    /**
     * Where a member of a unit collects: the unit itself, or for a union group (班组小组) its branch, since a toll
     * station's shifts collect at the station.
     */
    private Long site(Long unitId) {
        OrgUnit unit = org.unit(unitId).orElseThrow();
        if (unit.kind() == UnitKind.GROUP && unit.parentId() != null) {
            return unit.parentId();
        }
        return unit.id();
    }

    // ---- picking ------------------------------------------------------------------------------------------------

    /**
     * The member picks a package, or changes the one they hold: their place is locked first so two taps of the same
     * member take turns; stock moves between the two packages in id order so two members swapping never deadlock;
     * a package with no stock left refuses (never oversold).
     */
    @Transactional
    public void pick(Viewer viewer, long roundId, long packageId) {
        if (viewer.employeeId() == null) {
            throw new Refusal("benefits.welfare.error.notEligible");
        }
        WelfareRound round = jdbc.sql("SELECT * FROM welfare_round WHERE id = ? FOR SHARE").param(roundId)
                .query(ROUND).optional().orElseThrow(() -> new NotFoundException("welfare"));
        Optional<Entitlement> mine = jdbc.sql("""
                        SELECT * FROM welfare_entitlement WHERE round_id = ? AND employee_id = ? FOR UPDATE""")
                .params(roundId, viewer.employeeId()).query(ENTITLEMENT).optional();
        WelfarePackage pack = jdbc.sql("SELECT * FROM welfare_package WHERE id = ? AND round_id = ?")
                .params(packageId, roundId).query(PACKAGE).optional().orElse(null);
        WelfarePicks.check(round, now(), mine.isPresent(), pack);
        Entitlement place = mine.orElseThrow();
        Long held = place.packageId();
        if (held != null && held == packageId) {
            return;
        }
        if (held == null || packageId < held) {
            take(packageId);
            if (held != null) {
                giveBack(held);
            }
        } else {
            giveBack(held);
            take(packageId);
        }
        jdbc.sql("UPDATE welfare_entitlement SET package_id = ?, picked_at = ?, by_default = FALSE WHERE id = ?")
                .params(packageId, now(), place.id()).update();
        snapshots.welfareChanged(roundId, place.siteId());
    }

    private void take(long packageId) {
        int taken = jdbc.sql("UPDATE welfare_package SET taken = taken + 1 WHERE id = ? AND taken < stock")
                .param(packageId).update();
        if (taken == 0) {
            throw new Refusal("benefits.welfare.error.soldOut");
        }
    }

    private void giveBack(long packageId) {
        jdbc.sql("UPDATE welfare_package SET taken = taken - 1 WHERE id = ?").param(packageId).update();
    }

    // ---- closing ------------------------------------------------------------------------------------------------

    /**
     * Closes every open round whose window has ended: each member without a package gets the default, and is told;
     * the officers of the round's unit are told the pick lists are ready. Rounds are claimed with SKIP LOCKED, so
     * two nodes never close one twice; a pick racing the close waits for it (it holds the round FOR SHARE).
     */
    @Transactional
    public List<Long> closeDue(OffsetDateTime now) {
        List<Long> closed = jdbc.sql("""
                        UPDATE welfare_round SET status = 'CLOSED', closed_at = ?
                        WHERE id IN (SELECT id FROM welfare_round WHERE status = 'OPEN' AND closes_at <= ?
                                     ORDER BY id FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .params(now, now).query(Long.class).list();
        Viewer system = Viewer.system("welfare");
        for (long roundId : closed) {
            WelfareRound round = find(roundId).orElseThrow();
            WelfarePackage def = packageOf(roundId, round.defaultPackageId());
            List<Long> given = jdbc.sql("""
                            UPDATE welfare_entitlement SET package_id = ?, by_default = TRUE, picked_at = ?
                            WHERE round_id = ? AND package_id IS NULL RETURNING employee_id""")
                    .params(def.id(), now, roundId).query(Long.class).list();
            jdbc.sql("UPDATE welfare_package SET taken = taken + ? WHERE id = ?").params(given.size(), def.id())
                    .update();
            snapshots.welfareChanged(roundId, null);
            for (long employeeId : given) {
                events.publishEvent(NotificationRequested.toEmployee(employeeId, Message.of(NoticeKind.BENEFITS,
                        "benefits.welfare-default", "/benefits/welfare/" + roundId, round.title(), def.name())));
            }
            events.publishEvent(NotificationRequested.toOfficersOf(round.unitId(), Message.of(NoticeKind.BENEFITS,
                    "benefits.welfare-closed", "/benefits/welfare-admin/" + roundId, round.title(), given.size())));
            audit.record(system, "benefits.welfare.close", "welfare_round", roundId,
                    round.unitId(), round.title(), Map.of("status", "OPEN"),
                    Map.of("status", "CLOSED", "defaults", given.size()));
        }
        return closed;
    }

    // ---- distribution -------------------------------------------------------------------------------------------

    /** The site's officer confirms the suppliers delivered the site's packages; members may then sign. */
    @Transactional
    public void confirmDelivery(Viewer viewer, long roundId, long siteId, String note) {
        WelfareRound round = find(roundId).orElseThrow(() -> new NotFoundException("welfare"));
        OrgUnit site = siteOf(viewer, round, siteId);
        if (round.status() != WelfareRound.Status.CLOSED) {
            throw new Refusal("benefits.welfare.error.notClosed");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 500) {
            throw new Refusal("benefits.welfare.error.note");
        }
        int done = jdbc.sql("""
                        INSERT INTO welfare_delivery (round_id, site_id, confirmed_by, note) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(roundId, siteId, viewer.accountId(), text).update();
        if (done == 0) {
            throw new Refusal("benefits.welfare.error.delivered");
        }
        audit.record(viewer, "benefits.welfare.delivered", "welfare_round", roundId, site.id(), site.name(), Map.of(),
                Map.of("site", site.name()));
    }

    /** The member signs on the phone that they collected their package, once it is delivered to their site. */
    @Transactional
    public void sign(Viewer viewer, long roundId) {
        if (viewer.employeeId() == null) {
            throw new NotFoundException("welfare");
        }
        Entitlement place = jdbc.sql("""
                        SELECT * FROM welfare_entitlement WHERE round_id = ? AND employee_id = ? FOR UPDATE""")
                .params(roundId, viewer.employeeId()).query(ENTITLEMENT).optional()
                .orElseThrow(() -> new NotFoundException("welfare"));
        requireDelivered(place);
        if (place.collected()) {
            throw new Refusal("benefits.welfare.error.collected");
        }
        requireNotReturned(place);
        collect(place, viewer, "SIGNED");
    }

    /** The site's officer marks a member's package handed over (the member had no phone at hand). */
    @Transactional
    public void markCollected(Viewer viewer, long entitlementId) {
        Entitlement place = placeForOfficer(viewer, entitlementId);
        requireDelivered(place);
        if (place.collected()) {
            throw new Refusal("benefits.welfare.error.collected");
        }
        requireNotReturned(place);
        collect(place, viewer, "OFFICER");
        audit.record(viewer, "benefits.welfare.collected", "welfare_entitlement", entitlementId, place.siteId(),
                "#" + place.employeeId(), Map.of(), Map.of("how", "OFFICER"));
    }

    private void collect(Entitlement place, Viewer viewer, String how) {
        jdbc.sql("""
                        UPDATE welfare_entitlement SET collected_at = ?, collected_by = ?, collected_how = ?,
                          exception_outcome = CASE WHEN exception IS NOT NULL AND exception_outcome IS NULL
                                                   THEN 'COLLECTED' ELSE exception_outcome END,
                          exception_closed_at = CASE WHEN exception IS NOT NULL AND exception_outcome IS NULL
                                                     THEN ? ELSE exception_closed_at END
                        WHERE id = ?""")
                .params(now(), viewer.accountId(), how, now(), place.id()).update();
        snapshots.welfareChanged(place.roundId(), place.siteId());
    }

    /** The site's officer records why a member has not collected (absent, on leave …); tracked until closed. */
    @Transactional
    public void markException(Viewer viewer, long entitlementId, String kind, String note) {
        Entitlement place = placeForOfficer(viewer, entitlementId);
        requireDelivered(place);
        if (place.collected()) {
            throw new Refusal("benefits.welfare.error.collected");
        }
        if (kind == null || !Set.of("ABSENT", "LEAVE", "OTHER").contains(kind)) {
            throw new Refusal("benefits.welfare.error.exception");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 500 || (kind.equals("OTHER") && text.isEmpty())) {
            throw new Refusal("benefits.welfare.error.note");
        }
        jdbc.sql("""
                        UPDATE welfare_entitlement SET exception = ?, exception_note = ?, exception_at = ?,
                          exception_outcome = NULL, exception_closed_at = NULL WHERE id = ?""")
                .params(kind, text, now(), entitlementId).update();
        audit.record(viewer, "benefits.welfare.exception", "welfare_entitlement", entitlementId, place.siteId(),
                "#" + place.employeeId(), Map.of(), Map.of("exception", kind));
    }

    /**
     * Closes an exception: collected later, collected by a colleague on the member's behalf (代领), or returned to
     * the supplier (the package then no longer counts in the spend).
     */
    @Transactional
    public void closeException(Viewer viewer, long entitlementId, String outcome) {
        Entitlement place = placeForOfficer(viewer, entitlementId);
        if (!place.exceptionOpen()) {
            throw new Refusal("benefits.welfare.error.noException");
        }
        if (outcome == null || !Set.of("COLLECTED", "PROXY", "RETURNED").contains(outcome)) {
            throw new Refusal("benefits.welfare.error.outcome");
        }
        if (outcome.equals("RETURNED")) {
            jdbc.sql("UPDATE welfare_entitlement SET exception_outcome = 'RETURNED', exception_closed_at = ? WHERE id = ?")
                    .params(now(), entitlementId).update();
        } else {
            jdbc.sql("""
                            UPDATE welfare_entitlement SET exception_outcome = ?, exception_closed_at = ?,
                              collected_at = ?, collected_by = ?, collected_how = 'OFFICER' WHERE id = ?""")
                    .params(outcome, now(), now(), viewer.accountId(), entitlementId).update();
        }
        snapshots.welfareChanged(place.roundId(), place.siteId());
        audit.record(viewer, "benefits.welfare.exceptionClosed", "welfare_entitlement", entitlementId,
                place.siteId(), "#" + place.employeeId(), Map.of("exception", place.exception()),
                Map.of("outcome", outcome));
    }

    /** A package returned to the supplier is gone (and no longer spent): it cannot be collected afterwards. */
    private static void requireNotReturned(Entitlement place) {
        if ("RETURNED".equals(place.exceptionOutcome())) {
            throw new Refusal("benefits.welfare.error.returned");
        }
    }

    private void requireDelivered(Entitlement place) {
        boolean delivered = jdbc.sql("SELECT count(*) FROM welfare_delivery WHERE round_id = ? AND site_id = ?")
                .params(place.roundId(), place.siteId()).query(Long.class).single() > 0;
        if (!delivered) {
            throw new Refusal("benefits.welfare.error.notDelivered");
        }
    }

    private Entitlement placeForOfficer(Viewer viewer, long entitlementId) {
        Entitlement place = jdbc.sql("SELECT * FROM welfare_entitlement WHERE id = ? FOR UPDATE").param(entitlementId)
                .query(ENTITLEMENT).optional().orElseThrow(() -> new NotFoundException("welfare"));
        org.managedUnit(viewer, place.siteId());
        return place;
    }

    private OrgUnit siteOf(Viewer viewer, WelfareRound round, long siteId) {
        boolean inRound = jdbc.sql("SELECT count(*) FROM welfare_entitlement WHERE round_id = ? AND site_id = ?")
                .params(round.id(), siteId).query(Long.class).single() > 0;
        if (!inRound) {
            throw new NotFoundException("welfare");
        }
        return org.managedUnit(viewer, siteId);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public Optional<WelfareRound> find(long roundId) {
        return jdbc.sql("SELECT * FROM welfare_round WHERE id = ?").param(roundId).query(ROUND).optional();
    }

    public List<WelfarePackage> packages(long roundId) {
        return jdbc.sql("SELECT * FROM welfare_package WHERE round_id = ? ORDER BY position, id").param(roundId)
                .query(PACKAGE).list();
    }

    /**
     * The round for an officer: one of their subtree's rounds ({@code owner}), or a round with a site they manage
     * (a station's chair distributing the company's round). Anyone else: not found.
     */
    public WelfareRound owned(Viewer viewer, long roundId, boolean owner) {
        WelfareRound round = find(roundId).orElseThrow(() -> new NotFoundException("welfare"));
        if (ownsRound(viewer, round)) {
            return round;
        }
        if (!owner && !sitesManaged(viewer, round).isEmpty()) {
            return round;
        }
        throw new NotFoundException("welfare");
    }

    public boolean ownsRound(Viewer viewer, WelfareRound round) {
        return org.unit(round.unitId()).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    /** The round's sites the viewer manages, in tree order. */
    public List<OrgUnit> sitesManaged(Viewer viewer, WelfareRound round) {
        if (!viewer.isOfficerOrAbove()) {
            return List.of();
        }
        Optional<Set<Long>> reach = org.manageableUnitIds(viewer);
        return jdbc.sql("SELECT DISTINCT site_id FROM welfare_entitlement WHERE round_id = ?").param(round.id())
                .query(Long.class).list().stream()
                .filter(id -> reach.map(r -> r.contains(id)).orElse(true))
                .map(org::unit).flatMap(Optional::stream)
                .sorted(Comparator.comparing(OrgUnit::path)).toList();
    }

    /** Rounds an officer set up (drafts too) or distributes at a site they manage, newest first. */
    public List<WelfareRound> forOfficer(Viewer viewer) {
        if (!viewer.isOfficerOrAbove()) {
            return List.of();
        }
        Optional<Set<Long>> reach = org.manageableUnitIds(viewer);
        if (reach.isEmpty()) {
            return jdbc.sql("SELECT * FROM welfare_round ORDER BY opens_at DESC, id DESC LIMIT 200").query(ROUND).list();
        }
        Long[] units = reach.get().toArray(Long[]::new);
        return jdbc.sql("""
                        SELECT * FROM welfare_round r WHERE r.unit_id = ANY(?)
                           OR (r.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM welfare_entitlement e
                                                              WHERE e.round_id = r.id AND e.site_id = ANY(?)))
                        ORDER BY r.opens_at DESC, r.id DESC LIMIT 200""")
                .params(units, units).query(ROUND).list();
    }

    /** The rounds a member is in, newest first, with what they hold. */
    public List<MemberView> mine(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        List<Long> rounds = jdbc.sql("""
                        SELECT r.id FROM welfare_entitlement e JOIN welfare_round r ON r.id = e.round_id
                        WHERE e.employee_id = ? ORDER BY r.opens_at DESC, r.id DESC""")
                .param(viewer.employeeId()).query(Long.class).list();
        return rounds.stream().map(id -> forMember(viewer, id)).toList();
    }

    /** A round as a member in it sees it; anyone not in it: not found. */
    public MemberView forMember(Viewer viewer, long roundId) {
        if (viewer.employeeId() == null) {
            throw new NotFoundException("welfare");
        }
        Entitlement place = jdbc.sql("SELECT * FROM welfare_entitlement WHERE round_id = ? AND employee_id = ?")
                .params(roundId, viewer.employeeId()).query(ENTITLEMENT).optional()
                .orElseThrow(() -> new NotFoundException("welfare"));
        WelfareRound round = find(roundId).orElseThrow();
        boolean delivered = jdbc.sql("SELECT count(*) FROM welfare_delivery WHERE round_id = ? AND site_id = ?")
                .params(roundId, place.siteId()).query(Long.class).single() > 0;
        return new MemberView(round, packages(roundId), place, delivered,
                org.unit(place.siteId()).map(OrgUnit::name).orElse(""));
    }

    /** A site's pick list: every member with their package and collection, by employee number. */
    public List<Line> pickList(Viewer viewer, long roundId, long siteId) {
        WelfareRound round = find(roundId).orElseThrow(() -> new NotFoundException("welfare"));
        siteOf(viewer, round, siteId);
        List<Entitlement> places = jdbc.sql("SELECT * FROM welfare_entitlement WHERE round_id = ? AND site_id = ?")
                .params(roundId, siteId).query(ENTITLEMENT).list();
        Map<Long, String> packageNames = new HashMap<>();
        packages(roundId).forEach(p -> packageNames.put(p.id(), p.name()));
        var people = org.employees(places.stream().map(Entitlement::employeeId).toList());
        return places.stream().map(p -> {
            var person = people.get(p.employeeId());
            return new Line(p, person == null ? "" : person.name(), person == null ? "" : person.employeeNo(),
                    p.packageId() == null ? null : packageNames.get(p.packageId()));
        }).sorted(Comparator.comparing(Line::employeeNo)).toList();
    }

    /** Counts per package (and supplier) at one site, for the supplier's delivery. */
    public List<Count> siteCounts(Viewer viewer, long roundId, long siteId) {
        WelfareRound round = find(roundId).orElseThrow(() -> new NotFoundException("welfare"));
        siteOf(viewer, round, siteId);
        return counts("AND e.site_id = ?", roundId, siteId);
    }

    private List<Count> counts(String where, Object... params) {
        return jdbc.sql("""
                        SELECT p.supplier, p.id, p.name, p.price, count(e.id) AS n FROM welfare_package p
                        JOIN welfare_entitlement e ON e.package_id = p.id
                        WHERE p.round_id = ? AND e.exception_outcome IS DISTINCT FROM 'RETURNED'
                        """ + where + " GROUP BY p.supplier, p.id, p.name, p.price ORDER BY p.supplier, p.position, p.id")
                .params(params)
                .query((rs, i) -> new Count(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getInt(5)))
                .list();
    }

    /**
     * The round's figures for its owner (every site) or a site's officer (their sites): members, picks, defaults,
     * collections, open exceptions, spend per site and per supplier. Packages returned to a supplier are not spent.
     */
    public Totals totals(Viewer viewer, long roundId) {
        WelfareRound round = owned(viewer, roundId, false);
        boolean owner = ownsRound(viewer, round);
        List<Long> siteIds = owner ? null : sitesManaged(viewer, round).stream().map(OrgUnit::id).toList();
        String scope = owner ? "" : " AND e.site_id = ANY(?)";
        Object[] params = owner ? new Object[]{roundId} : new Object[]{roundId, siteIds.toArray(Long[]::new)};
        Map<Long, OffsetDateTime> delivered = new HashMap<>();
        jdbc.sql("SELECT site_id, confirmed_at FROM welfare_delivery WHERE round_id = ?").param(roundId)
                .query((rs, i) -> delivered.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
        Map<Long, Site> sites = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT e.site_id, count(*) AS members, count(e.package_id) FILTER (WHERE NOT e.by_default) AS picked,
                          count(e.collected_at) AS collected,
                          count(*) FILTER (WHERE e.exception IS NOT NULL AND e.exception_outcome IS NULL) AS open_ex,
                          coalesce(sum(p.price) FILTER (WHERE e.exception_outcome IS DISTINCT FROM 'RETURNED'), 0) AS spend
                        FROM welfare_entitlement e LEFT JOIN welfare_package p ON p.id = e.package_id
                        WHERE e.round_id = ?""" + scope + " GROUP BY e.site_id")
                .params(params)
                .query((rs, i) -> {
                    long site = rs.getLong("site_id");
                    return sites.put(site, new Site(site, org.unit(site).map(OrgUnit::name).orElse(""),
                            rs.getInt("members"), rs.getInt("picked"), rs.getInt("collected"), rs.getInt("open_ex"),
                            rs.getBigDecimal("spend"), delivered.get(site)));
                }).list();
        List<Site> bySite = sites.values().stream().sorted(Comparator.comparing(Site::name)).toList();
        int[] overall = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE e.by_default), count(*) FILTER (WHERE e.exception_outcome = 'RETURNED')
                        FROM welfare_entitlement e WHERE e.round_id = ?""" + scope)
                .params(params).query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
        List<Count> suppliers = counts(owner ? "" : "AND e.site_id = ANY(?)", params);
        return new Totals(round, bySite.stream().mapToInt(Site::members).sum(),
                bySite.stream().mapToInt(Site::picked).sum(), overall[0],
                bySite.stream().mapToInt(Site::collected).sum(), bySite.stream().mapToInt(Site::openExceptions).sum(),
                overall[1], bySite.stream().map(Site::spend).reduce(BigDecimal.ZERO, BigDecimal::add), bySite,
                suppliers);
    }
}
