package org.tongxin.training;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.security.Viewer;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.ExamService;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Grading;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;
import org.tongxin.training.internal.TrainingSnapshots;

/**
 * Start-up set-up of training for the demo enterprise: courses, questions, exams and assessments written through
 * the same services the pages use (checked, audited as the actor given), and people moved along the retraining
 * loop by really taking attempts and studying lessons, so that every figure on the boards is genuine. Only the
 * {@code backdate…} methods write directly, to spread what happened in one start-up over the past months; they
 * publish the moved records' snapshots again, as the services published them with the moment of the start-up.
 */
@Service
public class TrainingSetup {

    /** A question of the bank; choices numbered from 0, true/false with 0 for true. */
    public record Question(String type, String skill, int difficulty, String stem, List<String> options, int[] correct,
                           List<String> accepted, String explanation) {

        public static Question single(String skill, int difficulty, String stem, int correct, String explanation,
                                      String... options) {
            return new Question("SINGLE", skill, difficulty, stem, List.of(options), new int[]{correct}, List.of(),
                    explanation);
        }

        public static Question multiple(String skill, int difficulty, String stem, int[] correct, String explanation,
                                        String... options) {
            return new Question("MULTIPLE", skill, difficulty, stem, List.of(options), correct, List.of(), explanation);
        }

        public static Question trueFalse(String skill, int difficulty, String stem, boolean isTrue, String explanation) {
            return new Question("TRUE_FALSE", skill, difficulty, stem, List.of(), new int[]{isTrue ? 0 : 1}, List.of(),
                    explanation);
        }

        public static Question fill(String skill, int difficulty, String stem, String explanation, String... accepted) {
            return new Question("FILL", skill, difficulty, stem, List.of(), new int[0], List.of(accepted), explanation);
        }
    }

    /** An exam rule: {@code count} questions of a type and skill, each worth {@code points}. */
    public record Rule(String type, String skill, int count, BigDecimal points) {
    }

    /** A text lesson. */
    public record Lesson(String title, String body) {
    }

    private final TrainingAdmin admin;
    private final AssessmentService assessments;
    private final Assessments records;
    private final ExamService exams;
    private final CourseService courses;
    private final TrainingSnapshots snapshots;
    private final JdbcClient jdbc;

    TrainingSetup(TrainingAdmin admin, AssessmentService assessments, Assessments records, ExamService exams,
                  CourseService courses, TrainingSnapshots snapshots, JdbcClient jdbc) {
        this.admin = admin;
        this.snapshots = snapshots;
        this.assessments = assessments;
        this.records = records;
        this.exams = exams;
        this.courses = courses;
        this.jdbc = jdbc;
    }

    /** A published course of text lessons; {@code audience} EMPLOYEES or OFFICERS of {@code audienceUnitId}'s subtree. */
    @Transactional
    public long course(Viewer by, long ownerUnitId, String title, String summary, String audience, long audienceUnitId,
                       Integer certificateMonths, List<Lesson> lessons) {
        long id = admin.createCourse(by, new Courses.Draft(title, summary, audience, audienceUnitId, ownerUnitId,
                certificateMonths));
        for (Lesson l : lessons) {
            admin.addLesson(by, id, l.title(), "TEXT", l.body(), null, null, null);
        }
        admin.publishCourse(by, id);
        return id;
    }

    /** Adds the questions to the bank, all or none. */
    @Transactional
    public int questions(Viewer by, List<Question> questions) {
        return admin.addQuestions(by, questions.stream().map(q -> new Questions.Draft(q.type(), q.stem(), q.options(),
                q.correct(), q.accepted(), q.skill(), q.difficulty(), q.explanation())).toList()).size();
    }

