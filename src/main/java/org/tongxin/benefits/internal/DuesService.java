package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * A member's dues account (their months, exemptions and arrears) for the member and the officers of their unit's
 * subtree, and the officers' actions on it: a cash payment for a month owed, exemptions granted, ended and revoked,
 * each in one transaction and audited. Totals per unit and month for a subtree.
 */
@Service
public class DuesService {

    /** A cash payment above this is a typing error: a month's dues are a few yuan to a few hundred. */
    static final BigDecimal MAX_CASH = new BigDecimal("5000.00");

    /** One member's year: months recorded, what they add up to, exemptions (all years) and what is owed. */
    public record Account(EmployeeSummary person, int year, List<DuesRecords.Entry> entries, BigDecimal paid,
                          List<DuesExemptions.Exemption> exemptions, DuesArrears.Owed owed, YearMonth lastCounted,
                          boolean member) {

        public boolean owes() {
            return owed != null;
        }
    }

    /** Collected, paying members and exempt members of one unit in one month. */
    public record TotalRow(OrgUnit unit, YearMonth month, BigDecimal collected, long paying, long exempt) {
    }

    private final DuesRecords records;
    private final DuesExemptions exemptions;
    private final DuesArrears arrears;
    private final DuesRule rule;
    private final OrgDirectory org;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final BenefitsSnapshots snapshots;
    private final Clock clock;

