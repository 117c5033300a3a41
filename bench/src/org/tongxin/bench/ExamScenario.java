package org.tongxin.bench;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;
import org.tongxin.training.internal.Grading;

/**
 * {@code exam}: 2,000 signed-in employees take one timed exam of 20 questions on the server, each through the pages'
 * own requests: start ({@code POST /training/exams/{id}/start}), the attempt page, each answer saved as given
 * ({@code POST /training/attempts/{id}/answers/{position}} asking for JSON, as the page's script does), submit
 * ({@code POST /training/attempts/{id}/submit} carrying the page's answers, as the form does). The exam closes at a
 * minute boundary; in the 60 s before it every examinee saves the last three answers and hands in (more of them as
 * the end nears), some pressing submit twice at once, while 100 never press it and are graded by the deadline job;
 * some of those send one more answer within the grace after the deadline (it must count) or after it (it must be
 * refused). Checked in the database: every answer the client had acknowledged is stored and graded as stored
 * ({@code lost_answers} = 0), every attempt graded exactly once ({@code double_graded} = 0, seen by triggers the bench
 * puts on the attempt tables), the deadline job grading the 100. Target: p99 ≤ 300 ms over the window's requests.
 */
final class ExamScenario implements Scenario {

    private static final int EXAMINEES = 2_000;
    /** Never press submit: their attempts are graded by the deadline job. */
    private static final int STRAGGLERS = 100;
    /** Of the others, this many press submit twice at once. */
    private static final int DOUBLE_SUBMITTERS = 100;
    /** Of the stragglers, this many send one more answer 5 s after the deadline, within the grace: it counts. */
    private static final int LATE_IN_GRACE = 20;
    /** And this many 25 s after it, past the grace: refused. */
    private static final int LATE_PAST_GRACE = 20;
    private static final int GRACE_S = 15;
    private static final int QUESTIONS = 20;
    /** Answers saved in the window, just before handing in; the others are saved earlier. */
    private static final int LAST_ANSWERS = 3;
    private static final int WINDOW_S = 60;
    /** Time allowed for the starts and earlier answers; the exam's closing time is set this far ahead. */
    private static final int ANSWERING_BUDGET_S = 270;
    private static final int IN_FLIGHT = 64;
    private static final int LOG_IN_IN_FLIGHT = 32;
    private static final double TARGET_P99_MS = 300;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern ADMIN_PAGE = Pattern.compile("/training-admin/exams/(\\d+)");
    private static final Pattern ATTEMPT_PAGE = Pattern.compile("/training/attempts/(\\d+)");
    private static final Pattern QUESTION = Pattern.compile("data-position=\"(\\d+)\" data-type=\"(\\w+)\"");
    private static final Pattern CHOICE = Pattern.compile("name=\"q-(\\d+)\" id=\"q-\\d+-[A-H]\" value=\"(\\d+)\"");