    /**
     * A published exam drawn by rules, questions and choices shuffled, answers reviewable after submitting, half the
     * points for a multiple choice with some but not all right choices and no wrong one.
     */
    @Transactional
    public long exam(Viewer by, long ownerUnitId, String title, int timeLimitMin, int passPercent, List<Rule> rules) {
        List<Exams.Part> parts = IntStream.range(0, rules.size()).mapToObj(i -> new Exams.Part(i + 1,
                rules.get(i).type(), rules.get(i).skill(), null, null, rules.get(i).count(), rules.get(i).points()))
                .toList();
        long id = admin.createExam(by, new Exams.Draft(title, ownerUnitId, timeLimitMin, passPercent, null, 0, true, true,
                "AFTER_SUBMIT", Grading.MultipleScoring.HALF_FOR_SUBSET, null, null), parts);
        admin.publishExam(by, id);
        return id;
    }

    @Transactional
    public long assessment(Viewer by, String title, long examId, long courseId, long ownerUnitId, int passPercent,
                           LocalDate startsOn, LocalDate endsOn, Integer certificateMonths) {
        return assessments.create(by, new Assessments.Draft(title, examId, courseId, ownerUnitId, passPercent, startsOn,
                endsOn, certificateMonths));
    }

    /** Assigns the officers of {@code unitId}'s subtree; returns everyone assessed, by employee id. */
    @Transactional
    public List<Long> assignOfficers(Viewer by, long assessmentId, long unitId) {
        assessments.assign(by, assessmentId, AssessmentService.Group.OFFICERS, unitId, List.of());
        return records.assessees(assessmentId).stream().map(Assessments.Assessee::employeeId).toList();
    }

    /** Assigns people by employee id, as an officer lists them; each is told. */
    @Transactional
    public void assign(Viewer by, long assessmentId, List<Long> employeeIds) {
        assessments.assign(by, assessmentId, AssessmentService.Group.LIST, null, employeeIds);
    }

    /**
     * The person takes the assessment: starts an attempt, answers the first {@code rightShare} of its questions (in
     * the order shown) right and the others wrong, and hands it in. Returns whether they passed.
     */
    @Transactional
    public boolean attempt(Viewer person, long assessmentId, double rightShare) {
        long examId = records.find(assessmentId).orElseThrow().examId();
        long attempt = exams.start(person, examId, assessmentId);
        List<Attempts.Item> items = exams.view(person, attempt).items();
        long right = Math.round(items.size() * rightShare);
        for (Attempts.Item item : items) {
            boolean ok = item.position() <= right;
            if (item.type().equals("FILL")) {
                exams.answer(person, attempt, item.position(), null, ok ? item.accepted().getFirst() : "不清楚");
            } else {
                exams.answer(person, attempt, item.position(), ok ? item.correct() : wrong(item), null);
            }
        }
        return Boolean.TRUE.equals(exams.submit(person, attempt).passed());
    }

    private static int[] wrong(Attempts.Item item) {
        int c = item.correct()[0];
        return switch (item.type()) {
            case "TRUE_FALSE" -> new int[]{1 - c};
            case "SINGLE" -> new int[]{(c + 1) % item.options().size()};
            default -> IntStream.range(0, item.options().size())
                    .filter(i -> Arrays.stream(item.correct()).noneMatch(x -> x == i)).toArray();
        };
    }

    /** The person enrols in a course open to them, as from the course's page; returns the enrolment. */
    @Transactional
    public long enrol(Viewer person, long courseId) {
        return courses.enrolSelf(person, courseId);
    }

    /** The person reads the first {@code lessons} lessons of a course they are enrolled in to the end. */
    @Transactional
    public void study(Viewer person, long courseId, int lessons) {
        List<Long> ids = jdbc.sql("SELECT id FROM training_lesson WHERE course_id = ? ORDER BY position")
                .param(courseId).query(Long.class).list();
        for (long lesson : ids.subList(0, Math.min(lessons, ids.size()))) {
            courses.recordProgress(person, courseId, lesson, 0, 0, true);
        }
    }

