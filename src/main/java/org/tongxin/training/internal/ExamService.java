package org.tongxin.training.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Assessments.Assessee;
import org.tongxin.training.internal.Assessments.Assessment;
import org.tongxin.training.internal.Attempts.Attempt;
import org.tongxin.training.internal.Attempts.Item;
import org.tongxin.training.internal.Exams.Exam;

/**
 * Attempts at exams, on the phone. The deadline is fixed on the server when an attempt starts (closing the browser
 * does not stop the clock); each answer is saved when given (a dropped connection loses nothing); grading happens
 * once — on submit, or by {@link #gradePastDeadline} for attempts whose time ran out — and, in an assessment, moves
 * the person along the retraining loop in the same transaction.
 *
 * <p>Outside assessments an exam is open to the employees of its owner unit's subtree, with the exam's attempts
 * allowed and least gap between attempts. In an assessment the loop decides: one attempt per round.
 */
@Service
public class ExamService {

    /** Answers arriving this long after the deadline still count: they were sent in time over a slow network. */
    static final int GRACE_SECONDS = 15;
    /** Key space of the per-person advisory lock taken when starting an attempt (ASCII "EXM"). */
    private static final int START_LOCK = 0x45584D;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An attempt with its exam, for pages. */
    public record AttemptView(Attempt attempt, Exam exam, List<Item> items, long secondsLeft) {

        public int answered() {
            return (int) items.stream().filter(i -> i.answeredAt() != null).count();
        }
    }

    /**
     * A standalone exam as an employee sees it before starting: its size, their attempts so far, how many are left
     * (null: no limit), when the least gap after the last attempt ends (null: not waiting), whether they may start
     * now, and the attempt in progress if any.
     */
    public record Entry(Exam exam, int questions, BigDecimal maxScore, List<Attempt> attempts, Integer attemptsLeft,
                        OffsetDateTime nextStartAt, boolean mayStart, Attempt inProgress) {
    }

    private final Exams exams;
    private final Questions questions;
    private final Attempts attempts;
    private final Assessments assessments;
    private final AssessmentService assessmentService;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final Clock clock;

