package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.ActivityRecords;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.PersonalDates;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.MemberVoice;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.training.internal.CompetenceMatrix.Cell;
import org.tongxin.training.internal.CompetenceMatrix.Level;
import org.tongxin.training.internal.CompetenceMatrix.Post;

/**
 * Officer selection (工会干部选拔): candidates among the active employees an officer manages, shown with the
 * responsibility-related records the modules keep today — the activities and volunteer projects led or co-hosted by
 * the bodies they already serve, activities attended, confirmed volunteer hours and honours (activity module),
 * assessments passed and competence levels (training). Years of service are shown but never order the list
 * (打破按资排辈): the officer orders by one of the records, by name otherwise. Each officer keeps a shortlist.
 */
@Service
public class OfficerSelection {

    static final int PAGE_SIZE = 30;

    /** Age bands to filter by. */
    public enum AgeBand {
        UP_TO_35(0, 35), FROM_36_TO_45(36, 45), FROM_46_TO_55(46, 55), FROM_56(56, 200);

        private final int from;
        private final int to;

        AgeBand(int from, int to) {
            this.from = from;
            this.to = to;
        }

        boolean holds(int age) {
            return age >= from && age <= to;
        }
    }

    /** What the officer may order candidates by: the records, never age or seniority. */
    public enum Order {
        NAME, ACTIVITIES_HOSTED, ACTIVITIES_ATTENDED, VOLUNTEER_HOURS, HONOURS, ASSESSMENTS_PASSED, COMPETENCE
    }

    /** The filters and order of the candidate list. */
    public record Filter(Long unitId, AgeBand age, String skill, Order order, boolean shortlistedOnly, int page) {

        public Filter {
            order = order == null ? Order.NAME : order;
            skill = skill == null || skill.isBlank() ? null : skill.strip();
            page = Page.clamp(page);
        }
    }

    /** A candidate with their records. */
    public record Candidate(long employeeId, String name, long unitId, String unitName, int age, int yearsOfService,
                            List<Post> posts, int activitiesHosted, int activitiesAttended, BigDecimal volunteerHours,
                            int honours, int assessmentsPassed, Map<String, Cell> competence,
                            BigDecimal competenceAverage, MemberVoice.Evaluation evaluation, int suggestionsAdopted,
                            boolean shortlisted) {

        public Cell cell(String skill) {
            return competence.getOrDefault(skill, Cell.UNTESTED);
        }
    }

    /** The page of candidates with what the filters offer. */
    public record View(Filter filter, OrgUnit chosen, List<OrgUnit> choices, List<String> skills,
                       Page<Candidate> candidates, int shortlistSize) {
    }

    private static final Comparator<Object> BY_NAME = Collator.getInstance(Locale.CHINA);

    private final OfficerReach reach;
    private final OrgDirectory org;
    private final UnitOfficers officers;
    private final ActivityRecords activityRecords;
    private final CompetenceMatrix competence;
    private final AssessmentReads reads;
    private final Shortlists shortlists;
    private final MemberVoices voices;
    private final AuditTrail audit;
    private final Clock clock;

