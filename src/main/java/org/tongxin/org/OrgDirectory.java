package org.tongxin.org;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.org.internal.Departments;
import org.tongxin.org.internal.Employees;
import org.tongxin.org.internal.OrgTree;
import org.tongxin.org.internal.OrgUnits;
import org.tongxin.org.internal.UnitScope;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;

/** Read access to the tree and to employees for other modules. */
@Service
public class OrgDirectory {

    private final OrgUnits units;
    private final Employees employees;
    private final OrgTree tree;
    private final UnitScope scope;
    private final Departments departments;

    OrgDirectory(OrgUnits units, Employees employees, OrgTree tree, UnitScope scope, Departments departments) {
        this.departments = departments;
        this.units = units;
        this.employees = employees;
        this.tree = tree;
        this.scope = scope;
    }

    /**
     * The unit, when it lies in the viewer's subtree; 404 otherwise (whether it does not exist or is
     * another unit's). Every module checks an officer's reach through this one method.
     */
    public OrgUnit managedUnit(Viewer viewer, long unitId) {
        return scope.unit(viewer, unitId);
    }

    /**
     * The unit when the viewer may read the care cases, talks and hardship aid of its people: the committee,
     * or an officer holding the care right for it or a unit above; {@link OutOfScopeException} (404) otherwise.
     */
    public OrgUnit caredUnit(Viewer viewer, long unitId) {
        return scope.caredUnit(viewer, unitId);
    }

    /** Ids of every unit whose care records the viewer may read; empty for the committee, who may read all. */
    public Optional<Set<Long>> caredUnitIds(Viewer viewer) {
        if (viewer.has(Role.COMMITTEE)) {
            return Optional.empty();
        }
        Set<Long> ids = new HashSet<>();
        tree.topmost(viewer.careUnits()).forEach(r -> units.subtree(r).forEach(u -> ids.add(u.id())));
        return Optional.of(ids);
    }

    /** Each unit of {@code root}'s subtree with its own employees on the books (kept counters, no scan). */
    public List<UnitCount> subtreeCounts(OrgUnit root) {
        return units.subtreeCounts(root);
    }

    /** Ids of every unit the viewer manages; empty for a committee member or admin, who manage all. */
    public Optional<Set<Long>> manageableUnitIds(Viewer viewer) {
        if (viewer.seesWholeTree()) {
            return Optional.empty();
        }
        Set<Long> ids = new HashSet<>();
        tree.rootsFor(viewer).forEach(r -> units.subtree(r).forEach(u -> ids.add(u.id())));
        return Optional.of(ids);
    }

    /** Open union units the viewer manages (partner bodies excluded), in tree order. */
    public List<OrgUnit> manageableUnits(Viewer viewer) {
        return tree.rootsFor(viewer).stream().flatMap(r -> units.subtree(r).stream())
                .filter(u -> !u.isClosed() && !u.kind().isPartner()).toList();
    }

    /**
     * Open partner bodies (youth league, women's committee, party branches) beside any of the units: with a
     * unit's path, the bodies that commonly co-host with it; with the units an officer manages, the bodies they
     * manage too.
     */
    public List<OrgUnit> partnersBeside(Collection<Long> unitIds) {
        return units.partnersBeside(List.copyOf(unitIds)).stream().filter(u -> !u.isClosed()).toList();
    }

    /**
     * Birthdays, hire anniversaries and statutory retirements (at the given ages) in {@code month} among
     * the active employees the viewer manages.
     */
    public List<PersonalDates> datesIn(Viewer viewer, YearMonth month, int retirementAgeMen, int retirementAgeWomen) {
        return employees.dates(tree.rootsFor(viewer), month, retirementAgeMen, retirementAgeWomen);
    }

    /** Employees the viewer manages whose name or employee number starts with {@code q}. */
    public List<EmployeeSummary> searchEmployees(Viewer viewer, String q, int limit) {
        return employees.search(tree.rootsFor(viewer), q, limit);
    }

    /** A department by its HR code, with the union unit its people belong to. */
    public Optional<Department> departmentByCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : departments.byCode(code.strip());
    }

    /** The open union units directly below {@code unitId} (partner bodies excluded), by name. */
    public List<OrgUnit> children(long unitId) {
        return units.children(unitId).stream().filter(u -> !u.isClosed() && !u.kind().isPartner()).toList();
    }

    public Optional<OrgUnit> unit(long id) {
        return units.find(id);
    }

    /** Open partner bodies beside the union units: the youth league, women's committees, party branches. */
    public List<OrgUnit> partnerBodies() {
        return units.partners();
    }

    /** The roots of the tree (the company union; more than one only in an unusual set-up). */
    public List<OrgUnit> roots() {
        return units.roots();
    }

    public List<OrgUnit> searchUnits(String q, int limit) {
        return units.search(q, limit, null);
    }

    public Optional<EmployeeSummary> employee(long id) {
        return employees.summary(id);
    }

    /** Many employees at once (a board, a list), by id; ids not found are left out. */
    public Map<Long, EmployeeSummary> employees(Collection<Long> ids) {
        return employees.summaries(ids);
    }

    /**
     * The mobile number of a current employee, for the text-message channel of notifications only: the number is
     * personal data and must not be shown or stored elsewhere.
     */
    public Optional<String> mobileOf(long employeeId) {
        return employees.mobileOf(employeeId);
    }

    /** The employee whose employee number or phone is {@code login}. */
    public Optional<Long> employeeIdForLogin(String login) {
        return employees.idForLogin(login);
    }

    /**
     * Whether {@code candidate} is the employee's initial password: the last six characters of the
     * ID-card number, as HR hands it out. It only works until the employee sets a password.
     */
    public boolean isInitialPassword(long employeeId, String candidate) {
        return employees.idCardOf(employeeId)
                .map(id -> id.substring(id.length() - 6))
                .map(expected -> java.security.MessageDigest.isEqual(expected.getBytes(),
                        candidate.toUpperCase(Locale.ROOT).getBytes()))
                .orElse(false);
    }

    /** Employee ids by employee number, for the numbers that exist. */
    public Map<String, Long> employeeIdsByNumber(Collection<String> numbers) {
        return employees.idsByNumber(numbers);
    }

    /**
     * Active employees anywhere in {@code root}'s subtree with birth and hire dates, by name: age and years of
     * service for an officer choosing among the people they manage.
     */
    public List<PersonalDates> activeEmployeesWithDates(OrgUnit root) {
        return employees.activeDatesInSubtree(root);
    }

    /**
     * The union unit of each employee given (by the employee's department), for counts per unit; employees that do
     * not exist are left out.
     */
    public Map<Long, Long> unitIdsOf(Collection<Long> employeeIds) {
        return employees.unitIdsOf(employeeIds);
    }

    /**
     * Employees on the books anywhere in the subtree of {@code unitId}: working or on leave (maternity, sick leave),
     * who keep their membership's benefits and dues.
     */
    public List<Long> employeesOnTheBooksInSubtree(long unitId) {
        return units.find(unitId).map(employees::onTheBooksIdsInSubtree).orElse(List.of());
    }

    /** Active employees anywhere in the subtree of {@code unitId}. */
    public List<Long> activeEmployeesInSubtree(long unitId) {
        return units.find(unitId).map(employees::activeIdsInSubtree).orElse(List.of());
    }

    public boolean isEmpty() {
        return units.count() == 0;
    }
}
