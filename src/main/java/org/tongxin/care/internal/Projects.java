package org.tongxin.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Restructuring projects (重组, 合并, 撤并) and what the committee needs during one: the moves by direction,
 * open and overdue cases, per unit. Officers with the care right see their own units' share.
 */
@Service
public class Projects {

    static final Set<String> KINDS = Set.of("REORGANISATION", "MERGER", "CLOSURE");

    /** One unit's line: moves by direction, open and overdue cases. */
    public record UnitLine(long unitId, String unitName, Map<MoveClassification.Direction, Integer> moves, int open,
                           int overdue) {

        public int moves(String direction) {
            return moves.getOrDefault(MoveClassification.Direction.valueOf(direction), 0);
        }
    }

    /** An open case in the project, as listed to those who may open it. */
    public record OpenCase(long caseId, String name, String unitName, LocalDate due, boolean overdue) {
    }

    public record Report(Project project, List<UnitLine> units, UnitLine total, List<OpenCase> openCases) {
    }

    private final CareRecords records;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final Clock clock;

    Projects(CareRecords records, OrgDirectory org, AuditTrail audit, Optional<Clock> clock) {
        this.records = records;
        this.org = org;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Every project for the committee and admins; for an officer, those with moves of their cared units. */
    public List<Project> visibleTo(Viewer viewer) {
        if (viewer.seesWholeTree()) {
            return records.projects();
        }
        return records.projectsWithMovesIn(org.caredUnitIds(viewer).orElseThrow());
    }

    @Transactional
    public long create(Viewer hr, String name, String kind, LocalDate startedOn, String note) {
        if (!hr.seesWholeTree()) {
            throw new OutOfScopeException("restructuring projects");
        }
        if (name == null || name.isBlank() || name.length() > 100 || !KINDS.contains(kind) || startedOn == null
                || (note != null && note.length() > 1000)) {
            throw new Refusal("care.project.incomplete");
        }
        long id = records.createProject(name.trim(), kind, startedOn, note == null || note.isBlank() ? null : note.trim(),
                hr.accountId());
        if (id < 0) {
            throw new Refusal("care.project.duplicate");
        }
        audit.record(hr, "care.project.create", "restructuring", id, null, name.trim(), null,
                Map.of("kind", kind, "startedOn", startedOn));
        return id;
    }

    /**
     * The project as the viewer may see it: every unit for the committee and admins, their cared units for
     * officers (404 when none of theirs is in it); the names of people in open cases only to those who may
     * open the cases.
     */
    @Transactional
    public Report report(Viewer viewer, long projectId) {
        Project project = records.project(projectId).orElseThrow(() -> new NotFoundException("project " + projectId));
        Optional<Set<Long>> cared = org.caredUnitIds(viewer);
        Optional<Set<Long>> scope = viewer.seesWholeTree() ? Optional.empty() : cared;
        LocalDate today = LocalDate.now(clock);
        Map<Long, UnitLine> lines = new LinkedHashMap<>();
        Map<MoveClassification.Direction, Integer> totalMoves = new EnumMap<>(MoveClassification.Direction.class);
        int open = 0;
        int overdue = 0;
        for (CareRecords.ProjectRow row : records.projectRows(projectId, today)) {
            if (scope.isPresent() && !scope.get().contains(row.unitId())) {
                continue;
            }
            UnitLine line = lines.computeIfAbsent(row.unitId(), id -> new UnitLine(id,
                    org.unit(id).map(OrgUnit::name).orElse("#" + id),
                    new EnumMap<>(MoveClassification.Direction.class), 0, 0));
            MoveClassification.Direction d = MoveClassification.Direction.valueOf(row.direction());
            line.moves().merge(d, row.moves(), Integer::sum);
            totalMoves.merge(d, row.moves(), Integer::sum);
            lines.put(row.unitId(), new UnitLine(line.unitId(), line.unitName(), line.moves(),
                    line.open() + row.openCases(), line.overdue() + row.overdueCases()));
            open += row.openCases();
            overdue += row.overdueCases();
        }
        if (scope.isPresent() && lines.isEmpty()) {
            throw new OutOfScopeException("project " + projectId);
        }
        List<OpenCase> cases = records.openCasesOfProject(projectId).stream()
                .filter(c -> cared.isEmpty() || cared.get().contains(c.unitId()))
                .map(c -> new OpenCase(c.id(), org.employee(c.employeeId()).map(EmployeeSummary::name).orElse(""),
                        lines.containsKey(c.unitId()) ? lines.get(c.unitId()).unitName()
                                : org.unit(c.unitId()).map(OrgUnit::name).orElse(""),
                        c.followUpDue() != null ? c.followUpDue() : c.firstContactDue(), c.overdue(today)))
                .toList();
        if (!cases.isEmpty()) {
            audit.record(viewer, "care.project.view", "restructuring", projectId, null, project.name(), null,
                    Map.of("cases", cases.size()));
        }
        return new Report(project, List.copyOf(lines.values()),
                new UnitLine(0, "", totalMoves, open, overdue), cases);
    }
}
