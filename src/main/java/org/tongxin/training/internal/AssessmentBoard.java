package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.MemberVoice;
import org.tongxin.training.internal.AssessmentReads.AttemptStats;
import org.tongxin.training.internal.AssessmentReads.CourseProgress;
import org.tongxin.training.internal.Assessments.Assessment;
import org.tongxin.training.internal.Assessments.Standing;

/**
 * The officers' side of assessments: the list of a viewer's assessments with where their people stand, what the
 * form to create one offers, and the board (看板) of one assessment for a subtree — who has passed (score and day),
 * who is in retraining (which round, how far in the course), who may retry, who has not started, the deadlines, and
 * the counts per stage and per sub-unit. The committee sees every subtree; an officer the subtrees they manage.
 */
@Service
public class AssessmentBoard {

    /** Where a person stands, as the board shows it (the loop's standing, with an attempt in progress apart). */
    public enum Stage {
        NOT_STARTED, IN_PROGRESS, RETRAINING, MAY_RETRY, PASSED
    }

    /** An assessment in the list. */
    public record Summary(Assessment assessment, String ownerName, String examTitle, String courseTitle,
                          Map<Standing, Integer> counts) {

        /** People at a standing, by its name (as pages ask). */
        public int count(String standing) {
            return counts.getOrDefault(Standing.valueOf(standing), 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What the form to create an assessment offers: owner units, published exams and published courses. */
    public record Choices(List<OrgUnit> owners, List<Exams.Exam> exams, List<Courses.Course> courses) {
    }

    /** A person on the board. */
    public record Line(long employeeId, String name, String employeeNo, long unitId, String unitName, Stage stage,
                       int rounds, int attempts, BigDecimal bestPercent, BigDecimal lastPercent,
                       OffsetDateTime passedAt, CourseProgress retraining, LocalDate deadline, boolean overdue,
                       Long certificateId, MemberVoice.Evaluation evaluation) {
    }

    /** Counts per stage of the people of one sub-unit (or of the root unit itself). */
    public record UnitCounts(long unitId, String name, boolean own, Map<Stage, Integer> counts) {

        /** People at a stage, by its name (as pages ask). */
        public int count(String stage) {
            return counts.getOrDefault(Stage.valueOf(stage), 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The board of an assessment for a subtree. */
    public record Board(Assessment assessment, String ownerName, String examTitle, String courseTitle, OrgUnit root,
                        List<OrgUnit> subtrees, List<Line> lines, Map<Stage, Integer> counts, List<UnitCounts> units,
                        LocalDate today) {

        /** People at a stage, by its name (as pages ask). */
        public int count(String stage) {
            return counts.getOrDefault(Stage.valueOf(stage), 0);
        }

        public List<Stage> stages() {
            return List.of(Stage.values());
        }
    }

    private static final Comparator<Object> BY_NAME = Collator.getInstance(Locale.CHINA);

    private final AssessmentService service;
    private final Assessments assessments;
    private final AssessmentReads reads;
    private final Exams exams;
    private final Courses courses;
    private final OrgDirectory org;
    private final ExamService examService;
    private final MemberVoices voices;

    AssessmentBoard(AssessmentService service, Assessments assessments, AssessmentReads reads, Exams exams,
                    Courses courses, OrgDirectory org, ExamService examService, MemberVoices voices) {
        this.service = service;
        this.assessments = assessments;
        this.reads = reads;
        this.exams = exams;
        this.courses = courses;
        this.org = org;
        this.examService = examService;
        this.voices = voices;
    }

    /** The assessments owned by units the viewer manages (all for the committee), newest first. */
    public List<Summary> list(Viewer viewer) {
        List<Assessment> list = org.manageableUnitIds(viewer).map(assessments::ofUnits).orElseGet(assessments::all);
        List<Long> ids = list.stream().map(Assessment::id).toList();
        Map<Long, Map<Standing, Integer>> counts = reads.standingCounts(ids);
        Map<Long, String> examTitles = reads.examTitles(list.stream().map(Assessment::examId).distinct().toList());
        Map<Long, String> courseTitles = reads.courseTitles(list.stream().map(Assessment::retrainingCourseId).distinct()
                .toList());
        Map<Long, String> owners = new HashMap<>();
        return list.stream().map(a -> new Summary(a, owners.computeIfAbsent(a.ownerUnitId(), this::unitName),
                examTitles.getOrDefault(a.examId(), ""), courseTitles.getOrDefault(a.retrainingCourseId(), ""),
                counts.getOrDefault(a.id(), Map.of()))).toList();
    }

    /** Owner units, published exams and published courses with lessons of the units the viewer manages. */
    public Choices choices(Viewer viewer) {
        Optional<Set<Long>> reach = org.manageableUnitIds(viewer);
        List<Exams.Exam> exams = reach.map(this.exams::ofUnits).orElseGet(this.exams::all).stream()
                .filter(e -> e.status().equals("PUBLISHED")).toList();
        List<Courses.Course> courses = reach.map(this.courses::ofUnits).orElseGet(this.courses::all).stream()
                .filter(c -> c.status().equals("PUBLISHED")).toList();
        return new Choices(org.manageableUnits(viewer), exams, courses);
    }

    /**
     * The board of an assessment whose owner unit the viewer manages (404 otherwise), for the subtree of
     * {@code unitId} when given (a unit they manage) or for everyone assessed.
     */
    public Board board(Viewer viewer, long assessmentId, Long unitId) {
        Assessment a = service.managed(viewer, assessmentId);
        OrgUnit owner = org.unit(a.ownerUnitId()).orElseThrow();
        OrgUnit root = unitId == null ? owner : org.managedUnit(viewer, unitId);
        List<AssessmentService.BoardRow> rows = service.board(viewer, assessmentId, unitId);
        Map<Long, AttemptStats> stats = reads.attemptStats(assessmentId);
        Map<Long, CourseProgress> progress = reads.progress(rows.stream()
                .filter(r -> r.assessee().status() == Standing.RETRAINING).map(r -> r.assessee().enrolmentId())
                .toList());
        Map<Long, Long> certificates = reads.certificates(assessmentId);
        LocalDate today = examService.now().toLocalDate();
        Map<Long, MemberVoice.Evaluation> evaluations = voices.evaluations(rows.stream()
                .map(r -> r.assessee().employeeId()).toList());

        List<Line> lines = new ArrayList<>();
        for (AssessmentService.BoardRow r : rows) {
            Assessments.Assessee s = r.assessee();
            AttemptStats st = stats.getOrDefault(s.employeeId(), AttemptStats.NONE);
            Stage stage = stage(s.status(), st);
            CourseProgress retraining = s.status() == Standing.RETRAINING ? progress.get(s.enrolmentId()) : null;
            LocalDate deadline = retraining != null && retraining.dueOn() != null ? retraining.dueOn() : a.endsOn();
            lines.add(new Line(s.employeeId(), r.name(), r.employeeNo(), r.unitId(), r.unitName(), stage, s.rounds(),
                    st.attempts(), s.bestPercent(), st.lastPercent(), s.passedAt(), retraining, deadline,
                    stage != Stage.PASSED && today.isAfter(deadline), certificates.get(s.employeeId()),
                    evaluations.get(s.employeeId())));
        }
        lines.sort(Comparator.comparing(Line::stage).thenComparing(Line::unitName, BY_NAME)
                .thenComparing(Line::name, BY_NAME));
        Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        lines.forEach(l -> counts.merge(l.stage(), 1, Integer::sum));
        List<OrgUnit> subtrees = org.subtreeCounts(owner).stream().map(UnitCount::unit)
                .filter(u -> !u.kind().isPartner() && !u.isClosed() && u.depth() <= owner.depth() + 2).toList();
        return new Board(a, owner.name(), exams.find(a.examId()).map(Exams.Exam::title).orElse(""),
                courses.find(a.retrainingCourseId()).map(Courses.Course::title).orElse(""), root, subtrees, lines,
                counts, perSubUnit(root, lines), today);
    }

    private static Stage stage(Standing standing, AttemptStats stats) {
        return switch (standing) {
            case PASSED -> Stage.PASSED;
            case RETRAINING -> Stage.RETRAINING;
            case MAY_RETRY -> stats.inProgressId() != null ? Stage.IN_PROGRESS : Stage.MAY_RETRY;
            case ASSIGNED -> stats.inProgressId() != null ? Stage.IN_PROGRESS : Stage.NOT_STARTED;
        };
    }

    /** Counts per stage for the root's own people and for each unit directly below it, in the order of the tree. */
    private List<UnitCounts> perSubUnit(OrgUnit root, List<Line> lines) {
        Map<Long, OrgUnit> units = new HashMap<>();
        Map<Long, Map<Stage, Integer>> counts = new LinkedHashMap<>();
        for (Line l : lines) {
            OrgUnit unit = units.computeIfAbsent(l.unitId(), id -> org.unit(id).orElseThrow());
            List<Long> path = unit.pathIds();
            int at = path.indexOf(root.id());
            long group = at < 0 ? unit.id() : at == path.size() - 1 ? root.id() : path.get(at + 1);
            counts.computeIfAbsent(group, k -> new EnumMap<>(Stage.class)).merge(l.stage(), 1, Integer::sum);
        }
        List<UnitCounts> out = new ArrayList<>();
        counts.forEach((id, c) -> out.add(new UnitCounts(id, units.computeIfAbsent(id, k -> org.unit(k).orElseThrow())
                .name(), id == root.id(), c)));
        out.sort(Comparator.comparing((UnitCounts u) -> !u.own()).thenComparing(UnitCounts::name, BY_NAME));
        return out;
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("");
    }
}