    OfficerSelection(OfficerReach reach, OrgDirectory org, UnitOfficers officers, ActivityRecords activityRecords,
                     CompetenceMatrix competence, AssessmentReads reads, Shortlists shortlists, MemberVoices voices,
                     AuditTrail audit, Optional<Clock> clock) {
        this.reach = reach;
        this.org = org;
        this.officers = officers;
        this.activityRecords = activityRecords;
        this.competence = competence;
        this.reads = reads;
        this.shortlists = shortlists;
        this.voices = voices;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Candidates of a unit's subtree (one the viewer manages; 404 otherwise) or of everything they manage. */
    public View view(Viewer viewer, Filter filter) {
        OfficerReach.Scope scope = reach.of(viewer, filter.unitId());
        Set<Long> marked = shortlists.of(viewer.accountId());
        List<Candidate> all = candidates(scope, marked);
        TreeSet<String> skills = new TreeSet<>(BY_NAME);
        all.forEach(c -> skills.addAll(c.competence().keySet()));
        List<Candidate> shown = all.stream()
                .filter(c -> filter.age() == null || filter.age().holds(c.age()))
                .filter(c -> filter.skill() == null || !c.cell(filter.skill()).level().gap())
                .filter(c -> !filter.shortlistedOnly() || c.shortlisted())
                .sorted(order(filter.order()))
                .toList();
        int from = Math.min(filter.page() * PAGE_SIZE, shown.size());
        Page<Candidate> page = new Page<>(shown.subList(from, Math.min(from + PAGE_SIZE, shown.size())),
                filter.page(), PAGE_SIZE, shown.size());
        int shortlisted = (int) all.stream().filter(Candidate::shortlisted).count();
        return new View(filter, scope.chosen(), scope.choices(), List.copyOf(skills), page, shortlisted);
    }

    /** The viewer's shortlist among the people they manage now, by name. */
    public List<Candidate> shortlist(Viewer viewer) {
        Set<Long> marked = shortlists.of(viewer.accountId());
        if (marked.isEmpty()) {
            return List.of();
        }
        return candidates(reach.of(viewer, null), marked).stream().filter(Candidate::shortlisted)
                .sorted(order(Order.NAME)).toList();
    }

    /** Marks or unmarks an active employee the viewer manages (404 for anyone else); audited. */
    @Transactional
    public void mark(Viewer viewer, long employeeId, boolean on) {
        EmployeeSummary e = org.employee(employeeId).filter(x -> x.status() == EmployeeStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("employee " + employeeId));
        if (!org.manageableUnitIds(viewer).map(ids -> ids.contains(e.unitId())).orElse(true)) {
            throw new NotFoundException("employee " + employeeId);
        }
        if (on && shortlists.add(viewer.accountId(), employeeId)) {
            audit.record(viewer, "training.shortlist.add", "employee", employeeId, e.unitId(), e.name(),
                    Map.of("shortlisted", false), Map.of("shortlisted", true));
        } else if (!on && shortlists.remove(viewer.accountId(), employeeId)) {
            audit.record(viewer, "training.shortlist.remove", "employee", employeeId, e.unitId(), e.name(),
                    Map.of("shortlisted", true), Map.of("shortlisted", false));
        }
    }

    private List<Candidate> candidates(OfficerReach.Scope scope, Set<Long> marked) {
        Map<Long, PersonalDates> people = new LinkedHashMap<>();
        for (OrgUnit root : OfficerReach.tops(scope.units())) {
            org.activeEmployeesWithDates(root).forEach(p -> people.putIfAbsent(p.employeeId(), p));
        }
        Map<Long, List<Post>> posts = new HashMap<>();
        for (OrgUnit u : scope.units()) {
            for (UnitOfficers.Officer o : officers.officersOf(u.id())) {
                posts.computeIfAbsent(o.employeeId(), k -> new ArrayList<>())
                        .add(new Post(u.id(), u.name(), o.post() == null ? "" : o.post()));
            }
        }
        Map<Long, ActivityRecords.Body> bodies = activityRecords.ofBodies(posts.values().stream().flatMap(List::stream)
                .map(Post::unitId).distinct().toList());
        Map<Long, ActivityRecords.Person> records = activityRecords.ofPeople(people.keySet());
        Map<Long, Map<String, Cell>> levels = competence.levels(people.keySet());
        Map<Long, Integer> passed = reads.passedCounts(people.keySet());
        Map<Long, MemberVoice.Evaluation> evaluations = voices.evaluations(people.keySet());
        Map<Long, Integer> adopted = voices.adoptedSuggestions(people.keySet());
        LocalDate today = LocalDate.now(clock);
        List<Candidate> out = new ArrayList<>(people.size());
        for (PersonalDates p : people.values()) {
            List<Post> held = posts.getOrDefault(p.employeeId(), List.of());
            int hosted = held.stream().mapToInt(h -> bodies.get(h.unitId()).total()).sum();
            ActivityRecords.Person r = records.get(p.employeeId());
            Map<String, Cell> cells = levels.getOrDefault(p.employeeId(), Map.of());
            out.add(new Candidate(p.employeeId(), p.name(), p.unitId(), p.unitName(),
                    Period.between(p.birthDate(), today).getYears(),
                    Math.max(0, Period.between(p.hireDate(), today).getYears()), held, hosted, r.activitiesAttended(),
                    r.volunteerHours(), r.honours(), passed.getOrDefault(p.employeeId(), 0), cells, average(cells),
                    evaluations.get(p.employeeId()), adopted.getOrDefault(p.employeeId(), 0),
                    marked.contains(p.employeeId())));
        }
        return out;
    }

    private static BigDecimal average(Map<String, Cell> cells) {
        if (cells.isEmpty()) {
            return null;
        }
        BigDecimal sum = cells.values().stream().map(Cell::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(cells.size()), 1, RoundingMode.HALF_UP);
    }

    /** Most first by the record chosen, then by name; by name alone by default. Never by age or seniority. */
    static Comparator<Candidate> order(Order order) {
        Comparator<Candidate> byName = Comparator.comparing(Candidate::name, BY_NAME)
                .thenComparingLong(Candidate::employeeId);
        Comparator<Candidate> most = switch (order) {
            case NAME -> null;
            case ACTIVITIES_HOSTED -> Comparator.comparingInt(Candidate::activitiesHosted).reversed();
            case ACTIVITIES_ATTENDED -> Comparator.comparingInt(Candidate::activitiesAttended).reversed();
            case VOLUNTEER_HOURS -> Comparator.comparing(Candidate::volunteerHours).reversed();
            case HONOURS -> Comparator.comparingInt(Candidate::honours).reversed();
            case ASSESSMENTS_PASSED -> Comparator.comparingInt(Candidate::assessmentsPassed).reversed();
            case COMPETENCE -> Comparator.comparing(Candidate::competenceAverage,
                    Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())).reversed();
        };
        if (most == null) {
            return byName;
        }
        return most.thenComparing(byName);
    }
}