    ExamService(Exams exams, Questions questions, Attempts attempts, Assessments assessments,
                AssessmentService assessmentService, OrgDirectory org, JdbcClient jdbc, Optional<Clock> clock) {
        this.exams = exams;
        this.questions = questions;
        this.attempts = attempts;
        this.assessments = assessments;
        this.assessmentService = assessmentService;
        this.org = org;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Starts an attempt (or returns the one in progress). Questions are drawn by the exam's parts, shuffled when
     * the exam says so, and copied into the attempt as they are now.
     */
    @Transactional
    public long start(Viewer viewer, long examId, Long assessmentId) {
        long employeeId = employeeOf(viewer);
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(START_LOCK, (int) employeeId).query(Object.class).single();
        Exam exam = exams.find(examId).orElseThrow(() -> new NotFoundException("exam " + examId));
        OffsetDateTime now = now();
        Optional<Attempt> open = attempts.inProgress(examId, employeeId);
        if (open.isPresent()) {
            if (now.isBefore(open.get().deadlineAt().plusSeconds(GRACE_SECONDS))) {
                return open.get().id();
            }
            grade(open.get().id(), "DEADLINE", now);
        }
        OffsetDateTime deadline = now.plusMinutes(exam.timeLimitMin());
        if (assessmentId != null) {
            Assessment a = assessments.find(assessmentId).filter(x -> x.examId() == examId)
                    .orElseThrow(() -> new NotFoundException("assessment " + assessmentId));
            Assessee s = assessments.assessee(assessmentId, employeeId)
                    .orElseThrow(() -> new NotFoundException("assessment " + assessmentId));
            if (s.status() == Assessments.Standing.PASSED) {
                throw new Refusal("training.error.alreadyPassed");
            }
            if (s.status() == Assessments.Standing.RETRAINING) {
                throw new Refusal("training.error.retrainFirst");
            }
            if (now.toLocalDate().isBefore(a.startsOn()) || now.toLocalDate().isAfter(a.endsOn())
                    || !exam.status().equals("PUBLISHED")) {
                throw new Refusal("training.error.outsidePeriod");
            }
            OffsetDateTime periodEnd = a.endsOn().atTime(LocalTime.MAX).atZone(clock.getZone()).toOffsetDateTime();
            deadline = earliest(deadline, periodEnd);
        } else {
            if (!inAudience(employeeId, exam)) {
                throw new NotFoundException("exam " + examId);
            }
            if (!exam.openAt(now)) {
                throw new Refusal("training.error.examClosed");
            }
            List<Attempt> before = attempts.of(examId, employeeId).stream().filter(x -> x.assessmentId() == null).toList();
            if (exam.attemptsAllowed() != null && before.size() >= exam.attemptsAllowed()) {
                throw new Refusal("training.error.noAttemptsLeft");
            }
            Optional<OffsetDateTime> last = before.stream().map(Attempt::submittedAt).filter(x -> x != null)
                    .max(OffsetDateTime::compareTo);
            if (last.isPresent() && now.isBefore(last.get().plusMinutes(exam.minGapMinutes()))) {
                throw new Refusal("training.error.tooSoon");
            }
        }
        if (exam.closesAt() != null) {
            deadline = earliest(deadline, exam.closesAt());
        }
        List<Drawn> drawn = draw(exam);
        BigDecimal max = drawn.stream().map(Drawn::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        int number = attempts.of(examId, employeeId).size() + 1;
        long id = attempts.insert(examId, employeeId, assessmentId, number, now, deadline, max);
        Random random = new Random(RANDOM.nextLong());
        if (exam.shuffleQuestions()) {
            Collections.shuffle(drawn, random);
        }
        int position = 1;
        for (Drawn d : drawn) {
            int[] order = IntStream.range(0, d.question().options().size()).toArray();
            if (exam.shuffleOptions() && order.length > 1) {
                shuffle(order, random);
            }
            attempts.insertItem(id, position++, d.question(), order, d.points());
        }
        return id;
    }

    /** A published exam open to the viewer outside any assessment; 404 for anyone outside its audience. */
    public Entry entry(Viewer viewer, long examId) {
        long employeeId = employeeOf(viewer);
        Exam exam = exams.find(examId).filter(e -> !e.status().equals("DRAFT") && inAudience(employeeId, e))
                .orElseThrow(() -> new NotFoundException("exam " + examId));
        List<Exams.Part> parts = exams.parts(examId);
        int questions = parts.stream().mapToInt(Exams.Part::count).sum();
        BigDecimal max = parts.stream().map(p -> p.points().multiply(BigDecimal.valueOf(p.count())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Attempt> mine = attempts.of(examId, employeeId).stream().filter(a -> a.assessmentId() == null).toList();
        Integer left = exam.attemptsAllowed() == null ? null : Math.max(0, exam.attemptsAllowed() - mine.size());
        OffsetDateTime now = now();
        OffsetDateTime next = mine.stream().map(Attempt::submittedAt).filter(x -> x != null)
                .max(OffsetDateTime::compareTo).map(t -> t.plusMinutes(exam.minGapMinutes()))
                .filter(now::isBefore).orElse(null);
        Attempt open = mine.stream().filter(Attempt::inProgress).findFirst().orElse(null);
        boolean mayStart = open != null || exam.openAt(now) && (left == null || left > 0) && next == null;
        return new Entry(exam, questions, max, mine, left, next, mayStart, open);
    }

    /** Published exams the viewer may take on their own (those of an assessment are taken through it). */
    public List<Exam> openExams(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return List.of();
        }
        List<Long> path = org.employee(viewer.employeeId()).flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds)
                .orElse(List.of());
        OffsetDateTime now = now();
        return exams.standalone(path).stream().filter(e -> e.openAt(now)).toList();
    }

    private record Drawn(Questions.Question question, BigDecimal points) {
    }

    private List<Drawn> draw(Exam exam) {
        List<Exams.Part> parts = exams.parts(exam.id());
        if (parts.isEmpty()) {
            throw new Refusal("training.error.emptyExam");
        }
        List<Drawn> drawn = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (Exams.Part p : parts) {
            List<Questions.Question> got = p.questionId() != null
                    ? questions.find(p.questionId()).filter(Questions.Question::active).stream().toList()
                    : questions.draw(p.type(), p.skill(), p.difficulty(), p.count(), taken);
            if (got.size() < p.count() || got.stream().anyMatch(q -> taken.contains(q.id()))) {
                throw new Refusal("training.error.bankTooSmall");
            }
            for (Questions.Question q : got) {
                taken.add(q.id());
                drawn.add(new Drawn(q, p.points()));
            }
        }
        return drawn;
    }

    /**
     * Saves the answer to one question of the viewer's attempt in progress: the choices given by the bank's
     * numbering (as the page sends them), or the text typed for a fill-in.
     */
    @Transactional
    public void answer(Viewer viewer, long attemptId, int position, int[] chosen, String typed) {
        OffsetDateTime now = now();
        save(answerable(viewer, attemptId, position, now), chosen, typed, now);
    }

    /**
     * Saves the answer to one question as a form posts it: the values of the question's field, read by the question's
     * type (choices by the bank's numbering, or the text typed). Nothing chosen for a single choice is refused.
     */
    @Transactional
    public void answer(Viewer viewer, long attemptId, int position, List<String> values) {
        OffsetDateTime now = now();
        Item item = answerable(viewer, attemptId, position, now);
        PostedAnswer posted = PostedAnswer.of(item.type(), values);
        if (posted == null) {
            throw new Refusal(values == null || values.isEmpty() ? "training.error.noChoice" : "training.error.badAnswer");
        }
        save(item, posted.chosen(), posted.typed(), now);
    }

    /**
     * The question of the viewer's attempt, while answers are still taken. The attempt's row is key-share locked
     * until the answer commits, so grading (which locks it for update) waits for an answer being saved, and an answer
     * arriving while grading runs waits and is then refused: an answer acknowledged is always one the grade counted.
     */
    private Item answerable(Viewer viewer, long attemptId, int position, OffsetDateTime now) {
        long employeeId = employeeOf(viewer);
        Attempt a = attempts.lockKeyShare(attemptId).filter(x -> x.employeeId() == employeeId)
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        if (!a.inProgress() || !now.isBefore(a.deadlineAt().plusSeconds(GRACE_SECONDS))) {
            throw new Refusal("training.error.timeUp");
        }
        return attempts.item(attemptId, position).orElseThrow(() -> new NotFoundException("question " + position));
    }

    private void save(Item item, int[] chosen, String typed, OffsetDateTime now) {
        int[] choices = null;
        String text = null;
        switch (item.type()) {
            case "SINGLE", "TRUE_FALSE" -> {
                int options = item.type().equals("TRUE_FALSE") ? 2 : item.options().size();
                if (chosen == null || chosen.length != 1 || chosen[0] < 0 || chosen[0] >= options) {
                    throw new Refusal("training.error.badAnswer");
                }
                choices = chosen;
            }
            case "MULTIPLE" -> {
                choices = chosen == null ? new int[0] : Arrays.stream(chosen).distinct().sorted().toArray();
                if (Arrays.stream(choices).anyMatch(c -> c < 0 || c >= item.options().size())) {
                    throw new Refusal("training.error.badAnswer");
                }
            }
            default -> {
                text = typed == null ? "" : typed.strip();
                if (text.length() > 500) {
                    throw new Refusal("training.error.badAnswer");
                }
            }
        }
        attempts.answer(item.attemptId(), item.position(), choices, text, now);
    }

    /** The viewer hands in their attempt; it is graded at once (once). */
    @Transactional
    public Attempt submit(Viewer viewer, long attemptId) {
        own(viewer, attemptId);
        OffsetDateTime now = now();
        grade(attemptId, "SUBMITTED", now);
        return attempts.find(attemptId).orElseThrow();
    }

    /** Grades the attempts whose time has run out; returns how many this call graded. */
    @Transactional
    public int gradePastDeadline(int limit) {
        OffsetDateTime now = now();
        int n = 0;
        for (long id : attempts.pastDeadline(now.minusSeconds(GRACE_SECONDS), limit)) {
            if (grade(id, "DEADLINE", now)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Grades an attempt if it is still in progress (its row locked first: a submit and the deadline job meeting
     * grade it once). An attempt submitted after its deadline counts as ended by the deadline; answers saved in
     * time count either way.
     */
    boolean grade(long attemptId, String endedBy, OffsetDateTime now) {
        Attempt a = attempts.lock(attemptId).orElseThrow();
        if (!a.inProgress()) {
            return false;
        }
        Exam exam = exams.find(a.examId()).orElseThrow();
        BigDecimal score = BigDecimal.ZERO;
        List<Item> items = attempts.items(attemptId);
        Integer[] positions = new Integer[items.size()];
        BigDecimal[] scored = new BigDecimal[items.size()];
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            positions[k] = item.position();
            scored[k] = Grading.score(item.type(), item.correct(), item.accepted(), item.chosen(), item.typed(),
                    item.points(), exam.multipleScoring());
            score = score.add(scored[k]);
        }
        attempts.score(attemptId, positions, scored);
        BigDecimal percent = Grading.percent(score, a.maxScore());
        int passMark = a.assessmentId() == null ? exam.passPercent()
                : assessments.find(a.assessmentId()).orElseThrow().passPercent();
        boolean passed = percent.compareTo(BigDecimal.valueOf(passMark)) >= 0;
        String ended = now.isAfter(a.deadlineAt().plusSeconds(GRACE_SECONDS)) ? "DEADLINE" : endedBy;
        OffsetDateTime at = ended.equals("DEADLINE") && now.isAfter(a.deadlineAt()) ? a.deadlineAt() : now;
        attempts.close(attemptId, at, ended, score, percent, passed);
        if (a.assessmentId() != null) {
            assessmentService.onGraded(a, passed, percent, now);
        }
        return true;
    }

    /**
     * The viewer's attempt with its items; after grading, answers and explanations only if the exam allows. An
     * attempt whose time (and grace) ran out is graded here if the deadline job has not come to it yet, so the page
     * opened after the deadline shows the result, never a form that can no longer be answered.
     */
    @Transactional
    public AttemptView view(Viewer viewer, long attemptId) {
        Attempt a = own(viewer, attemptId);
        if (a.inProgress() && !now().isBefore(a.deadlineAt().plusSeconds(GRACE_SECONDS))) {
            grade(attemptId, "DEADLINE", now());
            a = attempts.find(attemptId).orElseThrow();
        }
        Exam exam = exams.find(a.examId()).orElseThrow();
        long left = Math.max(0, java.time.Duration.between(now(), a.deadlineAt()).toSeconds());
        return new AttemptView(a, exam, attempts.items(attemptId), a.inProgress() ? left : 0);
    }

    private Attempt own(Viewer viewer, long attemptId) {
        long employeeId = employeeOf(viewer);
        return attempts.find(attemptId).filter(a -> a.employeeId() == employeeId)
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
    }

    private boolean inAudience(long employeeId, Exam exam) {
        return org.employee(employeeId).flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds)
                .map(p -> p.contains(exam.ownerUnitId())).orElse(false);
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long employeeOf(Viewer viewer) {
        if (viewer.employeeId() == null) {
            throw new Refusal("training.error.notAnEmployee");
        }
        return viewer.employeeId();
    }
}
