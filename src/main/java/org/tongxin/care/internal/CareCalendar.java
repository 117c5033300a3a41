package org.tongxin.care.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.PersonalDates;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The care calendar: this month's birthdays, work anniversaries and retirements among the people an
 * officer looks after, each with whether it was marked yet this year, so that none is missed.
 * Retirement uses the statutory ages of 60 for men and 55 for women as an estimate; HR's own date wins
 * once it records the retirement.
 */
@Service
public class CareCalendar {

    static final int RETIREMENT_AGE_MEN = 60;
    static final int RETIREMENT_AGE_WOMEN = 55;

    /** One date to mark: who, which occasion, on which day, and whether it was marked this year. */
    public record Entry(long employeeId, String name, String unitName, String kind, LocalDate day, int years,
                        boolean marked) {
    }

    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CareCalendar(OrgDirectory org, JdbcClient jdbc, AuditTrail audit) {
        this.org = org;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Map<String, List<Entry>> month(Viewer viewer, YearMonth month) {
        List<PersonalDates> people = org.datesIn(viewer, month, RETIREMENT_AGE_MEN, RETIREMENT_AGE_WOMEN);
        Set<String> marked = new HashSet<>();
        if (!people.isEmpty()) {
            jdbc.sql("""
                            SELECT v.employee_id || ':' || v.kind FROM care_visit v
                            JOIN unnest(string_to_array(?, ',')::bigint[]) k(id) ON v.employee_id = k.id
                            WHERE extract(year FROM v.visited_on) = ?""")
                    .params(people.stream().map(p -> String.valueOf(p.employeeId())).collect(Collectors.joining(",")),
                            month.getYear())
                    .query(String.class).list().forEach(marked::add);
        }
        List<Entry> birthdays = people.stream().filter(p -> p.birthDate().getMonth() == month.getMonth())
                .map(p -> entry(p, "BIRTHDAY", p.birthDate().withYear(month.getYear()),
                        month.getYear() - p.birthDate().getYear(), marked))
                .toList();
        List<Entry> anniversaries = people.stream()
                .filter(p -> p.hireDate().getMonth() == month.getMonth() && p.hireDate().getYear() < month.getYear())
                .map(p -> entry(p, "ANNIVERSARY", p.hireDate().withYear(month.getYear()),
                        month.getYear() - p.hireDate().getYear(), marked))
                .sorted(Comparator.comparing(Entry::day)).toList();
        List<Entry> retirements = people.stream().filter(p -> {
            int age = "M".equals(p.gender()) ? RETIREMENT_AGE_MEN : RETIREMENT_AGE_WOMEN;
            return YearMonth.from(p.birthDate().plusYears(age)).equals(month);
        }).map(p -> entry(p, "RETIREMENT", p.birthDate().plusYears("M".equals(p.gender()) ? RETIREMENT_AGE_MEN
                : RETIREMENT_AGE_WOMEN), 0, marked)).toList();
        return Map.of("BIRTHDAY", birthdays, "ANNIVERSARY", anniversaries, "RETIREMENT", retirements);
    }

    private static Entry entry(PersonalDates p, String kind, LocalDate day, int years, Set<String> marked) {
        return new Entry(p.employeeId(), p.name(), p.unitName(), kind, day, years,
                marked.contains(p.employeeId() + ":" + kind));
    }

    /** One click: the officer greeted or visited the employee on this occasion today. */
    @Transactional
    public void mark(Viewer officer, long employeeId, String kind) {
        if (!Set.of("BIRTHDAY", "ANNIVERSARY", "RETIREMENT").contains(kind)) {
            throw new Refusal("care.calendar.kind");
        }
        record(officer, employeeId, kind, LocalDate.now(), null, null);
    }

    /**
     * A visit (慰问) for illness, hospitalisation, bereavement, childbirth, a wedding or retirement: when,
     * who went and what was given.
     */
    @Transactional
    public void visit(Viewer officer, long employeeId, String kind, LocalDate on, String visitors, String gift) {
        if (!VISITS.contains(kind)) {
            throw new Refusal("care.calendar.kind");
        }
        if (on == null || on.isAfter(LocalDate.now()) || visitors == null || visitors.isBlank()) {
            throw new Refusal("care.visit.incomplete");
        }
        record(officer, employeeId, kind, on, visitors.trim(), gift == null || gift.isBlank() ? null : gift.trim());
    }

    static final Set<String> VISITS = Set.of("ILLNESS", "BEREAVEMENT", "CHILDBIRTH", "WEDDING", "RETIREMENT");

    private void record(Viewer officer, long employeeId, String kind, LocalDate on, String visitors, String gift) {
        EmployeeSummary employee = org.employee(employeeId).orElseThrow(() -> new NotFoundException("employee"));
        org.managedUnit(officer, employee.unitId());
        jdbc.sql("""
                        INSERT INTO care_visit (employee_id, unit_id, kind, visited_on, visitors, gift, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(employeeId, employee.unitId(), kind, on, visitors, gift, officer.accountId()).update();
        audit.record(officer, "care.greeting", "employee", employeeId, employee.unitId(), employee.name(), null,
                Map.of("kind", kind, "on", on));
    }
}
