package org.tongxin.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;

/**
 * {@code rush}: 5,000 signed-in members press "sign up" for an activity of 300 seats at the same moment, some of
 * them twice; then a sustained run of sign-ups for one large activity (100,000 seats). Every press is a real
 * {@code POST /activities/{id}/register} with its session cookie and CSRF token, timed on the client from sending
 * it to its 302. Correct when exactly 300 hold seats, nobody is registered twice, the waitlist keeps arrival
 * order, and cancels give the seats to the head of the waitlist. Baseline: the naive transaction (UPDATE a
 * counter row WHERE taken &lt; capacity, INSERT the registration, commit) straight over JDBC at 64 connections.
 * See bench/README.md for what "arrival order" is checked against.
 */
final class RushScenario implements Scenario {

    private static final int CLIENTS = 5_000;
    private static final int SEATS = 300;
    /** Of the 5,000, this many press twice (the second press leaves before the first is answered). */
    private static final int DOUBLE_PRESSERS = 250;
    /** Requests in flight during the rush (the JDK client's connections to the server). */
    private static final int RUSH_IN_FLIGHT = 256;
    private static final int LOG_IN_IN_FLIGHT = 32;
    private static final int CANCELS = 5;
    /** Waitlisted people whose activity page is read to see the place it shows. */
    private static final int PAGE_SAMPLE = 20;

    private static final int BIG_CAPACITY = 100_000;
    /** Closed-loop clients of the sustained run, as many as the baseline's connections. */
    private static final int SUSTAINED_IN_FLIGHT = 64;
    private static final int SUSTAINED_SECONDS = 15;
    /** Sign-ups for another activity (half of them waitlisted) before the rush, so the JIT has compiled the path. */
    private static final int WARM_UP = 1_000;
    private static final int BASELINE_CLIENTS = 64;
    private static final int BASELINE_SECONDS = 15;
    private static final int BASELINE_WARM_UP_SECONDS = 2;
    /** The app's connection pool (HikariCP's default, the app sets none), for a second, informative baseline. */
    private static final int APP_POOL_SIZE = 10;

