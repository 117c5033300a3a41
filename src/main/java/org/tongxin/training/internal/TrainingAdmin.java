package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * What officers keep: the question bank (shared by the whole enterprise: any officer may write questions, every
 * change audited), exams and courses owned by units they manage. Every draft is checked here, so a page, an import
 * and the demo data all meet the same rules.
 */
@Service
public class TrainingAdmin {

    static final Set<String> TYPES = Set.of("SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL");
    static final Set<String> AUDIENCES = Set.of("EMPLOYEES", "OFFICERS", "LIST");

    private final Questions questions;
    private final Exams exams;
    private final Courses courses;
    private final OrgDirectory org;
    private final AuditTrail audit;

    TrainingAdmin(Questions questions, Exams exams, Courses courses, OrgDirectory org, AuditTrail audit) {
        this.questions = questions;
        this.exams = exams;
        this.courses = courses;
        this.org = org;
        this.audit = audit;
    }

    /**
     * Checks a question: a known type; a stem; 2–8 non-blank choices with one correct (single) or at least one
     * (multiple), all numbered within the choices; true/false with 0 (true) or 1 (false); fill-in with at least one
     * accepted answer; a skill tag; difficulty 1–5.
     */
    public Questions.Draft checked(Questions.Draft d) {
        if (d.type() == null || !TYPES.contains(d.type())) {
            throw new Refusal("training.error.badType");
        }
        String stem = d.stem() == null ? "" : d.stem().strip();
        if (stem.isEmpty() || stem.length() > 2000) {
            throw new Refusal("training.error.stemRequired");
        }
        List<String> options = d.options() == null ? List.of()
                : d.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        int[] correct = d.correct() == null ? new int[0] : Arrays.stream(d.correct()).distinct().sorted().toArray();
        List<String> accepted = d.accepted() == null ? List.of()
                : d.accepted().stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        switch (d.type()) {
            case "SINGLE", "MULTIPLE" -> {
                if (options.size() < 2 || options.size() > 8 || options.stream().anyMatch(o -> o.length() > 500)) {
                    throw new Refusal("training.error.badOptions");
                }
                if (correct.length == 0 || d.type().equals("SINGLE") && correct.length != 1
                        || Arrays.stream(correct).anyMatch(c -> c < 0 || c >= options.size())) {
                    throw new Refusal("training.error.badCorrect");
                }
                accepted = List.of();
            }
            case "TRUE_FALSE" -> {
                if (correct.length != 1 || correct[0] < 0 || correct[0] > 1) {
                    throw new Refusal("training.error.badCorrect");
                }
                return new Questions.Draft(d.type(), stem, List.of(), correct, List.of(), skill(d.skill()),
                        difficulty(d.difficulty()), explanation(d.explanation()));
            }
            default -> {
                if (accepted.isEmpty() || accepted.stream().anyMatch(a -> a.length() > 200)) {
                    throw new Refusal("training.error.badAccepted");
                }
                return new Questions.Draft(d.type(), stem, List.of(), new int[0], accepted, skill(d.skill()),
                        difficulty(d.difficulty()), explanation(d.explanation()));
            }
        }
        return new Questions.Draft(d.type(), stem, options, correct, accepted, skill(d.skill()),
                difficulty(d.difficulty()), explanation(d.explanation()));
    }

