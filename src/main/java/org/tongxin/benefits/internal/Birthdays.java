package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
import org.tongxin.org.PersonalDates;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Birthday benefits (生日福利): the committee's setting (on or off, a cake voucher or a card, its value, the shop and a
 * short text, and the shop's PIN), issued by a daily job to every member whose birthday falls in the current month and
 * who has none for the year — once per member and year across nodes (a unique key, insert-once), each with a voucher
 * the shop checks on the same page as partners' offers, and a notice. Members see theirs; officers see a month's list
 * for their subtree.
 */
@Service
public class Birthdays {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("2000.00");
    public static final int MAX_NOTE = 200;
    public static final int MAX_PARTNER = 100;

    public enum Kind { CAKE, CARD }

    public record Setting(boolean enabled, Kind kind, BigDecimal amount, String partner, String note,
                          OffsetDateTime updatedAt) {
    }

    /** What the committee types. */
    public record Form(boolean enabled, String kind, String amount, String partner, String note, boolean newPin) {
    }

    /** A birthday benefit given, with its voucher's state, for the member or an officer's list. */
    public record Given(long id, long employeeId, String name, long unitId, String unitName, int year, int month,
                        Kind kind,
                        BigDecimal amount, String partner, String note, OffsetDateTime issuedAt, Long voucherId,
                        VoucherRules.State state, OffsetDateTime redeemedAt) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final Vouchers vouchers;
    private final VoucherCodes codes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Birthdays(JdbcClient jdbc, OrgDirectory org, MemberDirectory members, Vouchers vouchers, VoucherCodes codes,
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

    public Optional<Setting> setting() {
        return jdbc.sql("SELECT * FROM benefits_birthday_setting WHERE id = 1")
                .query((rs, i) -> new Setting(rs.getBoolean("enabled"), Kind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("amount"), rs.getString("partner"), rs.getString("note"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** Whether the viewer sets the birthday benefit: the committee. */
    public boolean sets(Viewer viewer) {
        return viewer.has(Role.COMMITTEE);
    }

    /**
     * Saves the committee's setting. The shop's PIN is made on the first save and again when asked; it is returned
     * then, to be shown this once.
     */
    @Transactional
    public Optional<String> save(Viewer committee, Form f) {
        if (!sets(committee)) {
            throw new NotFoundException("birthday setting");
        }
        Kind kind = f.kind() == null ? null : switch (f.kind()) {
            case "CAKE" -> Kind.CAKE;
            case "CARD" -> Kind.CARD;
            default -> null;
        };
        if (kind == null) {
            throw new Refusal("benefits.birthday.error.kind");
        }
        BigDecimal amount = amount(f.amount());
        String partner = f.partner() == null ? "" : f.partner().strip();
        String note = f.note() == null ? "" : f.note().strip();
        if (partner.isEmpty() || partner.length() > MAX_PARTNER) {
            throw new Refusal("benefits.birthday.error.partner");
        }
        if (note.length() > MAX_NOTE) {
            throw new Refusal("benefits.birthday.error.note");
        }
        Optional<Setting> before = setting();
        String pin = before.isEmpty() || f.newPin() ? codes.newPin() : null;
        if (pin != null) {
            jdbc.sql("""
                            INSERT INTO benefits_birthday_setting (id, enabled, kind, amount, partner, note, pin_hash,
                                                                   updated_by)
                            VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, kind = excluded.kind,
                              amount = excluded.amount, partner = excluded.partner, note = excluded.note,
                              pin_hash = excluded.pin_hash, updated_by = excluded.updated_by, updated_at = now()""")
                    .params(f.enabled(), kind.name(), amount, partner, note, codes.hash(pin), committee.accountId())
                    .update();
        } else {
            jdbc.sql("""
                            UPDATE benefits_birthday_setting SET enabled = ?, kind = ?, amount = ?, partner = ?, note = ?,
                              updated_by = ?, updated_at = now() WHERE id = 1""")
                    .params(f.enabled(), kind.name(), amount, partner, note, committee.accountId()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enabled", f.enabled());
        after.put("kind", kind.name());
        after.put("amount", amount.toPlainString());
        after.put("partner", partner);
        after.put("note", note);
        after.put("newPin", pin != null);
        Map<String, Object> was = before.<Map<String, Object>>map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", s.enabled());
            m.put("kind", s.kind().name());
            m.put("amount", s.amount().toPlainString());
            m.put("partner", s.partner());
            m.put("note", s.note());
            return m;
        }).orElse(Map.of());
        audit.record(committee, "benefits.birthday.settings", "benefits_birthday_setting", 1, null,
                (f.enabled() ? "on" : "off") + " · " + kind.name() + " · " + amount.toPlainString(), was, after);
        return Optional.ofNullable(pin);
    }

    /**
     * Issues the birthday benefit of {@code today}'s month to every current member born in that month who has none for
     * the year, with a voucher valid to the end of the following month and a notice. Safe on several nodes and threads
     * at once: the unique key (member, year) lets one insert win, and the notices commit with the rows. Returns how
     * many were issued by this call.
     */
    @Transactional
    public int issue(LocalDate today) {
        Setting s = setting().filter(Setting::enabled).orElse(null);
        if (s == null) {
            return 0;
        }
        YearMonth month = YearMonth.from(today);
        Map<Long, PersonalDates> born = new LinkedHashMap<>();
        for (OrgUnit root : org.roots()) {
            for (PersonalDates p : org.activeEmployeesWithDates(root)) {
                if (p.birthDate() != null && p.birthDate().getMonthValue() == month.getMonthValue()) {
                    born.putIfAbsent(p.employeeId(), p);
                }
            }
        }
        if (born.isEmpty()) {
            return 0;
        }
        Set<Long> current = members.membersOn(born.keySet(), today);
        LocalDate until = month.plusMonths(1).atEndOfMonth();
        int issued = 0;
        for (PersonalDates p : born.values()) {
            if (!current.contains(p.employeeId())) {
                continue;
            }
            Optional<Long> id = jdbc.sql("""
                            INSERT INTO benefits_birthday (employee_id, year, month, unit_id, kind, amount, partner, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (employee_id, year) DO NOTHING RETURNING id""")
                    .params(p.employeeId(), month.getYear(), month.getMonthValue(), p.unitId(), s.kind().name(),
                            s.amount(), s.partner(), s.note())
                    .query(Long.class).optional();
            if (id.isEmpty()) {
                continue;
            }
            vouchers.issue(p.employeeId(), null, id.get(), today, until);
            // One template per kind, so that the notice names it in the reader's own language.
            Message message = s.kind() == Kind.CAKE
                    ? Message.of(NoticeKind.BENEFITS, "benefits.birthday-cake", "/benefits/birthday",
                    s.amount().toPlainString(), s.partner(), until)
                    : Message.of(NoticeKind.BENEFITS, "benefits.birthday-card", "/benefits/birthday",
                    s.amount().toPlainString(), s.partner(), until);
            events.publishEvent(NotificationRequested.toEmployee(p.employeeId(), message));
            issued++;
        }
        return issued;
    }

    /** The member's own birthday benefits, newest first. */
    public List<Given> mine(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        return given(" WHERE b.employee_id = ?", List.of(viewer.employeeId()));
    }

    /** The member's birthday voucher of this year not used yet, if any (for the home card). */
    public Optional<Given> unusedThisYear(Viewer viewer) {
        return mine(viewer).stream().filter(g -> g.year() == today().getYear() && g.state() != null
                && g.state() == VoucherRules.State.VALID).findFirst();
    }

    /**
     * The benefits given in {@code month} to members of the officer's subtree (or of {@code unitId}'s subtree, which
     * must be theirs), by unit and name.
     */
    public List<Given> month(Viewer officer, YearMonth month, Long unitId) {
        if (!officer.isOfficerOrAbove()) {
            throw new NotFoundException("birthday list");
        }
        String where = " WHERE b.year = ? AND b.month = ?";
        List<Object> params = new ArrayList<>(List.of(month.getYear(), month.getMonthValue()));
        Optional<Set<Long>> scope = org.manageableUnitIds(officer);
        if (scope.isPresent()) {
            where += " AND b.unit_id = ANY(?)";
            params.add(scope.get().toArray(Long[]::new));
        }
        List<Given> rows = given(where, params);
        if (unitId == null) {
            return rows;
        }
        OrgUnit root = org.managedUnit(officer, unitId);
        Map<Long, Boolean> inside = new HashMap<>();
        return rows.stream().filter(g -> inside.computeIfAbsent(g.unitId(), u -> org.unit(u)
                .map(root::contains).orElse(false))).toList();
    }

    private List<Given> given(String where, List<Object> params) {
        List<Given> rows = jdbc.sql("""
                        SELECT b.*, v.id AS voucher_id FROM benefits_birthday b
                        LEFT JOIN benefits_voucher v ON v.birthday_id = b.id""" + where
                        + " ORDER BY b.year DESC, b.month DESC, b.unit_id, b.id")
                .params(params)
                .query((rs, i) -> new Given(rs.getLong("id"), rs.getLong("employee_id"), null,
                        rs.getLong("unit_id"), null, rs.getInt("year"), rs.getInt("month"),
                        Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getString("partner"),
                        rs.getString("note"), rs.getObject("issued_at", OffsetDateTime.class),
                        rs.getObject("voucher_id", Long.class), null, null))
                .list();
        Map<Long, EmployeeSummary> people = org.employees(rows.stream().map(Given::employeeId).distinct().toList());
        Map<Long, String> unitNames = new HashMap<>();
        List<Given> out = new ArrayList<>(rows.size());
        for (Given g : rows) {
            Vouchers.View v = g.voucherId() == null ? null : vouchers.find(g.voucherId()).orElse(null);
            EmployeeSummary e = people.get(g.employeeId());
            String unitName = unitNames.computeIfAbsent(g.unitId(), u -> org.unit(u).map(OrgUnit::name).orElse(""));
            out.add(new Given(g.id(), g.employeeId(), e == null ? "" : e.name(), g.unitId(), unitName, g.year(),
                    g.month(), g.kind(), g.amount(), g.partner(), g.note(), g.issuedAt(), g.voucherId(),
                    v == null ? null : v.state(), v == null ? null : v.redeemedAt()));
        }
        return out;
    }

    private static BigDecimal amount(String typed) {
        try {
            BigDecimal a = new BigDecimal(typed == null ? "" : typed.strip().replace("¥", "").replace(",", ""));
            if (a.signum() <= 0 || a.compareTo(MAX_AMOUNT) > 0 || a.scale() > 2) {
                throw new Refusal("benefits.birthday.error.amount");
            }
            return a.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new Refusal("benefits.birthday.error.amount");
        }
    }
}