    private static final double TARGET_P99_MS = 300;
    private static final double TARGET_RATIO = 1.0;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern ADMIN_PAGE = Pattern.compile("/activity-admin/(\\d+)");
    private static final Pattern SIGNUP_STATE = Pattern.compile("id=\"signup-state\"[^>]*>([^<]*)<");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** CPU samples sorted by the innermost frame that names a layer. */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("org.postgresql.", "jdbc_driver"),
            Map.entry("com.zaxxer.hikari.", "connection_pool"),
            Map.entry("org.thymeleaf.", "render_page"),
            Map.entry("org.tongxin.identity.internal.SessionChecks", "session_checks"),
            Map.entry("org.tongxin.notify.", "unread_count"),
            Map.entry("org.tongxin.", "app_code"),
            Map.entry("org.springframework.security.", "spring_security"),
            Map.entry("org.springframework.jdbc.", "spring_jdbc"),
            Map.entry("org.springframework.transaction.", "spring_transactions"),
            Map.entry("org.springframework.web.", "spring_mvc"),
            Map.entry("org.springframework.", "spring_other"),
            Map.entry("org.apache.", "tomcat"),
            Map.entry("jdk.internal.vm.", "virtual_threads"),
            Map.entry("java.util.concurrent.", "virtual_threads"));

    /** PostgreSQL's WAL counters: flushes to disk (fsync or fdatasync), their time, bytes written. */
    record Wal(long syncs, double syncMs, long bytes) {
    }

    /** A person's registration as the database holds it. */
    private record Registration(long employeeId, long queueNo, OffsetDateTime createdAt, boolean seated) {
    }

    /**
     * No: a sign-up runs 8 statements, and the log writes two entries (bind, execute) and a parameter line for each;
     * the collector and the backends' logging then took about half the machine's CPU and halved the throughput of the
     * app and of the baseline alike. Run with {@code BENCH_STATEMENT_LOG=all} to see the statements.
     */
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
        Path recording = h.work().resolve("rush-app.jfr");
        Files.deleteIfExists(recording);
        Instant sustainedStart;
        Instant sustainedEnd;
        Instant rushStart;
        Instant rushEnd;
        boolean walTiming = enableWalTiming(h.db());
        out.put("wal_io_timing", walTiming);
        Map<String, Object> wal = new LinkedHashMap<>();
        try (App app = h.startApp("rush", Profile.jvmArgs(recording));
             WebClient admin = new WebClient(app.baseUrl);
             Crowd crowd = new Crowd(app.baseUrl)) {
            Bench.progress("seeding " + plan.size() + " units, " + h.scale().employees()
                    + " employees, members and accounts over JDBC (bypassing the app)");
            RushSeed.People people = RushSeed.load(h.db(), plan, h.scale().employees());
            CpuMeter cpu = new CpuMeter(app.pid(), h.db().postmasterPid());
            out.put("seed", people.summary());
            Map<String, Long> employeeIds = employeeIds(h.db());

            admin.logIn(Harness.ADMIN, Harness.ADMIN_PASSWORD);
            long rushActivity = createActivity(admin, h.db(), "职工春节联欢晚会（抢报名）", SEATS, people.rootUnitId());
            long bigActivity = createActivity(admin, h.db(), "全员健步走活动", BIG_CAPACITY, people.rootUnitId());
            long warmUpActivity = createActivity(admin, h.db(), "读书分享会（预热）", WARM_UP / 2, people.rootUnitId());
            out.put("activities", Map.of("rush", rushActivity, "rush_seats", SEATS, "large", bigActivity,
                    "large_seats", BIG_CAPACITY, "warm_up", warmUpActivity, "warm_up_seats", WARM_UP / 2,
                    "audience", "MEMBERS of the root unit (everyone seeded)"));

            // Who rushes: 5,000 of the employees drawn with the run's seed; the others are kept for the sustained run.
            List<String> everyone = new ArrayList<>(people.employeeNumbers());
            Collections.shuffle(everyone, new Random(Harness.SEED));
            List<String> rushers = everyone.subList(0, CLIENTS);
            List<String> warmers = everyone.subList(CLIENTS, CLIENTS + WARM_UP);
            List<String> rest = everyone.subList(CLIENTS + WARM_UP, everyone.size());

            Bench.progress("logging in " + CLIENTS + " members (" + LOG_IN_IN_FLIGHT + " at a time)");
            long l0 = System.nanoTime();
            CpuMeter.Snapshot logInCpu = cpu.snapshot();
            List<Crowd.Session> sessions = Crowd.forEach(CLIENTS, LOG_IN_IN_FLIGHT,
                    i -> crowd.logIn(rushers.get(i), RushSeed.PASSWORD, "/activities/" + rushActivity));
            double logInSeconds = (System.nanoTime() - l0) / 1e9;
            Map<String, Object> logIn = new LinkedHashMap<>();
            logIn.put("sessions", CLIENTS);
            logIn.put("seconds", Profile.round(logInSeconds, 1));
            logIn.put("per_s", Math.round(CLIENTS / logInSeconds));
            logIn.put("note", "GET /login, POST /login, GET the activity page for the CSRF token; not part of the rush");
            logIn.put("cpu", CpuMeter.between(logInCpu, cpu.snapshot(), CLIENTS));
            out.put("log_in", logIn);

            // ---- warm-up: a running server has served sign-ups before; without this the JIT compiles the sign-up
            // path during the rush (C2 took ~12 % of the machine then) ----
            Bench.progress("warm-up: " + WARM_UP + " other members sign up for a " + WARM_UP / 2 + "-seat activity");
            List<Crowd.Session> warming = Crowd.forEach(WARM_UP, LOG_IN_IN_FLIGHT,
                    i -> crowd.logIn(warmers.get(i), RushSeed.PASSWORD, "/activities/mine"));
            String warmPath = "/activities/" + warmUpActivity + "/register";
            List<Crowd.Reply> warmReplies = Crowd.forEach(WARM_UP, SUSTAINED_IN_FLIGHT,
                    i -> crowd.press(warming.get(i), warmPath));
            long warmWrong = warmReplies.stream().filter(r -> r.status() != 302).count();
            checks.put("warm_up_every_press_answered_302", warmWrong == 0);
            out.put("warm_up", Map.of("sign_ups", WARM_UP, "seats", WARM_UP / 2, "in_flight", SUSTAINED_IN_FLIGHT,
                    "note", "untimed; other members, another activity"));

            // ---- the rush ----
            quiesce(h.db());
            long autovacuumsBeforeRush = autovacuums(h.db());
            Wal beforeRush = walAfterQuiet(h.db());
            crowd.warmConnections(RUSH_IN_FLIGHT);
            Bench.progress("rush: " + CLIENTS + " members, " + DOUBLE_PRESSERS + " of them pressing twice, "
                    + RUSH_IN_FLIGHT + " requests in flight, for " + SEATS + " seats");
            Random random = new Random(Harness.SEED + 1);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            Set<Integer> doublePressers = new HashSet<>(order.subList(0, DOUBLE_PRESSERS));
            Collections.shuffle(order, random);
            String registerPath = "/activities/" + rushActivity + "/register";
            Crowd.Reply[][] replies = new Crowd.Reply[CLIENTS][];
            Semaphore permits = new Semaphore(RUSH_IN_FLIGHT, true);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger failures = new AtomicInteger();
            List<String> failureExamples = Collections.synchronizedList(new ArrayList<>());
            long release;
            CpuMeter.Snapshot rushCpu;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> tasks = new ArrayList<>();
                for (int i : order) {
                    tasks.add(pool.submit(() -> {
                        go.await();
                        permits.acquire();
                        try {
                            Crowd.Session s = sessions.get(i);
                            if (doublePressers.contains(i)) {
                                CompletableFuture<Crowd.Reply> first = crowd.pressAsync(s, registerPath);
                                CompletableFuture<Crowd.Reply> second = crowd.pressAsync(s, registerPath);
                                replies[i] = new Crowd.Reply[]{first.get(60, TimeUnit.SECONDS),
                                        second.get(60, TimeUnit.SECONDS)};
                            } else {
                                replies[i] = new Crowd.Reply[]{crowd.press(s, registerPath)};
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            if (failureExamples.size() < 5) {
                                failureExamples.add(e.toString());
                            }
                        } finally {
                            permits.release();
                        }
                        return null;
                    }));
                }
                Thread.sleep(200); // every task waiting at the gate
                rushStart = Instant.now();
                rushCpu = cpu.snapshot();
                release = System.nanoTime();
                go.countDown();
                for (Future<?> f : tasks) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
            rushEnd = Instant.now();
            CpuMeter.Snapshot rushCpuEnd = cpu.snapshot();
            wal.put("rush", walDelta(beforeRush, walAfterQuiet(h.db()), CLIENTS));
            long autovacuumsInRush = autovacuums(h.db()) - autovacuumsBeforeRush;
            Map<String, Object> rush = rushFigures(replies, release, registerPath.replace("/register", ""));
            rush.put("cpu", CpuMeter.between(rushCpu, rushCpuEnd, CLIENTS + DOUBLE_PRESSERS));
            rush.put("autovacuum_runs_during", autovacuumsInRush);
            rush.put("transport_failures", failures.get());
            rush.put("transport_failure_examples", failureExamples);
            checks.put("rush_every_press_answered_302_to_the_activity",
                    failures.get() == 0 && ((Number) rush.get("unexpected_answers")).intValue() == 0);
            Bench.progress("rush done: " + rush);

            // ---- correctness of the rush, in the database ----
            Map<String, Object> verified = verifyRush(h.db(), rushActivity, rushers, employeeIds, replies, crowd,
                    sessions, checks);
            rush.putAll(verified);
            out.put("rush", rush);

            // ---- cancels promote the head of the waitlist ----
            Bench.progress("cancelling " + CANCELS + " seated registrations at once");
            out.put("promotion", promotion(h.db(), rushActivity, rushers, employeeIds, crowd, sessions, random, checks));

            // ---- sustained run ----
            double rushRate = ((Number) rush.get("per_s")).doubleValue();
            int sustainedUsers = (int) Math.min(rest.size(),
                    Math.max(CLIENTS, Math.ceil(rushRate * SUSTAINED_SECONDS * 2.0)));
            Bench.progress("logging in " + sustainedUsers + " more members for the sustained run");
            long s0 = System.nanoTime();
            List<Crowd.Session> more = Crowd.forEach(sustainedUsers, LOG_IN_IN_FLIGHT,
                    i -> crowd.logIn(rest.get(i), RushSeed.PASSWORD, "/activities/mine"));
            double moreSeconds = (System.nanoTime() - s0) / 1e9;
            out.put("log_in_sustained", Map.of("sessions", sustainedUsers, "seconds", Profile.round(moreSeconds, 1),
                    "per_s", Math.round(sustainedUsers / moreSeconds)));

            quiesce(h.db());
            long autovacuumsBeforeSustained = autovacuums(h.db());
            Wal beforeSustained = walAfterQuiet(h.db());
            crowd.warmConnections(SUSTAINED_IN_FLIGHT);
            Bench.progress("sustained run: " + SUSTAINED_IN_FLIGHT + " in flight for up to " + SUSTAINED_SECONDS
                    + " s, one registration per member for the " + BIG_CAPACITY + "-seat activity");
            String bigPath = "/activities/" + bigActivity + "/register";
            Crowd.Reply[] sustained = new Crowd.Reply[sustainedUsers];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger sustainedFailures = new AtomicInteger();
            sustainedStart = Instant.now();
            CpuMeter.Snapshot sustainedCpu = cpu.snapshot();
            long deadline = System.nanoTime() + SUSTAINED_SECONDS * 1_000_000_000L;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < SUSTAINED_IN_FLIGHT; w++) {
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            int i = next.getAndIncrement();
                            if (i >= sustainedUsers) {
                                return null;
                            }
                            try {
                                sustained[i] = crowd.press(more.get(i), bigPath);
                            } catch (Exception e) {
                                sustainedFailures.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : workers) {
                    f.get(SUSTAINED_SECONDS + 120, TimeUnit.SECONDS);
                }
            }
            sustainedEnd = Instant.now();
            CpuMeter.Snapshot sustainedCpuEnd = cpu.snapshot();
            Wal afterSustained = walAfterQuiet(h.db());
            long autovacuumsInSustained = autovacuums(h.db()) - autovacuumsBeforeSustained;
            Map<String, Object> steady = sustainedFigures(sustained, "/activities/" + bigActivity);
            steady.put("cpu", CpuMeter.between(sustainedCpu, sustainedCpuEnd, ((Number) steady.get("requests")).intValue()));
            steady.put("autovacuum_runs_during", autovacuumsInSustained);
            steady.put("in_flight", SUSTAINED_IN_FLIGHT);
            steady.put("members_available", sustainedUsers);
            steady.put("ran_out_of_members", next.get() >= sustainedUsers);
            steady.put("transport_failures", sustainedFailures.get());
            checks.put("sustained_every_press_answered_302_to_the_activity",
                    sustainedFailures.get() == 0 && ((Number) steady.get("unexpected_answers")).intValue() == 0);
            steady.putAll(verifySustained(h.db(), bigActivity, ((Number) steady.get("requests")).intValue(), checks));
            wal.put("sustained", walDelta(beforeSustained, afterSustained, ((Number) steady.get("requests")).intValue()));
            out.put("sustained", steady);
            Bench.progress("sustained: " + steady);
            out.put("connect_retries", crowd.connectRetries.get() + admin.connectRetries);
            out.put("load_average_after_http", loadAverage());

            // ---- baseline ----
            Bench.progress("baseline: naive counter transaction over JDBC, " + BASELINE_CLIENTS + " connections, "
                    + BASELINE_SECONDS + " s");
            quiesce(h.db());
            long autovacuumsBeforeBaseline = autovacuums(h.db());
            Wal beforeBaseline = walAfterQuiet(h.db());
            Map<String, Object> base = baseline(h.db(), BASELINE_CLIENTS, 1, checks);
            base.put("autovacuum_runs_during", autovacuums(h.db()) - autovacuumsBeforeBaseline);
            Wal afterBaseline = walAfterQuiet(h.db());
            wal.put("baseline", walDelta(beforeBaseline, afterBaseline, ((Number) base.get("transactions_all")).longValue()));
            Bench.progress("baseline: " + base);
            Bench.progress("the same at " + APP_POOL_SIZE + " connections (the app's pool size), for comparison");
            Map<String, Object> basePool = baseline(h.db(), APP_POOL_SIZE, 2, checks);
            wal.put("baseline_at_app_pool_size", walDelta(afterBaseline, walAfterQuiet(h.db()),
                    ((Number) basePool.get("transactions_all")).longValue()));
            out.put("wal_flushes", wal);
            out.put("baseline_detail", base);
            out.put("baseline_at_app_pool_size", basePool);

            double throughput = ((Number) steady.get("per_s")).doubleValue();
            double baselinePerS = ((Number) base.get("per_s")).doubleValue();
            out.put("clients", CLIENTS);
            out.put("seats", SEATS);
            out.put("confirmed", rush.get("confirmed"));
            out.put("duplicates", rush.get("duplicates"));
            out.put("waitlist_order_ok", rush.get("waitlist_order_ok"));
            out.put("promotion_ok", ((Map<?, ?>) out.get("promotion")).get("promotion_ok"));
            out.put("throughput_per_s", Math.round(throughput));
            out.put("p50_ms", steady.get("p50_ms"));
            out.put("p99_ms", steady.get("p99_ms"));
            out.put("rush_p99_ms", rush.get("p99_ms"));
            out.put("baseline_per_s", Math.round(baselinePerS));
            out.put("baseline", "the naive transaction straight over JDBC at " + BASELINE_CLIENTS + " connections: "
                    + "UPDATE bench_naive_activity SET taken = taken + 1 WHERE id = ? AND taken < capacity, INSERT INTO "
                    + "bench_naive_registration (unique per activity and employee, foreign key to the activity), commit; "
                    + BASELINE_SECONDS + " s after " + BASELINE_WARM_UP_SECONDS + " s of warm-up, on the same database");
            out.put("ratio", Profile.round(throughput / baselinePerS, 2));
            out.put("load_average_at_end", loadAverage());
        }
        // ---- where the time went ----
        if (h.db().log() != null && !statementsLogged(h.db())) {
            out.put("postgres_statements", "not logged in this run (see logEveryStatement); BENCH_STATEMENT_LOG=all "
                    + "bench/run rush logs them and reports the statements per request and their times");
        } else if (h.db().log() != null) {
            out.put("postgres_rush", postgres(h.db().log(), rushStart, rushEnd,
                    ((Number) ((Map<?, ?>) out.get("rush")).get("requests")).intValue()));
            Map<String, Object> pg = postgres(h.db().log(), sustainedStart, sustainedEnd,
                    ((Number) ((Map<?, ?>) out.get("sustained")).get("requests")).intValue());
            pg.put("seat_claim_ms_by_fifth_of_run", byFifth(h.db().log(), sustainedStart, sustainedEnd, "WITH r AS"));
            pg.put("commit_ms_by_fifth_of_run", byFifth(h.db().log(), sustainedStart, sustainedEnd, "COMMIT"));
            out.put("postgres_sustained", pg);
        }
        out.put("profile_sustained", Profile.jfr(recording, sustainedStart, sustainedEnd,
                h.root().resolve("bench/results/rush-profile.txt"), PHASES));
        out.put("checks", checks);
        out.put("targets", Map.of("p99_ms", TARGET_P99_MS, "ratio", TARGET_RATIO));
        out.put("targets_met", ((Number) out.get("p99_ms")).doubleValue() <= TARGET_P99_MS
                && ((Number) out.get("ratio")).doubleValue() >= TARGET_RATIO);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", checks.values().stream().allMatch(Boolean.TRUE::equals));
        result.putAll(out);
        return result;
    }

    // ------------------------------------------------------------------------------------------------------------

    /** An activity through the officers' form as the administrator, then published (which lays out its seats). */
    static long createActivity(WebClient admin, Database db, String title, int capacity, long unit)
            throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES);
        String csrf = admin.csrfFrom("/activity-admin/new");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("title", title);
        form.put("type", "CULTURE_SPORTS");
        form.put("description", "基准测试活动 (bench)");
        form.put("place", "职工之家");
        form.put("startsAt", now.plusDays(2).format(LOCAL));
        form.put("endsAt", now.plusDays(2).plusHours(3).format(LOCAL));
        form.put("signupOpensAt", now.minusMinutes(2).format(LOCAL));
        form.put("signupClosesAt", now.plusDays(1).format(LOCAL));
        form.put("capacity", Integer.toString(capacity));
        form.put("audience", "MEMBERS");
        form.put("audienceUnitId", Long.toString(unit));
        form.put("leadUnitId", Long.toString(unit));
        HttpResponse<String> created = admin.postForm("/activity-admin", form);
        WebClient.expect(created, 302, "POST /activity-admin");
        Matcher m = ADMIN_PAGE.matcher(admin.location(created));
        if (!m.matches()) {
            throw new IllegalStateException("creating the activity redirected to " + admin.location(created));
        }
        long id = Long.parseLong(m.group(1));
        HttpResponse<String> published = admin.postForm("/activity-admin/" + id + "/publish", Map.of("_csrf", csrf));
        WebClient.expect(published, 302, "POST /activity-admin/" + id + "/publish");
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT a.status, (SELECT count(*) FROM activity_seat s WHERE s.activity_id = a.id) FROM activity a WHERE a.id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (!rs.getString(1).equals("PUBLISHED") || rs.getInt(2) != capacity) {
                    throw new IllegalStateException("activity " + id + " is " + rs.getString(1) + " with " + rs.getInt(2)
                            + " seats after publishing");
                }
            }
        }
        Bench.progress("activity " + id + " \"" + title + "\" published with " + capacity + " seats");
        return id;
    }

    private static Map<String, Object> rushFigures(Crowd.Reply[][] replies, long release, String activityPage) {
        List<Double> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int wrong = 0;
        List<String> wrongExamples = new ArrayList<>();
        int presses = 0;
        for (Crowd.Reply[] person : replies) {
            if (person == null) {
                continue;
            }
            for (Crowd.Reply r : person) {
                presses++;
                latencies.add(r.ms());
                first = Math.min(first, r.sentNanos());
                last = Math.max(last, r.receivedNanos());
                if (r.status() != 302 || !activityPage.equals(r.location())) {
                    wrong++;
                    if (wrongExamples.size() < 5) {
                        wrongExamples.add(r.status() + " " + r.location());
                    }
                }
            }
        }
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        double seconds = (last - release) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", presses);
        out.put("in_flight", RUSH_IN_FLIGHT);
        out.put("double_pressers", DOUBLE_PRESSERS);
        out.put("seconds", Profile.round(seconds, 2));
        out.put("per_s", Math.round(presses / seconds));
        out.put("last_sent_after_release_s", Profile.round((lastSent(replies) - release) / 1e9, 2));
        out.put("p50_ms", Profile.round(CoverageScenario.percentile(ms, 50), 1));
        out.put("p90_ms", Profile.round(CoverageScenario.percentile(ms, 90), 1));
        out.put("p99_ms", Profile.round(CoverageScenario.percentile(ms, 99), 1));
        out.put("max_ms", Profile.round(Arrays.stream(ms).max().orElse(0), 1));
        out.put("unexpected_answers", wrong);
        out.put("unexpected_answer_examples", wrongExamples);
        return out;
    }

    private static long lastSent(Crowd.Reply[][] replies) {
        long last = Long.MIN_VALUE;
        for (Crowd.Reply[] person : replies) {
            if (person != null) {
                for (Crowd.Reply r : person) {
                    last = Math.max(last, r.sentNanos());
                }
            }
        }
        return last;
    }

    private static Map<String, Object> verifyRush(Database db, long activity, List<String> rushers,
                                                  Map<String, Long> employeeIds, Crowd.Reply[][] replies, Crowd crowd,
                                                  List<Crowd.Session> sessions, Map<String, Object> checks)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<Long, Registration> registrations = new HashMap<>();
        long rows;
        long seats;
        long seatedInactive;
        try (Connection c = db.connect()) {
            rows = single(c, "SELECT count(*) FROM activity_registration WHERE activity_id = ?", activity);
            seats = single(c, "SELECT count(*) FROM activity_seat WHERE activity_id = ?", activity);
            seatedInactive = single(c, """
                    SELECT count(*) FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                    WHERE s.activity_id = ? AND r.status <> 'ACTIVE'""", activity);
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT r.employee_id, r.queue_no, r.created_at, s.seat_no IS NOT NULL
                    FROM activity_registration r LEFT JOIN activity_seat s ON s.registration_id = r.id
                    WHERE r.activity_id = ? AND r.status = 'ACTIVE'""")) {
                q.setLong(1, activity);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Registration r = new Registration(rs.getLong(1), rs.getLong(2),
                                rs.getObject(3, OffsetDateTime.class), rs.getBoolean(4));
                        if (registrations.put(r.employeeId(), r) != null) {
                            // a second active registration of the same person: counted below as a duplicate
                            registrations.put(-r.queueNo(), r);
                        }
                    }
                }
            }
        }
        long active = registrations.size();
        long people = registrations.values().stream().map(Registration::employeeId).distinct().count();
        long confirmed = registrations.values().stream().filter(Registration::seated).count();
        long duplicates = rows - people;
        out.put("registrations", rows);
        out.put("people_registered", people);
        out.put("confirmed", confirmed);
        out.put("seats_held", seats);
        out.put("duplicates", duplicates);
        out.put("waitlisted", active - confirmed);
        checks.put("rush_exactly_300_confirmed", confirmed == SEATS && seats == SEATS && seatedInactive == 0);
        checks.put("rush_no_duplicates", duplicates == 0 && active == people);
        checks.put("rush_everyone_registered_once", people == CLIENTS);

        // Arrival order. Each person's presses span [first sent, last answered]; their registration was made inside it.
        int n = rushers.size();
        long[] sent = new long[n];
        long[] answered = new long[n];
        Registration[] reg = new Registration[n];
        int missing = 0;
        for (int i = 0; i < n; i++) {
            reg[i] = registrations.get(employeeIds.get(rushers.get(i)));
            if (reg[i] == null || replies[i] == null) {
                missing++;
                continue;
            }
            sent[i] = Arrays.stream(replies[i]).mapToLong(Crowd.Reply::sentNanos).min().orElseThrow();
            answered[i] = Arrays.stream(replies[i]).mapToLong(Crowd.Reply::receivedNanos).max().orElseThrow();
        }
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (reg[i] != null && replies[i] != null) {
                known.add(i);
            }
        }
        // (1) whoever was answered before another pressed must hold the lower queue number
        List<Integer> byAnswered = new ArrayList<>(known);
        byAnswered.sort(Comparator.comparingLong(i -> answered[i]));
        List<Integer> bySent = new ArrayList<>(known);
        bySent.sort(Comparator.comparingLong(i -> sent[i]));
        int queueViolations = 0;
        int ordered = 0;
        long maxQueueBefore = Long.MIN_VALUE;
        int p = 0;
        for (int b : bySent) {
            while (p < byAnswered.size() && answered[byAnswered.get(p)] < sent[b]) {
                maxQueueBefore = Math.max(maxQueueBefore, reg[byAnswered.get(p)].queueNo());
                p++;
            }
            if (p > 0) {
                ordered++;
                if (reg[b].queueNo() < maxQueueBefore) {
                    queueViolations++;
                }
            }
        }
        // (2) nobody who pressed after a waitlisted person had been answered holds a seat
        long firstWaitlistedAnswer = known.stream().filter(i -> !reg[i].seated()).mapToLong(i -> answered[i]).min()
                .orElse(Long.MAX_VALUE);
        long seatViolations = known.stream().filter(i -> reg[i].seated() && sent[i] > firstWaitlistedAnswer).count();
        // (3) informative: registrations that took a lower queue number than a seat holder and still wait (their
        // statements overlapped in time: the one with the higher number claimed a seat first), and the waitlist's
        // transaction start times (created_at) against its queue numbers
        List<Registration> waitlist = registrations.values().stream().filter(r -> !r.seated())
                .sorted(Comparator.comparingLong(Registration::queueNo)).toList();
        long maxSeatedQueue = registrations.values().stream().filter(Registration::seated)
                .mapToLong(Registration::queueNo).max().orElse(Long.MIN_VALUE);
        long overtaken = waitlist.stream().filter(r -> r.queueNo() < maxSeatedQueue).count();
        int createdInversions = 0;
        for (int i = 1; i < waitlist.size(); i++) {
            if (waitlist.get(i).createdAt().isBefore(waitlist.get(i - 1).createdAt())) {
                createdInversions++;
            }
        }
        // (4) the waitlist as the app shows it: a sample of waitlisted people read their place on the activity page
        Map<Long, Integer> indexOfEmployee = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Long id = employeeIds.get(rushers.get(i));
            indexOfEmployee.put(id, i);
        }
        Random random = new Random(Harness.SEED + 2);
        List<Integer> places = new ArrayList<>();
        places.add(0);
        places.add(waitlist.size() - 1);
        while (places.size() < PAGE_SAMPLE && places.size() < waitlist.size()) {
            places.add(random.nextInt(waitlist.size()));
        }
        int placeMismatches = 0;
        List<String> placeExamples = new ArrayList<>();
        for (int place : places) {
            Registration r = waitlist.get(place);
            String page = crowd.page(sessions.get(indexOfEmployee.get(r.employeeId())), "/activities/" + activity);
            Matcher state = SIGNUP_STATE.matcher(page);
            Integer shown = null;
            if (state.find()) {
                // MessageFormat groups thousands: "第 4,700 位"
                Matcher number = NUMBER.matcher(state.group(1).replaceAll("(?<=\\d)[,，](?=\\d{3})", ""));
                shown = number.find() ? Integer.parseInt(number.group()) : null;
            }
            if (shown == null || shown != place + 1) {
                placeMismatches++;
                if (placeExamples.size() < 5) {
                    placeExamples.add("expected place " + (place + 1) + ", page shows " + shown);
                }
            }
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("definition", "arrival = the moment the registration's INSERT takes its number from "
                + "activity_queue_seq (the same statement claims the seat); checked against the client's real-time "
                + "order and the pages");
        order.put("people_without_registration_or_answer", missing);
        order.put("pairs_checked_as", "every person answered before another person's first press was sent");
        order.put("people_with_someone_answered_before_them", ordered);
        order.put("queue_order_violations", queueViolations);
        order.put("seat_order_violations", seatViolations);
        order.put("waitlisted_with_lower_queue_no_than_a_seat_holder", overtaken);
        order.put("waitlist_created_at_inversions", createdInversions);
        order.put("pages_checked", places.size());
        order.put("page_place_mismatches", placeMismatches);
        order.put("page_place_examples", placeExamples);
        out.put("arrival_order", order);
        boolean orderOk = missing == 0 && queueViolations == 0 && seatViolations == 0 && placeMismatches == 0;
        out.put("waitlist_order_ok", orderOk);
        checks.put("rush_waitlist_in_arrival_order", orderOk);
        return out;
    }

    private static Map<String, Object> promotion(Database db, long activity, List<String> rushers,
                                                 Map<String, Long> employeeIds, Crowd crowd,
                                                 List<Crowd.Session> sessions, Random random,
                                                 Map<String, Object> checks) throws Exception {
        List<Long> seatedBefore;
        List<Long> waitlistBefore;
        try (Connection c = db.connect()) {
            seatedBefore = longs(c, """
                    SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                    WHERE s.activity_id = ? ORDER BY r.employee_id""", activity);
            waitlistBefore = waitlist(c, activity);
        }
        Map<Long, Integer> indexOfEmployee = new HashMap<>();
        for (int i = 0; i < rushers.size(); i++) {
            indexOfEmployee.put(employeeIds.get(rushers.get(i)), i);
        }
        List<Long> shuffled = new ArrayList<>(seatedBefore);
        Collections.shuffle(shuffled, random);
        List<Long> leaving = shuffled.subList(0, CANCELS);
        String cancelPath = "/activities/" + activity + "/cancel";
        List<Crowd.Reply> answers = Crowd.forEach(CANCELS, CANCELS,
                i -> crowd.press(sessions.get(indexOfEmployee.get(leaving.get(i))), cancelPath));
        long wrong = answers.stream().filter(r -> r.status() != 302
                || !("/activities/" + activity).equals(r.location())).count();
        List<Long> heads = waitlistBefore.subList(0, CANCELS);
        Set<Long> expected = new HashSet<>(seatedBefore);
        leaving.forEach(expected::remove);
        expected.addAll(heads);
        Set<Long> seatedAfter;
        List<Long> waitlistAfter;
        long cancelled;
        long notified = 0;
        try (Connection c = db.connect()) {
            seatedAfter = new HashSet<>(longs(c, """
                    SELECT r.employee_id FROM activity_seat s JOIN activity_registration r ON r.id = s.registration_id
                    WHERE s.activity_id = ? AND r.status = 'ACTIVE'""", activity));
            waitlistAfter = waitlist(c, activity);
            Long[] leavingIds = leaving.toArray(Long[]::new);
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT count(*) FROM activity_registration WHERE activity_id = ? AND status = 'CANCELLED'
                      AND cancelled_at IS NOT NULL AND employee_id = ANY(?)""")) {
                q.setLong(1, activity);
                q.setArray(2, c.createArrayOf("bigint", leavingIds));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    cancelled = rs.getLong(1);
                }
            }
            // The promoted are told after commit, asynchronously: wait a bounded while for their notifications.
            long until = System.nanoTime() + 15_000_000_000L;
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT count(DISTINCT employee_id) FROM notification WHERE employee_id = ANY(?) AND link = ?""")) {
                q.setArray(1, c.createArrayOf("bigint", heads.toArray(Long[]::new)));
                q.setString(2, "/activities/" + activity);
                while (System.nanoTime() < until) {
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        notified = rs.getLong(1);
                    }
                    if (notified == CANCELS) {
                        break;
                    }
                    Thread.sleep(200);
                }
            }
        }
        boolean ok = wrong == 0 && cancelled == CANCELS && seatedAfter.equals(expected) && seatedAfter.size() == SEATS
                && waitlistAfter.equals(waitlistBefore.subList(CANCELS, waitlistBefore.size()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cancels", CANCELS);
        out.put("cancels_sent_at_once", true);
        out.put("unexpected_answers", wrong);
        out.put("cancelled", cancelled);
        out.put("heads_seated", heads.stream().filter(seatedAfter::contains).count());
        out.put("seats_held_after", seatedAfter.size());
        out.put("rest_of_waitlist_unchanged", waitlistAfter.equals(waitlistBefore.subList(CANCELS, waitlistBefore.size())));
        out.put("promoted_notified", notified);
        out.put("promotion_ok", ok);
        checks.put("cancel_promotes_head_of_waitlist", ok);
        return out;
    }

    private static Map<String, Object> sustainedFigures(Crowd.Reply[] replies, String activityPage) {
        List<Double> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int wrong = 0;
        for (Crowd.Reply r : replies) {
            if (r == null) {
                continue;
            }
            latencies.add(r.ms());
            first = Math.min(first, r.sentNanos());
            last = Math.max(last, r.receivedNanos());
            if (r.status() != 302 || !activityPage.equals(r.location())) {
                wrong++;
            }
        }
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        double seconds = (last - first) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", ms.length);
        out.put("seconds", Profile.round(seconds, 2));
        out.put("per_s", Profile.round(ms.length / seconds, 1));
        out.put("p50_ms", Profile.round(CoverageScenario.percentile(ms, 50), 1));
        out.put("p90_ms", Profile.round(CoverageScenario.percentile(ms, 90), 1));
        out.put("p99_ms", Profile.round(CoverageScenario.percentile(ms, 99), 1));
        out.put("max_ms", Profile.round(Arrays.stream(ms).max().orElse(0), 1));
        out.put("unexpected_answers", wrong);
        return out;
    }

    private static Map<String, Object> verifySustained(Database db, long activity, int requests,
                                                       Map<String, Object> checks) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = db.connect()) {
            long rows = single(c, "SELECT count(*) FROM activity_registration WHERE activity_id = ?", activity);
            long people = single(c, "SELECT count(DISTINCT employee_id) FROM activity_registration WHERE activity_id = ? "
                    + "AND status = 'ACTIVE'", activity);
            long seated = single(c, "SELECT count(*) FROM activity_seat WHERE activity_id = ? AND registration_id IS NOT NULL",
                    activity);
            out.put("registrations", rows);
            out.put("confirmed", seated);
            out.put("duplicates", rows - people);
            checks.put("sustained_every_press_registered_and_seated", rows == requests && people == requests
                    && seated == requests);
        }
        return out;
    }

    /**
     * The naive transaction over JDBC: {@code clients} connections, each in a loop of UPDATE the counter row WHERE
     * taken &lt; capacity, INSERT the registration, commit, for {@link #BASELINE_SECONDS} after a warm-up.
     */
    private static Map<String, Object> baseline(Database db, int clients, int activity, Map<String, Object> checks)
            throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS bench_naive_activity (id INT PRIMARY KEY, capacity INT NOT NULL,
                      taken INT NOT NULL DEFAULT 0 CHECK (taken <= capacity))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS bench_naive_registration (id BIGSERIAL PRIMARY KEY,
                      activity_id INT NOT NULL REFERENCES bench_naive_activity (id), employee_id BIGINT NOT NULL,
                      created_at TIMESTAMPTZ NOT NULL DEFAULT now(), UNIQUE (activity_id, employee_id))""");
            s.execute("INSERT INTO bench_naive_activity (id, capacity) VALUES (" + activity + ", " + BIG_CAPACITY * 10
                    + ")");
        }
        AtomicInteger employee = new AtomicInteger();
        long warmUntil = System.nanoTime() + BASELINE_WARM_UP_SECONDS * 1_000_000_000L;
        long measureUntil = warmUntil + BASELINE_SECONDS * 1_000_000_000L;
        List<double[]> perClient = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger full = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(clients);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                workers.add(pool.submit(() -> {
                    List<Double> ms = new ArrayList<>();
                    try (Connection c = db.connect();
                         PreparedStatement take = c.prepareStatement(
                                 "UPDATE bench_naive_activity SET taken = taken + 1 WHERE id = ? AND taken < capacity");
                         PreparedStatement insert = c.prepareStatement(
                                 "INSERT INTO bench_naive_registration (activity_id, employee_id) VALUES (?, ?)")) {
                        c.setAutoCommit(false);
                        ready.countDown();
                        ready.await();
                        while (true) {
                            long t0 = System.nanoTime();
                            if (t0 >= measureUntil) {
                                break;
                            }
                            take.setInt(1, activity);
                            if (take.executeUpdate() == 1) {
                                insert.setInt(1, activity);
                                insert.setLong(2, employee.incrementAndGet());
                                insert.executeUpdate();
                                c.commit();
                                committed.incrementAndGet();
                            } else {
                                c.rollback();
                                full.incrementAndGet();
                            }
                            long t1 = System.nanoTime();
                            if (t0 >= warmUntil && t1 <= measureUntil) {
                                ms.add((t1 - t0) / 1e6);
                            }
                        }
                    }
                    perClient.add(ms.stream().mapToDouble(Double::doubleValue).toArray());
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(BASELINE_WARM_UP_SECONDS + BASELINE_SECONDS + 120, TimeUnit.SECONDS);
            }
        }
        double[] all = perClient.stream().flatMapToDouble(Arrays::stream).toArray();
        long taken;
        long inserted;
        try (Connection c = db.connect()) {
            taken = single(c, "SELECT taken FROM bench_naive_activity WHERE id = ?", activity);
            inserted = single(c, "SELECT count(*) FROM bench_naive_registration WHERE activity_id = ?", activity);
        }
        checks.put("baseline_" + clients + "_counter_equals_rows", taken == inserted && full.get() == 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", clients);
        out.put("seconds", BASELINE_SECONDS);
        out.put("transactions", all.length);
        out.put("transactions_all", committed.get());
        out.put("per_s", Profile.round(all.length / (double) BASELINE_SECONDS, 1));
        out.put("p50_ms", Profile.round(CoverageScenario.percentile(all, 50), 1));
        out.put("p99_ms", Profile.round(CoverageScenario.percentile(all, 99), 1));
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The statements PostgreSQL logged in a window, grouped by their first words, with time per request. */
    private static Map<String, Object> postgres(Path log, Instant start, Instant end, int requests) throws Exception {
        List<Profile.Statement> statements = Profile.statements(log, start, end);
        Map<String, double[]> byKind = new TreeMap<>();
        for (Profile.Statement s : statements) {
            String sql = s.sql();
            String kind = sql.length() > 70 ? sql.substring(0, 70) + "…" : sql;
            double[] agg = byKind.computeIfAbsent(kind, k -> new double[2]);
            agg[0]++;
            agg[1] += s.ms();
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        byKind.entrySet().stream().sorted(Comparator.comparingDouble(e -> -e.getValue()[1])).limit(12).forEach(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sql", e.getKey());
            m.put("count", (long) e.getValue()[0]);
            m.put("total_ms", Profile.round(e.getValue()[1], 1));
            m.put("mean_ms", Profile.round(e.getValue()[1] / e.getValue()[0], 3));
            kinds.add(m);
        });
        Map<String, Object> out = Profile.postgres(log, start, end);
        out.put("statements_per_request", Profile.round(statements.size() / (double) Math.max(1, requests), 2));
        out.put("statement_ms_per_request", Profile.round(
                statements.stream().mapToDouble(Profile.Statement::ms).sum() / Math.max(1, requests), 3));
        out.put("by_statement", kinds);
        return out;
    }

    /**
     * Mean and p90 of one statement's logged execution time in five consecutive slices of a window: whether it slows
     * down as the run goes on (a seat claim walks past the index entries of the seats claimed before it).
     */
    private static List<Map<String, Object>> byFifth(Path log, Instant start, Instant end, String prefix)
            throws Exception {
        List<Double> ms = Profile.statements(log, start, end).stream().filter(s -> s.sql().startsWith(prefix))
                .map(Profile.Statement::ms).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < 5 && !ms.isEmpty(); k++) {
            double[] slice = ms.subList(k * ms.size() / 5, (k + 1) * ms.size() / 5).stream()
                    .mapToDouble(Double::doubleValue).toArray();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", slice.length);
            m.put("mean", Profile.round(Arrays.stream(slice).average().orElse(0), 3));
            m.put("p90", Profile.round(CoverageScenario.percentile(slice, 90), 3));
            out.add(m);
        }
        return out;
    }

    private static List<Long> waitlist(Connection c, long activity) throws SQLException {
        return longs(c, """
                SELECT r.employee_id FROM activity_registration r WHERE r.activity_id = ? AND r.status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM activity_seat s WHERE s.registration_id = r.id)
                ORDER BY r.queue_no""", activity);
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

    private static long single(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, param);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> longs(Connection c, String sql, long param) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, param);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * Turns on {@code track_wal_io_timing} (embedded server only) so that {@code pg_stat_wal} says how long the WAL
     * flushes took: two clock readings per write and flush.
     */
    static boolean enableWalTiming(Database db) throws SQLException {
        if (db.log() == null) {
            return false;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET track_wal_io_timing = on");
            s.execute("SELECT pg_reload_conf()");
        }
        return true;
    }

    /**
     * {@code pg_stat_wal} once the backends have reported: a backend sends its counters at the end of a transaction
     * at most once a second and, when it goes idle, within 10 s; so the snapshot waits 11 s of quiet.
     */
    static Wal walAfterQuiet(Database db) throws Exception {
        Thread.sleep(11_000);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT wal_sync, wal_sync_time, wal_bytes FROM pg_stat_wal")) {
            rs.next();
            return new Wal(rs.getLong(1), rs.getDouble(2), rs.getLong(3));
        }
    }

    static Map<String, Object> walDelta(Wal before, Wal after, long transactions) {
        long syncs = after.syncs() - before.syncs();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("write_transactions", transactions);
        out.put("wal_flushes", syncs);
        out.put("transactions_per_flush", syncs == 0 ? null : Profile.round(transactions / (double) syncs, 2));
        out.put("mean_flush_ms", syncs == 0 ? null : Profile.round((after.syncMs() - before.syncMs()) / syncs, 2));
        out.put("wal_bytes_per_transaction", transactions == 0 ? null
                : Math.round((after.bytes() - before.bytes()) / (double) transactions));
        return out;
    }

    /**
     * Before a timed window: vacuum and analyse the tables the log-ins and sign-ups wrote, and checkpoint, so that the
     * window starts from the same state for the app and the baseline (no autovacuum owed from the log-ins, the
     * first write of each page after the checkpoint paying its full-page image in either).
     */
    private static void quiesce(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) account, activity, activity_registration, activity_seat");
            s.execute("CHECKPOINT");
        }
    }

    /** Autovacuum and autoanalyze runs so far, all tables (counted when a worker finishes). */
    private static long autovacuums(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean statementsLogged(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW log_min_duration_statement")) {
            rs.next();
            return "0".equals(rs.getString(1));
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (Exception e) {
            return null;
        }
    }
}