    /**
     * Moves everything a person did in an assessment — attempts, standing, retraining enrolments and progress, the
     * certificate — {@code ago} into the past, as if it had happened then.
     */
    @Transactional
    public void backdate(long assessmentId, long employeeId, Duration ago) {
        String shift = ago.toSeconds() + " seconds";
        long courseId = records.find(assessmentId).orElseThrow().retrainingCourseId();
        jdbc.sql("""
                        UPDATE training_attempt SET started_at = started_at - CAST(? AS interval),
                          deadline_at = deadline_at - CAST(? AS interval), submitted_at = submitted_at - CAST(? AS interval)
                        WHERE assessment_id = ? AND employee_id = ?""")
                .params(shift, shift, shift, assessmentId, employeeId).update();
        jdbc.sql("""
                        UPDATE training_assessee SET updated_at = updated_at - CAST(? AS interval),
                          passed_at = passed_at - CAST(? AS interval) WHERE assessment_id = ? AND employee_id = ?""")
                .params(shift, shift, assessmentId, employeeId).update();
        shiftEnrolments(courseId, employeeId, shift);
        jdbc.sql("""
                        UPDATE training_certificate SET issued_at = issued_at - CAST(? AS interval),
                          valid_until = (valid_until - CAST(? AS interval))::date
                        WHERE employee_id = ? AND assessment_id = ?""")
                .params(shift, shift, employeeId, assessmentId).update();
        snapshots.standingChanged(assessmentId, employeeId);
    }

    /**
     * Moves a person's enrolments in a course — enrolling, progress, completion, the course's certificate —
     * {@code ago} into the past, as if they had happened then.
     */
    @Transactional
    public void backdateEnrolments(long courseId, long employeeId, Duration ago) {
        shiftEnrolments(courseId, employeeId, ago.toSeconds() + " seconds");
    }

    private void shiftEnrolments(long courseId, long employeeId, String shift) {
        jdbc.sql("""
                        UPDATE training_progress SET updated_at = updated_at - CAST(? AS interval),
                          completed_at = completed_at - CAST(? AS interval)
                        WHERE enrolment_id IN (SELECT id FROM training_enrolment WHERE course_id = ? AND employee_id = ?)""")
                .params(shift, shift, courseId, employeeId).update();
        List<Long> moved = jdbc.sql("""
                        UPDATE training_enrolment SET enrolled_at = enrolled_at - CAST(? AS interval),
                          completed_at = completed_at - CAST(? AS interval) WHERE course_id = ? AND employee_id = ?
                        RETURNING id""")
                .params(shift, shift, courseId, employeeId).query(Long.class).list();
        jdbc.sql("""
                        UPDATE training_certificate SET issued_at = issued_at - CAST(? AS interval),
                          valid_until = (valid_until - CAST(? AS interval))::date
                        WHERE employee_id = ? AND course_id = ?""")
                .params(shift, shift, employeeId, courseId).update();
        moved.forEach(snapshots::enrolmentChanged);
    }

    /**
     * Moves an assessment's period {@code days} into the past (it was set up for today so that the people could take
     * it through the services), as if it had been held then; what its people did is moved by {@link #backdate}.
     */
    @Transactional
    public void backdateAssessment(long assessmentId, int days) {
        jdbc.sql("""
                        UPDATE training_assessment SET starts_on = starts_on - ?, ends_on = ends_on - ?,
                          created_at = created_at - make_interval(days => ?) WHERE id = ?""")
                .params(days, days, days, assessmentId).update();
        // Retraining falls due the day the assessment closes.
        jdbc.sql("""
                        UPDATE training_enrolment SET due_on = due_on - ? WHERE source = 'RETRAINING'
                          AND course_id = (SELECT retraining_course_id FROM training_assessment WHERE id = ?)
                          AND employee_id IN (SELECT employee_id FROM training_assessee WHERE assessment_id = ?)
                        RETURNING id""")
                .params(days, assessmentId, assessmentId).query(Long.class).list().forEach(snapshots::enrolmentChanged);
        records.assessees(assessmentId).forEach(a -> snapshots.standingChanged(assessmentId, a.employeeId()));
    }
}