    private static String skill(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.length() > 40) {
            throw new Refusal("training.error.skillRequired");
        }
        return t;
    }

    private static int difficulty(int d) {
        if (d < 1 || d > 5) {
            throw new Refusal("training.error.badDifficulty");
        }
        return d;
    }

    private static String explanation(String s) {
        String t = s == null ? "" : s.strip();
        if (t.length() > 2000) {
            throw new Refusal("training.error.tooLong");
        }
        return t;
    }

    @Transactional
    public long addQuestion(Viewer officer, Questions.Draft draft) {
        requireOfficer(officer);
        Questions.Draft d = checked(draft);
        long id = questions.insert(d, officer.accountId());
        audit.record(officer, "training.question.add", "training_question", id, null, abbreviated(d.stem()), Map.of(),
                Map.of("type", d.type(), "skill", d.skill()));
        return id;
    }

    /** Adds many questions at once, all or nothing (an import). */
    @Transactional
    public List<Long> addQuestions(Viewer officer, List<Questions.Draft> drafts) {
        requireOfficer(officer);
        List<Questions.Draft> checked = drafts.stream().map(this::checked).toList();
        List<Long> ids = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (Questions.Draft d : checked) {
            long id = questions.insert(d, officer.accountId());
            ids.add(id);
            changes.add(new AuditTrail.Change("training_question", id, null, abbreviated(d.stem()), Map.of(),
                    Map.of("type", d.type(), "skill", d.skill())));
        }
        audit.recordAll(officer, "training.question.import", changes);
        return ids;
    }

    @Transactional
    public void updateQuestion(Viewer officer, long id, Questions.Draft draft) {
        requireOfficer(officer);
        Questions.Question before = questions.find(id).orElseThrow(() -> new NotFoundException("question " + id));
        Questions.Draft d = checked(draft);
        questions.update(id, d);
        audit.record(officer, "training.question.update", "training_question", id, null, abbreviated(d.stem()),
                Map.of("stem", abbreviated(before.stem()), "correct", Arrays.toString(before.correct())),
                Map.of("stem", abbreviated(d.stem()), "correct", Arrays.toString(d.correct())));
    }

    @Transactional
    public void setQuestionActive(Viewer officer, long id, boolean active) {
        requireOfficer(officer);
        Questions.Question q = questions.find(id).orElseThrow(() -> new NotFoundException("question " + id));
        questions.setActive(id, active);
        audit.record(officer, "training.question." + (active ? "restore" : "retire"), "training_question", id, null,
                abbreviated(q.stem()), Map.of("active", q.active()), Map.of("active", active));
    }

    /** A new exam owned by a unit the officer manages, as a draft. */
    @Transactional
    public long createExam(Viewer officer, Exams.Draft d, List<Exams.Part> parts) {
        OrgUnit owner = org.managedUnit(officer, d.ownerUnitId());
        check(d);
        long id = exams.insert(d, officer.accountId());
        exams.setParts(id, checked(parts));
        audit.record(officer, "training.exam.create", "training_exam", id, owner.id(), d.title(), Map.of(),
                Map.of("timeLimitMin", d.timeLimitMin(), "passPercent", d.passPercent()));
        return id;
    }

    /** Changes a draft exam (a published one keeps its questions: attempts were drawn from them). */
    @Transactional
    public void updateExam(Viewer officer, long id, Exams.Draft d, List<Exams.Part> parts) {
        Exams.Exam exam = managedExam(officer, id);
        check(d);
        exams.update(id, d);
        if (exam.status().equals("DRAFT")) {
            exams.setParts(id, checked(parts));
        }
        audit.record(officer, "training.exam.update", "training_exam", id, exam.ownerUnitId(), d.title(),
                Map.of("passPercent", exam.passPercent(), "timeLimitMin", exam.timeLimitMin()),
                Map.of("passPercent", d.passPercent(), "timeLimitMin", d.timeLimitMin()));
    }

    /** Publishes a draft exam once the bank holds enough questions for every rule. */
    @Transactional
    public void publishExam(Viewer officer, long id) {
        Exams.Exam exam = managedExam(officer, id);
        if (!exam.status().equals("DRAFT")) {
            throw new Refusal("training.error.notDraft");
        }
        List<Exams.Part> parts = exams.parts(id);
        if (parts.isEmpty()) {
            throw new Refusal("training.error.emptyExam");
        }
        for (Exams.Part p : parts) {
            int available = p.questionId() != null
                    ? questions.find(p.questionId()).filter(Questions.Question::active).map(q -> 1).orElse(0)
                    : questions.draw(p.type(), p.skill(), p.difficulty(), p.count(), List.of()).size();
            if (available < p.count()) {
                throw new Refusal("training.error.bankTooSmall");
            }
        }
        exams.setStatus(id, "PUBLISHED");
        audit.record(officer, "training.exam.publish", "training_exam", id, exam.ownerUnitId(), exam.title(),
                Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED"));
    }

    public Exams.Exam managedExam(Viewer officer, long id) {
        Exams.Exam exam = exams.find(id).orElseThrow(() -> new NotFoundException("exam " + id));
        org.managedUnit(officer, exam.ownerUnitId());
        return exam;
    }

    private static void check(Exams.Draft d) {
        String t = d.title() == null ? "" : d.title().strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new Refusal("training.error.titleRequired");
        }
        if (d.timeLimitMin() < 1 || d.timeLimitMin() > 600) {
            throw new Refusal("training.error.badTimeLimit");
        }
        if (d.passPercent() < 1 || d.passPercent() > 100) {
            throw new Refusal("training.error.badPassMark");
        }
        if (d.attemptsAllowed() != null && (d.attemptsAllowed() < 1 || d.attemptsAllowed() > 100)
                || d.minGapMinutes() < 0) {
            throw new Refusal("training.error.badAttempts");
        }
        if (!Set.of("NONE", "AFTER_SUBMIT").contains(d.review()) || d.multipleScoring() == null) {
            throw new Refusal("training.error.badSettings");
        }
        if (d.opensAt() != null && d.closesAt() != null && !d.closesAt().isAfter(d.opensAt())) {
            throw new Refusal("training.error.badPeriod");
        }
    }

    private List<Exams.Part> checked(List<Exams.Part> parts) {
        for (Exams.Part p : parts) {
            if (!TYPES.contains(p.type()) || p.count() < 1 || p.count() > 200 || p.points() == null
                    || p.points().compareTo(BigDecimal.ZERO) <= 0 || p.points().compareTo(BigDecimal.valueOf(1000)) > 0
                    || p.difficulty() != null && (p.difficulty() < 1 || p.difficulty() > 5)) {
                throw new Refusal("training.error.badPart");
            }
            if (p.questionId() != null) {
                Questions.Question q = questions.find(p.questionId())
                        .orElseThrow(() -> new Refusal("training.error.badPart"));
                if (!q.type().equals(p.type()) || p.count() != 1) {
                    throw new Refusal("training.error.badPart");
                }
            }
        }
        return parts;
    }

    /** A new course owned by a unit the officer manages, as a draft. */
    @Transactional
    public long createCourse(Viewer officer, Courses.Draft d) {
        OrgUnit owner = org.managedUnit(officer, d.ownerUnitId());
        check(officer, d);
        long id = courses.insert(d, officer.accountId());
        audit.record(officer, "training.course.create", "training_course", id, owner.id(), d.title(), Map.of(),
                Map.of("audience", d.audience()));
        return id;
    }

    @Transactional
    public void updateCourse(Viewer officer, long id, Courses.Draft d) {
        Courses.Course c = managedCourse(officer, id);
        check(officer, d);
        courses.update(id, d);
        audit.record(officer, "training.course.update", "training_course", id, c.ownerUnitId(), d.title(),
                Map.of("title", c.title(), "audience", c.audience()), Map.of("title", d.title(), "audience", d.audience()));
    }

    /** Publishes a course that has lessons. */
    @Transactional
    public void publishCourse(Viewer officer, long id) {
        Courses.Course c = managedCourse(officer, id);
        if (courses.lessons(id).isEmpty()) {
            throw new Refusal("training.error.noLessons");
        }
        courses.setStatus(id, "PUBLISHED");
        audit.record(officer, "training.course.publish", "training_course", id, c.ownerUnitId(), c.title(),
                Map.of("status", c.status()), Map.of("status", "PUBLISHED"));
    }

    /** Adds a lesson at the end of a course the officer manages. */
    @Transactional
    public long addLesson(Viewer officer, long courseId, String title, String kind, String body, String fileKey,
                          String posterKey, Integer durationS) {
        Courses.Course c = managedCourse(officer, courseId);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new Refusal("training.error.titleRequired");
        }
        if (!Set.of("TEXT", "PDF", "VIDEO").contains(kind) || kind.equals("TEXT") != (fileKey == null)
                || kind.equals("TEXT") && (body == null || body.isBlank())) {
            throw new Refusal("training.error.badLesson");
        }
        long id = courses.addLesson(courseId, t, kind, body, fileKey, posterKey, durationS);
        audit.record(officer, "training.lesson.add", "training_lesson", id, c.ownerUnitId(), t, Map.of(),
                Map.of("course", c.title(), "kind", kind));
        return id;
    }

    public Courses.Course managedCourse(Viewer officer, long id) {
        Courses.Course c = courses.find(id).orElseThrow(() -> new NotFoundException("course " + id));
        org.managedUnit(officer, c.ownerUnitId());
        return c;
    }

    private void check(Viewer officer, Courses.Draft d) {
        String t = d.title() == null ? "" : d.title().strip();
        if (t.isEmpty() || t.length() > 100 || d.summary() != null && d.summary().length() > 2000) {
            throw new Refusal("training.error.titleRequired");
        }
        if (!AUDIENCES.contains(d.audience()) || d.audience().equals("LIST") != (d.audienceUnitId() == null)) {
            throw new Refusal("training.error.badAudience");
        }
        if (d.audienceUnitId() != null) {
            org.managedUnit(officer, d.audienceUnitId());
        }
        if (d.certificateMonths() != null && (d.certificateMonths() < 1 || d.certificateMonths() > 120)) {
            throw new Refusal("training.error.badCertificate");
        }
    }

    private static void requireOfficer(Viewer viewer) {
        if (!viewer.isOfficerOrAbove()) {
            throw new NotFoundException("question bank");
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
