package org.tongxin.benefits.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;

/**
 * Arrears (欠缴): the months a member owes and has not paid. A month is owed when the person was a member on at least
 * one day of it, from January of the year up to the latest month any payroll file has brought in (nothing is owed for
 * months payroll has not reached yet); exempt months are not owed; a month counts as paid once a record exists. What a
 * month owed comes to is the person's latest recorded base × rate (from any year); a person never recorded at all is
 * listed without a sum.
 */
@Service
public class DuesArrears {

    /** One person's owed months; {@code monthly} and {@code sum} are null when they have never been recorded. */
    public record Owed(long employeeId, List<YearMonth> months, BigDecimal monthly, BigDecimal sum) {
    }

    /** A person in the list, with their name and number. */
    public record PersonArrears(EmployeeSummary employee, Owed owed) {
    }

    /** The people of one unit who owe, with the unit's count of months and sum (of those with a sum). */
    public record UnitArrears(long unitId, String unitName, List<PersonArrears> people, int months, BigDecimal sum,
                              int withoutSum) {
    }

    /** A subtree's arrears for a year, counted up to {@code lastMonth} (null when nothing is counted yet). */
    public record Arrears(OrgUnit root, int year, YearMonth lastMonth, List<UnitArrears> units) {

        public int people() {
            return units.stream().mapToInt(u -> u.people().size()).sum();
        }

        public int months() {
            return units.stream().mapToInt(UnitArrears::months).sum();
        }

        public BigDecimal sum() {
            return units.stream().map(UnitArrears::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final DuesRecords records;
    private final DuesExemptions exemptions;
    private final DuesRule rule;
    private final MemberDirectory members;
    private final OrgDirectory org;

    DuesArrears(DuesRecords records, DuesExemptions exemptions, DuesRule rule, MemberDirectory members,
                OrgDirectory org) {
        this.records = records;
        this.exemptions = exemptions;
        this.rule = rule;
        this.members = members;
        this.org = org;
    }

    /** The last month counted in {@code year}: the latest payroll month, within the year; empty before it. */
    public Optional<YearMonth> lastCounted(int year) {
        return records.latestPayrollMonth().filter(m -> m.getYear() >= year)
                .map(m -> m.getYear() > year ? YearMonth.of(year, 12) : m);
    }

    /** What each of the people owes in {@code year}; people who owe nothing are left out. */
    public Map<Long, Owed> owed(Collection<Long> employeeIds, int year) {
        Optional<YearMonth> last = lastCounted(year);
        if (employeeIds.isEmpty() || last.isEmpty()) {
            return Map.of();
        }
        YearMonth first = YearMonth.of(year, 1);
        Map<Long, List<YearMonth>> months = new HashMap<>();
        Map<Long, Set<YearMonth>> paid = records.paidMonths(employeeIds, first, last.get());
        Map<Long, List<DuesExemptions.Exemption>> exempt = exemptions.live(employeeIds, first, last.get());
        for (YearMonth m = first; !m.isAfter(last.get()); m = m.plusMonths(1)) {
            for (long id : members.membersDuring(employeeIds, m.atDay(1), m.atEndOfMonth())) {
                YearMonth month = m;
                boolean isPaid = paid.getOrDefault(id, Set.of()).contains(month);
                boolean isExempt = exempt.getOrDefault(id, List.of()).stream().anyMatch(x -> x.covers(month));
                if (!isPaid && !isExempt) {
                    months.computeIfAbsent(id, k -> new ArrayList<>()).add(month);
                }
            }
        }
        Map<Long, DuesRecords.BaseRate> rates = records.latestBaseRates(months.keySet());
        Map<Long, Owed> out = new HashMap<>();
        months.forEach((id, list) -> {
            DuesRecords.BaseRate r = rates.get(id);
            BigDecimal monthly = r == null ? null : rule.amount(r.base(), r.rate());
            out.put(id, new Owed(id, list, monthly, monthly == null ? null
                    : monthly.multiply(BigDecimal.valueOf(list.size()))));
        });
        return out;
    }

    /**
     * The arrears of the employees on the books (working or on leave) of {@code root}'s subtree, per unit (by name),
     * people by number.
     */
    public Arrears of(OrgUnit root, int year) {
        List<Long> people = org.employeesOnTheBooksInSubtree(root.id());
        Map<Long, Owed> owed = owed(people, year);
        Map<Long, EmployeeSummary> summaries = org.employees(owed.keySet());
        Map<Long, List<PersonArrears>> byUnit = new LinkedHashMap<>();
        owed.values().stream().filter(o -> summaries.containsKey(o.employeeId()))
                .map(o -> new PersonArrears(summaries.get(o.employeeId()), o))
                .sorted(Comparator.comparing((PersonArrears p) -> p.employee().unitName())
                        .thenComparing(p -> p.employee().employeeNo()))
                .forEach(p -> byUnit.computeIfAbsent(p.employee().unitId(), k -> new ArrayList<>()).add(p));
        List<UnitArrears> units = new ArrayList<>();
        byUnit.forEach((unitId, list) -> units.add(new UnitArrears(unitId, list.getFirst().employee().unitName(), list,
                list.stream().mapToInt(p -> p.owed().months().size()).sum(),
                list.stream().map(p -> p.owed().sum()).filter(s -> s != null).reduce(BigDecimal.ZERO, BigDecimal::add),
                (int) list.stream().filter(p -> p.owed().sum() == null).count())));
        return new Arrears(root, year, lastCounted(year).orElse(null), units);
    }
}