    DuesService(DuesRecords records, DuesExemptions exemptions, DuesArrears arrears, DuesRule rule, OrgDirectory org,
                MemberDirectory members, AuditTrail audit, BenefitsSnapshots snapshots, Optional<Clock> clock) {
        this.records = records;
        this.exemptions = exemptions;
        this.arrears = arrears;
        this.rule = rule;
        this.org = org;
        this.members = members;
        this.audit = audit;
        this.snapshots = snapshots;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /** The signed-in person's own account; 404 for an account without an employee. */
    public Account mine(Viewer viewer, int year) {
        if (viewer.employeeId() == null) {
            throw new NotFoundException("dues of a technical account");
        }
        return account(org.employee(viewer.employeeId()).orElseThrow(() -> new NotFoundException("employee")), year);
    }

    /** A member's account as an officer of their unit's subtree sees it; 404 for anyone else's people. */
    public Account ofMember(Viewer officer, long employeeId, int year) {
        return account(person(officer, employeeId), year);
    }

    /** The employee when the viewer manages their unit; 404 otherwise (whether they exist or not). */
    public EmployeeSummary person(Viewer officer, long employeeId) {
        EmployeeSummary person = org.employee(employeeId).orElseThrow(() -> new NotFoundException("employee"));
        org.managedUnit(officer, person.unitId());
        return person;
    }

    private Account account(EmployeeSummary person, int year) {
        List<DuesRecords.Entry> entries = records.ofPerson(person.id(), year);
        BigDecimal paid = entries.stream().map(DuesRecords.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        DuesArrears.Owed owed = arrears.owed(List.of(person.id()), year).get(person.id());
        return new Account(person, year, entries, paid, exemptions.ofPerson(person.id()), owed,
                arrears.lastCounted(year).orElse(null), members.isMember(person.id()));
    }

    /** Records a month paid in cash to the officer, which clears it from the arrears. */
    @Transactional
    public long recordCash(Viewer officer, long employeeId, String monthText, String amountText) {
        EmployeeSummary person = person(officer, employeeId);
        YearMonth month = DuesRule.month(monthText == null ? "" : monthText).orElseThrow(
                () -> new Refusal("benefits.dues.cash.month"));
        if (month.isAfter(thisMonth()) || month.isBefore(DuesRule.EARLIEST)) {
            throw new Refusal("benefits.dues.cash.month");
        }
        BigDecimal amount = DuesRule.money(amountText == null ? "" : amountText)
                .filter(a -> a.signum() > 0 && a.scale() <= 2 && a.compareTo(MAX_CASH) <= 0)
                .orElseThrow(() -> new Refusal("benefits.dues.cash.amount")).setScale(2);
        if (members.membersDuring(List.of(employeeId), month.atDay(1), month.atEndOfMonth()).isEmpty()) {
            throw new Refusal("benefits.dues.cash.notMember");
        }
        if (records.entry(employeeId, month).isPresent()) {
            throw new Refusal("benefits.dues.cash.recorded");
        }
        if (exemptions.live(List.of(employeeId), month, month).getOrDefault(employeeId, List.of()).stream()
                .anyMatch(x -> x.covers(month))) {
            throw new Refusal("benefits.dues.cash.exempt");
        }
        DuesRecords.BaseRate latest = records.latestBaseRates(List.of(employeeId)).get(employeeId);
        long id = records.insertCash(employeeId, month, person.unitId(), latest == null ? null : latest.base(),
                latest == null ? null : latest.rate(), amount, officer.accountId());
        snapshots.duesChanged(List.of(Map.entry(person.unitId(), month)));
        audit.record(officer, "benefits.dues.cash", "dues", id, person.unitId(),
                person.employeeNo() + " " + person.name() + " " + month, null, Map.of("month", month, "amount", amount));
        return id;
    }

    /** Grants an exemption to a current member, from a month, to a month or open-ended. */
    @Transactional
    public long grantExemption(Viewer officer, long employeeId, String reasonText, String note, String fromText,
                               String toText) {
        EmployeeSummary person = person(officer, employeeId);
        DuesExemptions.Reason reason;
        try {
            reason = DuesExemptions.Reason.valueOf(reasonText == null ? "" : reasonText);
        } catch (IllegalArgumentException e) {
            throw new Refusal("benefits.dues.exemption.reason");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (reason == DuesExemptions.Reason.OTHER && cleanNote == null) {
            throw new Refusal("benefits.dues.exemption.note");
        }
        if (cleanNote != null && cleanNote.length() > 200) {
            throw new Refusal("benefits.dues.exemption.noteTooLong");
        }
        YearMonth from = DuesRule.month(fromText == null ? "" : fromText)
                .filter(m -> rule.monthAllowed(m, thisMonth().plusYears(1)))
                .orElseThrow(() -> new Refusal("benefits.dues.exemption.badFrom"));
        YearMonth to = null;
        if (toText != null && !toText.isBlank()) {
            to = DuesRule.month(toText).filter(m -> !m.isBefore(from))
                    .orElseThrow(() -> new Refusal("benefits.dues.exemption.badTo"));
        }
        if (!members.isMember(employeeId)) {
            throw new Refusal("benefits.dues.exemption.notMember");
        }
        if (exemptions.overlaps(employeeId, from, to, null)) {
            throw new Refusal("benefits.dues.exemption.overlaps");
        }
        long id = exemptions.insert(employeeId, person.unitId(), reason, cleanNote, from, to, officer.accountId());
        audit.record(officer, "benefits.dues.exemption.grant", "dues_exemption", id, person.unitId(),
                person.employeeNo() + " " + person.name(), null,
                Map.of("reason", reason, "from", from, "to", to == null ? "—" : to, "note", cleanNote == null ? "—" : cleanNote));
        return id;
    }

    /** An exemption as an officer of its member's unit sees it; 404 otherwise. */
    public DuesExemptions.Exemption exemption(Viewer officer, long exemptionId) {
        DuesExemptions.Exemption x = exemptions.find(exemptionId)
                .orElseThrow(() -> new NotFoundException("exemption " + exemptionId));
        person(officer, x.employeeId());
        return x;
    }

    /** Ends an open or later-ending exemption with the given month (the last month exempt). */
    @Transactional
    public DuesExemptions.Exemption endExemption(Viewer officer, long exemptionId, String monthText) {
        EmployeeSummary person = person(officer, exemption(officer, exemptionId).employeeId());
        DuesExemptions.Exemption x = exemptions.lock(exemptionId).orElseThrow();
        if (x.revoked()) {
            throw new Refusal("benefits.dues.exemption.revoked");
        }
        YearMonth to = DuesRule.month(monthText == null ? "" : monthText)
                .filter(m -> !m.isBefore(x.from()) && (x.to() == null || m.isBefore(x.to())))
                .orElseThrow(() -> new Refusal("benefits.dues.exemption.badEnd"));
        exemptions.end(exemptionId, to);
        audit.record(officer, "benefits.dues.exemption.end", "dues_exemption", exemptionId, x.unitId(),
                person.employeeNo() + " " + person.name(),
                Map.of("to", x.to() == null ? "—" : x.to()), Map.of("to", to));
        return x;
    }

    /** Revokes an exemption granted in error: it no longer counts for any month. */
    @Transactional
    public DuesExemptions.Exemption revokeExemption(Viewer officer, long exemptionId) {
        EmployeeSummary person = person(officer, exemption(officer, exemptionId).employeeId());
        DuesExemptions.Exemption x = exemptions.lock(exemptionId).orElseThrow();
        if (x.revoked()) {
            throw new Refusal("benefits.dues.exemption.revoked");
        }
        exemptions.revoke(exemptionId, officer.accountId());
        audit.record(officer, "benefits.dues.exemption.revoke", "dues_exemption", exemptionId, x.unitId(),
                person.employeeNo() + " " + person.name(),
                Map.of("reason", x.reason(), "from", x.from(), "to", x.to() == null ? "—" : x.to()), null);
        return x;
    }

    /** Live exemptions granted in the subtree that still run in or after {@code month}, with their people. */
    public List<Map.Entry<DuesExemptions.Exemption, EmployeeSummary>> liveExemptions(OrgUnit root, YearMonth month) {
        List<Long> unitIds = org.subtreeCounts(root).stream().map(c -> c.unit().id()).toList();
        List<DuesExemptions.Exemption> live = exemptions.liveInUnits(unitIds, month);
        Map<Long, EmployeeSummary> people = org.employees(live.stream().map(DuesExemptions.Exemption::employeeId).toList());
        return live.stream().filter(x -> people.containsKey(x.employeeId()))
                .map(x -> Map.entry(x, people.get(x.employeeId()))).toList();
    }

    /** Per unit of the subtree (tree order) and month of the year: collected, paying and exempt members. */
    public List<TotalRow> totals(OrgUnit root, int year) {
        List<OrgUnit> units = org.subtreeCounts(root).stream().map(UnitCount::unit).toList();
        List<Long> ids = units.stream().map(OrgUnit::id).toList();
        Map<Long, Map<YearMonth, DuesRecords.UnitMonth>> collected = new java.util.HashMap<>();
        records.collected(ids, year).forEach(r -> collected.computeIfAbsent(r.unitId(), k -> new java.util.HashMap<>())
                .put(r.month(), r));
        Map<Long, Map<YearMonth, Long>> exempt = exemptions.exemptPerUnitMonth(ids, year);
        List<TotalRow> rows = new ArrayList<>();
        for (OrgUnit u : units) {
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(year, m);
                DuesRecords.UnitMonth c = collected.getOrDefault(u.id(), Map.of()).get(month);
                long x = exempt.getOrDefault(u.id(), Map.of()).getOrDefault(month, 0L);
                if (c != null || x > 0) {
                    rows.add(new TotalRow(u, month, c == null ? BigDecimal.ZERO.setScale(2) : c.collected(),
                            c == null ? 0 : c.paying(), x));
                }
            }
        }
        rows.sort(Comparator.comparing(TotalRow::month).thenComparing(r -> units.indexOf(r.unit())));
        return rows;
    }

    public DuesRule rule() {
        return rule;
    }
}