    /** CPU samples sorted by the innermost frame that names a layer. */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("org.postgresql.", "jdbc_driver"),
            Map.entry("com.zaxxer.hikari.", "connection_pool"),
            Map.entry("org.thymeleaf.", "render_page"),
            Map.entry("org.tongxin.identity.internal.SessionChecks", "session_checks"),
            Map.entry("org.tongxin.notify.", "unread_count"),
            Map.entry("org.tongxin.training.", "exam_code"),
            Map.entry("org.tongxin.", "app_code"),
            Map.entry("org.springframework.security.", "spring_security"),
            Map.entry("org.springframework.jdbc.", "spring_jdbc"),
            Map.entry("org.springframework.transaction.", "spring_transactions"),
            Map.entry("org.springframework.web.", "spring_mvc"),
            Map.entry("org.springframework.", "spring_other"),
            Map.entry("org.apache.", "tomcat"),
            Map.entry("jdk.internal.vm.", "virtual_threads"),
            Map.entry("java.util.concurrent.", "virtual_threads"));

    /** A question as the attempt page shows it: its position, type and the values its choices post. */
    private record Question(int position, String type, List<String> values) {
    }

    /** One request as the client saw it, and what it was. */
    private record Sent(String kind, Crowd.Reply reply, boolean expected) {
    }

    /** One examinee as the client knows them: session, attempt, questions, and each answer the server acknowledged. */
    private static final class Examinee {
        final int index;
        final Crowd.Session session;
        final Random random;
        long attemptId;
        List<Question> questions = List.of();
        final Map<Integer, List<String>> acknowledged = new ConcurrentHashMap<>();
        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        String role = "submits";

        Examinee(int index, Crowd.Session session) {
            this.index = index;
            this.session = session;
            this.random = new Random(Harness.SEED * 31 + index);
        }

        /** An answer of the question's type: one choice, a non-empty set of choices, or some text. */
        List<String> pick(Question q) {
            return switch (q.type()) {
                case "FILL" -> List.of(random.nextBoolean() ? "答案" + random.nextInt(20) : "ANSWER " + random.nextInt(20));
                case "MULTIPLE" -> {
                    List<String> chosen = new ArrayList<>();
                    for (String v : q.values()) {
                        if (random.nextBoolean()) {
                            chosen.add(v);
                        }
                    }
                    yield chosen.isEmpty() ? List.of(q.values().get(random.nextInt(q.values().size()))) : chosen;
                }
                default -> List.of(q.values().get(random.nextInt(q.values().size())));
            };
        }
    }

    /** Many statements per request (a submit grades 20 items): the statement log would cost more than they do. */
    @Override
    public boolean logEveryStatement() {
        return false;
    }

    @Override
    public Map<String, Object> run(Harness h) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> checks = new LinkedHashMap<>();
        out.put("load_average_at_start", loadAverage());
        List<UnitPlan> plan = new EnterpriseGenerator(Harness.SEED).units(h.scale());
        Path recording = h.work().resolve("exam-app.jfr");
        Files.deleteIfExists(recording);
        Instant windowStart;
        Instant windowEnd;
        try (App app = h.startApp("exam", Profile.jvmArgs(recording));
             WebClient admin = new WebClient(app.baseUrl);
             Crowd crowd = new Crowd(app.baseUrl)) {
            Bench.progress("seeding " + plan.size() + " units and " + EXAMINEES + " employees with accounts over JDBC");
            RushSeed.People people = RushSeed.load(h.db(), plan, EXAMINEES);
            out.put("seed", people.summary());
            CpuMeter cpu = new CpuMeter(app.pid(), h.db().postmasterPid());
            Map<String, Long> employeeIds = employeeIds(h.db());

            admin.logIn(Harness.ADMIN, Harness.ADMIN_PASSWORD);
            out.put("bank", importBank(admin, h.db(), checks));

            Bench.progress("logging in " + EXAMINEES + " examinees (" + LOG_IN_IN_FLIGHT + " at a time)");
            long l0 = System.nanoTime();
            List<Crowd.Session> sessions = Crowd.forEach(EXAMINEES, LOG_IN_IN_FLIGHT,
                    i -> crowd.logIn(people.employeeNumbers().get(i), RushSeed.PASSWORD, "/training/exams"));
            double logInSeconds = (System.nanoTime() - l0) / 1e9;
            out.put("log_in", Map.of("sessions", EXAMINEES, "seconds", Profile.round(logInSeconds, 1),
                    "note", "GET /login, POST /login, GET /training/exams for the CSRF token; not timed"));

            // The exam closes at a minute boundary (the form takes minutes) far enough ahead for everyone to start.
            LocalDateTime closes = LocalDateTime.now().plusSeconds(ANSWERING_BUDGET_S + WINDOW_S)
                    .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            long examId = createExam(admin, h.db(), people.rootUnitId(), closes);
            Instant closesAt = closes.atZone(ZoneId.systemDefault()).toInstant();
            out.put("exam", Map.of("id", examId, "questions", QUESTIONS, "closes_at", closesAt.toString(),
                    "rules", "10 single choice of 网络安全 (3 points), 5 multiple choice of 新媒体 (4, half for a subset), "
                            + "3 true/false (2), 2 fill-in (7); questions and choices shuffled per attempt"));
            installGradingWitness(h.db());

            List<Examinee> examinees = new ArrayList<>();
            for (int i = 0; i < EXAMINEES; i++) {
                examinees.add(new Examinee(i, sessions.get(i)));
            }
            List<Examinee> shuffled = new ArrayList<>(examinees);
            Collections.shuffle(shuffled, new Random(Harness.SEED + 7));
            shuffled.subList(0, STRAGGLERS).forEach(e -> e.role = "straggler");
            shuffled.subList(0, LATE_IN_GRACE).forEach(e -> e.role = "late_in_grace");
            shuffled.subList(LATE_IN_GRACE, LATE_IN_GRACE + LATE_PAST_GRACE).forEach(e -> e.role = "late_past_grace");
            shuffled.subList(STRAGGLERS, STRAGGLERS + DOUBLE_SUBMITTERS).forEach(e -> e.role = "submits_twice");

            // ---- answering: start, the page, the first 17 answers, one of them changed ----
            Bench.progress("answering: " + EXAMINEES + " examinees start and answer " + (QUESTIONS - LAST_ANSWERS)
                    + " questions, " + IN_FLIGHT + " at a time");
            CpuMeter.Snapshot answeringCpu = cpu.snapshot();
            long a0 = System.nanoTime();
            Crowd.forEach(EXAMINEES, IN_FLIGHT, i -> {
                answerEarly(crowd, examinees.get(i), examId);
                return null;
            });
            double answeringSeconds = (System.nanoTime() - a0) / 1e9;
            List<Sent> early = new ArrayList<>();
            examinees.forEach(e -> early.addAll(e.sent));
            Map<String, Object> answering = figures(early, answeringSeconds);
            answering.put("cpu", CpuMeter.between(answeringCpu, cpu.snapshot(), early.size()));
            out.put("answering", answering);
            checks.put("answering_every_request_answered_as_expected", ((Number) answering.get("unexpected")).intValue() == 0);
            Bench.progress("answering done: " + answering);

            Instant opens = closesAt.minusSeconds(WINDOW_S);
            if (Instant.now().isAfter(opens)) {
                throw new IllegalStateException("answering took " + Math.round(answeringSeconds) + " s, past the window");
            }
            quiesce(h.db());
            Bench.progress("waiting for the window: " + opens + " to " + closesAt);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), opens).toMillis()));

            // ---- the window: last answers and submits, more of them as the end nears ----
            windowStart = Instant.now();
            CpuMeter.Snapshot windowCpu = cpu.snapshot();
            long release = System.nanoTime();
            long closeNanos = release + Duration.between(windowStart, closesAt).toNanos();
            AtomicInteger failures = new AtomicInteger();
            List<String> failureExamples = Collections.synchronizedList(new ArrayList<>());
            List<Sent> window = Collections.synchronizedList(new ArrayList<>());
            List<Sent> late = Collections.synchronizedList(new ArrayList<>());
            Random schedule = new Random(Harness.SEED + 11);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> tasks = new ArrayList<>();
                for (Examinee e : examinees) {
                    // Arrival density rising linearly toward the close; the last one starts 3 s before it.
                    long at = release + (long) ((WINDOW_S - 3) * 1e9 * Math.sqrt(schedule.nextDouble()));
                    tasks.add(pool.submit(() -> {
                        try {
                            sleepUntil(at);
                            window.addAll(finish(crowd, e));
                            if (e.role.startsWith("late_")) {
                                sleepUntil(closeNanos + (e.role.equals("late_in_grace") ? 5 : GRACE_S + 10) * 1_000_000_000L);
                                late.add(lateAnswer(crowd, e));
                            }
                        } catch (Exception x) {
                            failures.incrementAndGet();
                            if (failureExamples.size() < 5) {
                                failureExamples.add(x.toString());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : tasks) {
                    f.get(WINDOW_S + 120, TimeUnit.SECONDS);
                }
            }
            windowEnd = Instant.now();
            // From the window's opening to the last answer of its requests (the late answers after the close aside).
            double windowSeconds = (window.stream().mapToLong(s -> s.reply().receivedNanos()).max().orElse(release)
                    - release) / 1e9;
            Map<String, Object> inWindow = figures(window, windowSeconds);
            inWindow.put("cpu", CpuMeter.between(windowCpu, cpu.snapshot(), window.size()));
            inWindow.put("transport_failures", failures.get());
            inWindow.put("transport_failure_examples", failureExamples);
            inWindow.put("requests_per_s_by_tenth_of_window", byTenth(window, release, WINDOW_S));
            out.put("window", inWindow);
            checks.put("window_every_request_answered_as_expected", failures.get() == 0
                    && ((Number) inWindow.get("unexpected")).intValue() == 0);
            long lateAccepted = late.stream().filter(s -> s.kind().equals("late_in_grace") && s.expected()).count();
            long lateRefused = late.stream().filter(s -> s.kind().equals("late_past_grace") && s.expected()).count();
            out.put("after_the_close", Map.of("answers_within_grace_accepted", lateAccepted,
                    "answers_past_grace_refused", lateRefused));
            checks.put("answers_within_grace_accepted", lateAccepted == LATE_IN_GRACE);
            checks.put("answers_past_grace_refused", lateRefused == LATE_PAST_GRACE);
            Bench.progress("window done: " + inWindow);

            // ---- the deadline job grades the stragglers ----
            Bench.progress("waiting for the deadline job to grade the attempts nobody handed in");
            out.put("deadline_job", awaitDeadlineJob(h.db(), examId, closesAt, checks));

            out.putAll(verify(h.db(), examId, examinees, employeeIds, people, closesAt, checks));
            out.put("connect_retries", crowd.connectRetries.get() + admin.connectRetries);
            out.put("load_average_at_end", loadAverage());
        }
        out.put("profile_window", Profile.jfr(recording, windowStart, windowEnd,
                h.root().resolve("bench/results/exam-profile.txt"), PHASES));

        Map<?, ?> w = (Map<?, ?>) out.get("window");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", checks.values().stream().allMatch(Boolean.TRUE::equals));
        result.put("examinees", EXAMINEES);
        result.put("lost_answers", out.remove("lost_answers"));
        result.put("double_graded", out.remove("double_graded"));
        result.put("p99_ms", w.get("p99_ms"));
        result.put("p50_ms", w.get("p50_ms"));
        result.put("baseline", "none: BENCHMARKS.md sets no baseline for exam");
        result.put("ratio", null);
        result.put("targets", Map.of("p99_ms", TARGET_P99_MS));
        result.put("targets_met", ((Number) w.get("p99_ms")).doubleValue() <= TARGET_P99_MS);
        result.putAll(out);
        result.put("checks", checks);
        return result;
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Starts the attempt, reads its page, saves the first answers, then changes the first one. */
    private static void answerEarly(Crowd crowd, Examinee e, long examId) throws Exception {
        Crowd.Reply started = crowd.post(e.session, "/training/exams/" + examId + "/start", List.of(), false);
        Matcher m = started.location() == null ? null : ATTEMPT_PAGE.matcher(started.location());
        boolean ok = started.status() == 302 && m != null && m.matches();
        e.sent.add(new Sent("start", started, ok));
        if (!ok) {
            throw new IllegalStateException("start answered " + started.status() + " " + started.location());
        }
        e.attemptId = Long.parseLong(m.group(1));
        Crowd.Page page = crowd.timedPage(e.session, "/training/attempts/" + e.attemptId);
        e.sent.add(new Sent("page", page.reply(), page.reply().status() == 200));
        e.questions = questions(page.body());
        if (e.questions.size() != QUESTIONS) {
            throw new IllegalStateException("attempt " + e.attemptId + " shows " + e.questions.size() + " questions");
        }
        for (Question q : e.questions.subList(0, QUESTIONS - LAST_ANSWERS)) {
            save(crowd, e, q, e.pick(q), "answer");
        }
        Question first = e.questions.getFirst();
        save(crowd, e, first, e.pick(first), "answer_changed");
    }

    /** The last answers, then (unless a straggler) the submit carrying every answer the page holds. */
    private static List<Sent> finish(Crowd crowd, Examinee e) throws Exception {
        int before = e.sent.size();
        for (Question q : e.questions.subList(QUESTIONS - LAST_ANSWERS, QUESTIONS)) {
            save(crowd, e, q, e.pick(q), "answer");
        }
        if (e.role.equals("submits") || e.role.equals("submits_twice")) {
            List<Map.Entry<String, String>> form = new ArrayList<>();
            form.add(Map.entry("carries", "1"));
            e.acknowledged.forEach((position, values) -> values.forEach(v -> form.add(Map.entry("q-" + position, v))));
            String path = "/training/attempts/" + e.attemptId + "/submit";
            String result = "/training/attempts/" + e.attemptId;
            if (e.role.equals("submits_twice")) {
                CompletableFuture<Crowd.Reply> one = crowd.postAsync(e.session, path, form);
                CompletableFuture<Crowd.Reply> two = crowd.postAsync(e.session, path, form);
                for (Crowd.Reply r : List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS))) {
                    e.sent.add(new Sent("submit", r, r.status() == 302 && result.equals(r.location())));
                }
            } else {
                Crowd.Reply r = crowd.post(e.session, path, form, false);
                e.sent.add(new Sent("submit", r, r.status() == 302 && result.equals(r.location())));
            }
        }
        return new ArrayList<>(e.sent.subList(before, e.sent.size()));
    }

    /** A change of the last answer after the close: within the grace it is saved, past it refused. */
    private static Sent lateAnswer(Crowd crowd, Examinee e) throws Exception {
        Question q = e.questions.getLast();
        List<String> values = e.pick(q);
        Crowd.Reply r = crowd.post(e.session, "/training/attempts/" + e.attemptId + "/answers/" + q.position(),
                fields(q, values), true);
        boolean inGrace = e.role.equals("late_in_grace");
        if (inGrace && r.status() == 200) {
            e.acknowledged.put(q.position(), values);
        }
        return new Sent(e.role, r, inGrace ? r.status() == 200 : r.status() == 409);
    }

    private static void save(Crowd crowd, Examinee e, Question q, List<String> values, String kind) throws Exception {
        Crowd.Reply r = crowd.post(e.session, "/training/attempts/" + e.attemptId + "/answers/" + q.position(),
                fields(q, values), true);
        if (r.status() == 200) {
            e.acknowledged.put(q.position(), values);
        }
        e.sent.add(new Sent(kind, r, r.status() == 200));
    }

    private static List<Map.Entry<String, String>> fields(Question q, List<String> values) {
        return values.stream().map(v -> Map.entry("q-" + q.position(), v)).toList();
    }

    /** The questions of an attempt page in the order shown, with the values of their choices. */
    private static List<Question> questions(String html) {
        Map<Integer, List<String>> choices = new HashMap<>();
        Matcher c = CHOICE.matcher(html);
        while (c.find()) {
            choices.computeIfAbsent(Integer.parseInt(c.group(1)), k -> new ArrayList<>()).add(c.group(2));
        }
        List<Question> out = new ArrayList<>();
        Matcher q = QUESTION.matcher(html);
        while (q.find()) {
            int position = Integer.parseInt(q.group(1));
            out.add(new Question(position, q.group(2), choices.getOrDefault(position, List.of())));
        }
        return out;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    // ---- set-up through the officers' pages ----

    /** 100 questions in the bank's file layout, imported through the bank's import form (all or nothing). */
    private static Map<String, Object> importBank(WebClient admin, Database db, Map<String, Object> checks)
            throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFF题型,题干,选项A,选项B,选项C,选项D,正确答案,可接受答案,技能,难度,解析\r\n");
        Random r = new Random(Harness.SEED + 3);
        String[] topics = {"弱口令", "钓鱼邮件", "公共无线网络", "手机验证码", "陌生链接", "个人信息", "系统更新", "移动存储"};
        int n = 0;
        for (int i = 0; i < 100; i++) {
            String type = i < 40 ? "单选" : i < 65 ? "多选" : i < 85 ? "判断" : "填空";
            String skill = i < 30 || i >= 40 && i < 50 ? "网络安全" : i < 65 ? "新媒体" : i % 2 == 0 ? "网络安全" : "新媒体";
            String topic = topics[i % topics.length];
            String stem = switch (type) {
                case "单选" -> "关于" + topic + "，下列哪一种做法最稳妥？（第 " + (++n) + " 题）";
                case "多选" -> "关于" + topic + "，下列哪些做法是正确的？（第 " + (++n) + " 题）";
                case "判断" -> "遇到" + topic + "相关的问题，应当先核实再处理。（第 " + (++n) + " 题）";
                default -> "职工服务热线号码是多少？（第 " + (++n) + " 题）";
            };
            String correct = switch (type) {
                case "单选" -> "" + (char) ('A' + r.nextInt(4));
                case "多选" -> r.nextBoolean() ? "AB" : r.nextBoolean() ? "ACD" : "BD";
                case "判断" -> r.nextBoolean() ? "对" : "错";
                default -> "";
            };
            boolean choices = type.equals("单选") || type.equals("多选");
            csv.append(String.join(",", "\"" + type + "\"", "\"" + stem + "\"",
                    choices ? "\"设置复杂密码\"" : "\"\"", choices ? "\"不随意转发\"" : "\"\"",
                    choices ? "\"先核实对方身份\"" : "\"\"", choices ? "\"及时更新系统\"" : "\"\"", "\"" + correct + "\"",
                    type.equals("填空") ? "\"12351|一二三五一\"" : "\"\"", "\"" + skill + "\"",
                    Integer.toString(1 + r.nextInt(5)), "\"第 " + n + " 题的解析。\"")).append("\r\n");
        }
        String csrf = admin.csrfFrom("/training-admin/questions");
        HttpResponse<String> imported = admin.postFile("/training-admin/questions/import", csrf, "file", "bank.csv",
                "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
        WebClient.expect(imported, 302, "POST /training-admin/questions/import");
        long count;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM training_question WHERE active")) {
            rs.next();
            count = rs.getLong(1);
        }
        checks.put("bank_imported_through_the_form", count == 100);
        return Map.of("questions", count, "note", "one .csv of 100 questions through POST /training-admin/questions/import");
    }

    /** The exam through the officers' form as the administrator, then published. */
    private static long createExam(WebClient admin, Database db, long rootUnit, LocalDateTime closes) throws Exception {
        String csrf = admin.csrfFrom("/training-admin/exams/new");
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("_csrf", csrf),
                Map.entry("title", "互联网+ 工会工作能力测验（基准）"), Map.entry("ownerUnitId", Long.toString(rootUnit)),
                Map.entry("timeLimitMin", "30"), Map.entry("passPercent", "60"), Map.entry("attemptsAllowed", "1"),
                Map.entry("minGapMinutes", "0"), Map.entry("shuffleQuestions", "true"),
                Map.entry("shuffleOptions", "true"), Map.entry("review", "AFTER_SUBMIT"),
                Map.entry("multipleScoring", "HALF_FOR_SUBSET"), Map.entry("closesAt", closes.format(LOCAL))));
        String[][] parts = {{"SINGLE", "网络安全", "10", "3"}, {"MULTIPLE", "新媒体", "5", "4"},
                {"TRUE_FALSE", "", "3", "2"}, {"FILL", "", "2", "7"}};
        for (String[] p : parts) {
            form.addAll(List.of(Map.entry("partType", p[0]), Map.entry("partSkill", p[1]), Map.entry("partDifficulty", ""),
                    Map.entry("partCount", p[2]), Map.entry("partPoints", p[3]), Map.entry("partQuestionId", "")));
        }
        HttpResponse<String> created = admin.postForm("/training-admin/exams", form);
        WebClient.expect(created, 302, "POST /training-admin/exams");
        Matcher m = ADMIN_PAGE.matcher(admin.location(created));
        if (!m.matches()) {
            throw new IllegalStateException("creating the exam redirected to " + admin.location(created));
        }
        long id = Long.parseLong(m.group(1));
        WebClient.expect(admin.postForm("/training-admin/exams/" + id + "/publish", Map.of("_csrf", csrf)), 302,
                "POST /training-admin/exams/" + id + "/publish");
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("""
                SELECT e.status, (SELECT sum(count) FROM training_exam_part p WHERE p.exam_id = e.id)
                FROM training_exam e WHERE e.id = ?""")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (!rs.getString(1).equals("PUBLISHED") || rs.getInt(2) != QUESTIONS) {
                    throw new IllegalStateException("exam " + id + " is " + rs.getString(1) + " with " + rs.getInt(2)
                            + " questions after publishing");
                }
            }
        }
        Bench.progress("exam " + id + " published, closing at " + closes);
        return id;
    }

    /**
     * Triggers that write down every grading: an attempt turning GRADED, any later change to a graded attempt, and
     * any item scored a second time. An attempt graded twice cannot hide from them.
     */
    private static void installGradingWitness(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_grading (attempt_id BIGINT NOT NULL, what TEXT NOT NULL, "
                    + "at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
            s.execute("""
                    CREATE FUNCTION bench_attempt_graded() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF OLD.status = 'GRADED' THEN
                        INSERT INTO bench_grading (attempt_id, what) VALUES (NEW.id, 'changed after grading');
                      ELSIF NEW.status = 'GRADED' THEN
                        INSERT INTO bench_grading (attempt_id, what) VALUES (NEW.id, 'graded');
                      END IF;
                      RETURN NEW;
                    END $$""");
            s.execute("CREATE TRIGGER bench_attempt_graded AFTER UPDATE ON training_attempt FOR EACH ROW "
                    + "EXECUTE FUNCTION bench_attempt_graded()");
            s.execute("""
                    CREATE FUNCTION bench_item_rescored() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO bench_grading (attempt_id, what) VALUES (NEW.attempt_id, 'item scored again');
                      RETURN NEW;
                    END $$""");
            s.execute("CREATE TRIGGER bench_item_rescored AFTER UPDATE OF scored ON training_attempt_item FOR EACH ROW "
                    + "WHEN (OLD.scored IS NOT NULL) EXECUTE FUNCTION bench_item_rescored()");
        }
    }

    /** Waits (bounded) until no attempt of the exam is in progress; the job runs every 30 s after the grace. */
    private static Map<String, Object> awaitDeadlineJob(Database db, long examId, Instant closesAt,
                                                        Map<String, Object> checks) throws Exception {
        Instant giveUp = closesAt.plusSeconds(GRACE_S + 120);
        long open = -1;
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM training_attempt WHERE exam_id = ? AND status = 'IN_PROGRESS'")) {
            q.setLong(1, examId);
            while (Instant.now().isBefore(giveUp)) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    open = rs.getLong(1);
                }
                if (open == 0) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        Instant done = Instant.now();
        checks.put("deadline_job_graded_every_open_attempt", open == 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open_attempts_left", open);
        out.put("all_graded_s_after_close", Profile.round(Duration.between(closesAt, done).toMillis() / 1000.0, 1));
        out.put("note", "answers count until " + GRACE_S + " s after the close; the job runs every 30 s and grades "
                + "attempts past the grace, 200 per transaction");
        return out;
    }

    // ---- checks in the database ----

    private static Map<String, Object> verify(Database db, long examId, List<Examinee> examinees,
                                              Map<String, Long> employeeIds, RushSeed.People people, Instant closesAt,
                                              Map<String, Object> checks) throws SQLException {
        Map<Long, Examinee> byAttempt = new HashMap<>();
        examinees.forEach(e -> byAttempt.put(e.attemptId, e));
        Map<String, Object> out = new LinkedHashMap<>();
        long attempts = 0;
        long graded = 0;
        long wrongEnd = 0;
        long scoreNotSum = 0;
        long wrongPerson = 0;
        long deadlineNotClose = 0;
        int lostStored = 0;
        int gradedNotAsStored = 0;
        int acknowledged = 0;
        List<String> examples = new ArrayList<>();
        OffsetDateTime close = closesAt.atOffset(java.time.ZoneOffset.UTC);
        try (Connection c = db.connect()) {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT a.id, a.employee_id, a.status, a.ended_by, a.score, a.deadline_at, a.submitted_at,
                      (SELECT sum(i.scored) FROM training_attempt_item i WHERE i.attempt_id = a.id)
                    FROM training_attempt a WHERE a.exam_id = ?""")) {
                q.setLong(1, examId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        attempts++;
                        Examinee e = byAttempt.get(rs.getLong(1));
                        if (e == null || !employeeIds.get(people.employeeNumbers().get(e.index)).equals(rs.getLong(2))) {
                            wrongPerson++;
                            continue;
                        }
                        boolean isGraded = rs.getString(3).equals("GRADED");
                        graded += isGraded ? 1 : 0;
                        boolean submitter = e.role.startsWith("submits");
                        String expectedEnd = submitter ? "SUBMITTED" : "DEADLINE";
                        if (!expectedEnd.equals(rs.getString(4))) {
                            wrongEnd++;
                        }
                        if (!rs.getObject(6, OffsetDateTime.class).isEqual(close)) {
                            deadlineNotClose++;
                        }
                        BigDecimal score = rs.getBigDecimal(5);
                        if (score == null || rs.getBigDecimal(8) == null || score.compareTo(rs.getBigDecimal(8)) != 0) {
                            scoreNotSum++;
                        }
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT i.attempt_id, i.position, i.type, i.correct, i.accepted, i.points, i.chosen, i.typed, i.scored
                    FROM training_attempt_item i JOIN training_attempt a ON a.id = i.attempt_id WHERE a.exam_id = ?""")) {
                q.setLong(1, examId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Examinee e = byAttempt.get(rs.getLong(1));
                        int position = rs.getInt(2);
                        String type = rs.getString(3);
                        int[] correct = ints(rs.getArray(4));
                        List<String> accepted = texts(rs.getArray(5));
                        int[] chosen = ints(rs.getArray(7));
                        String typed = rs.getString(8);
                        BigDecimal scored = rs.getBigDecimal(9);
                        BigDecimal expected = Grading.score(type, correct, accepted, chosen, typed, rs.getBigDecimal(6),
                                Grading.MultipleScoring.HALF_FOR_SUBSET);
                        List<String> given = e == null ? null : e.acknowledged.get(position);
                        if (given == null) {
                            continue;
                        }
                        acknowledged++;
                        boolean stored = type.equals("FILL") ? given.getFirst().strip().equals(typed)
                                : chosen != null && Arrays.equals(chosen,
                                given.stream().mapToInt(Integer::parseInt).distinct().sorted().toArray());
                        if (!stored) {
                            lostStored++;
                            if (examples.size() < 5) {
                                examples.add("attempt " + rs.getLong(1) + " question " + position + ": acknowledged "
                                        + given + ", stored " + (typed != null ? typed : Arrays.toString(chosen)));
                            }
                        } else if (scored == null || scored.compareTo(expected) != 0) {
                            gradedNotAsStored++;
                            if (examples.size() < 5) {
                                examples.add("attempt " + rs.getLong(1) + " question " + position + ": scored " + scored
                                        + " for an answer worth " + expected);
                            }
                        }
                    }
                }
            }
            long doubleGraded;
            Map<String, Object> witness = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        SELECT count(*) FROM (SELECT attempt_id FROM bench_grading GROUP BY attempt_id
                          HAVING count(*) FILTER (WHERE what = 'graded') > 1
                              OR count(*) FILTER (WHERE what <> 'graded') > 0) x""")) {
                    rs.next();
                    doubleGraded = rs.getLong(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT what, count(*) FROM bench_grading GROUP BY what ORDER BY what")) {
                    while (rs.next()) {
                        witness.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            out.put("lost_answers", lostStored + gradedNotAsStored);
            out.put("double_graded", doubleGraded);
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put("acknowledged_answers_checked", acknowledged);
            answers.put("not_stored_as_acknowledged", lostStored);
            answers.put("stored_but_not_graded_as_stored", gradedNotAsStored);
            answers.put("examples", examples);
            out.put("answers", answers);
            Map<String, Object> gradedOut = new LinkedHashMap<>();
            gradedOut.put("attempts", attempts);
            gradedOut.put("graded", graded);
            gradedOut.put("attempts_of_someone_else", wrongPerson);
            gradedOut.put("ended_otherwise_than_expected", wrongEnd);
            gradedOut.put("deadline_not_the_close", deadlineNotClose);
            gradedOut.put("score_not_the_sum_of_items", scoreNotSum);
            gradedOut.put("grading_witness", witness);
            out.put("grading", gradedOut);
            checks.put("one_attempt_per_examinee_all_graded", attempts == EXAMINEES && graded == EXAMINEES
                    && wrongPerson == 0);
            checks.put("submitted_or_ended_by_the_deadline_as_sent", wrongEnd == 0 && deadlineNotClose == 0);
            checks.put("scores_are_the_sum_of_their_items", scoreNotSum == 0);
            checks.put("no_answer_lost", lostStored + gradedNotAsStored == 0 && acknowledged > 0);
            checks.put("every_attempt_graded_once", doubleGraded == 0
                    && ((Number) witness.getOrDefault("graded", 0L)).longValue() == EXAMINEES);
        }
        return out;
    }

    private static int[] ints(Array a) throws SQLException {
        return a == null ? null : Arrays.stream((Integer[]) a.getArray()).mapToInt(Integer::intValue).toArray();
    }

    private static List<String> texts(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    // ---- figures ----

    private static Map<String, Object> figures(List<Sent> sent, double seconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        double[] all = sent.stream().mapToDouble(s -> s.reply().ms()).toArray();
        out.put("requests", all.length);
        out.put("seconds", Profile.round(seconds, 1));
        out.put("per_s", Math.round(all.length / seconds));
        out.put("p50_ms", Profile.round(CoverageScenario.percentile(all, 50), 1));
        out.put("p90_ms", Profile.round(CoverageScenario.percentile(all, 90), 1));
        out.put("p99_ms", Profile.round(CoverageScenario.percentile(all, 99), 1));
        out.put("max_ms", Profile.round(Arrays.stream(all).max().orElse(0), 1));
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String kind : sent.stream().map(Sent::kind).distinct().sorted().toList()) {
            double[] ms = sent.stream().filter(s -> s.kind().equals(kind)).mapToDouble(s -> s.reply().ms()).toArray();
            byKind.put(kind, Map.of("requests", ms.length, "p50_ms", Profile.round(CoverageScenario.percentile(ms, 50), 1),
                    "p99_ms", Profile.round(CoverageScenario.percentile(ms, 99), 1)));
        }
        out.put("by_kind", byKind);
        List<Sent> wrong = sent.stream().filter(s -> !s.expected()).toList();
        out.put("unexpected", wrong.size());
        out.put("unexpected_examples", wrong.stream().limit(5)
                .map(s -> s.kind() + " " + s.reply().status() + " " + s.reply().location()).toList());
        return out;
    }

    private static List<Long> byTenth(List<Sent> sent, long release, int seconds) {
        long[] counts = new long[10];
        double tenth = seconds * 1e9 / 10;
        for (Sent s : sent) {
            int i = (int) ((s.reply().sentNanos() - release) / tenth);
            counts[Math.max(0, Math.min(9, i))]++;
        }
        return Arrays.stream(counts).map(n -> Math.round(n / (seconds / 10.0))).boxed().toList();
    }

    private static Map<String, Long> employeeIds(Database db) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT emp_no, id FROM employee")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /** Vacuum, analyse and checkpoint before the window, so it does not start with work owed from the answering. */
    private static void quiesce(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) training_attempt, training_attempt_item, account");
            s.execute("CHECKPOINT");
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (Exception e) {
            return null;
        }
    }
}
