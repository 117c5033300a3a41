package org.tongxin.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.Scale;

/**
 * {@code checkout}: self-service borrowing from phones, as a reading room sees it when a crowd scans at once.
 *
 * <ol>
 * <li><b>Borrow rush</b> (timed, {@code p99_ms}): 200 signed-in members each press "借阅" on a different copy's page
 * ({@code POST /library/c/{barcode}/borrow}) at the same moment, and 20 pairs of members race for one copy each;
 * 240 requests released together. A borrow answers 302 to {@code /library/me}, a refusal 302 back to the copy's
 * page.</li>
 * <li><b>Holds race</b>: 10 titles with one copy each are out on loan; 50 members place holds on them at once
 * (five per title, {@code POST /library/titles/{id}/hold}); then, five rounds: the copies come back to the room
 * ({@code POST /library/c/{barcode}/return} by whoever has them) and every member still waiting for a title presses
 * "借阅" on its copy at once. Only the head of each queue may get it.</li>
 * </ol>
 * Correct ({@code ok}) when every press answered as it should, no copy was lent twice ({@code double_loans} 0: no
 * two presses told "borrowed" for one copy, no copy with two open loans), and each copy went to its holders in queue
 * order ({@code hold_order_ok}). People and the library are seeded over JDBC ({@link RushSeed},
 * {@link CheckoutSeed}); everything measured goes through HTTP with session cookies and CSRF tokens.
 */
final class CheckoutScenario implements Scenario {

    private static final int SOLO = 200;
    private static final int PAIRS = 20;
    private static final int HELD_COPIES = 10;
    private static final int HOLDERS_PER_COPY = 5;
    /**
     * Other members borrowing and returning other copies before the rush, {@link #WARM_UP_ROUNDS} times each, so the
     * JIT has compiled the path.
     */
    private static final int WARM_UP = 200;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int IN_FLIGHT = 256;
    private static final int WARM_UP_IN_FLIGHT = 32;
    private static final int LOG_IN_IN_FLIGHT = 32;
    private static final int BASELINE_CONNECTIONS = 64;
    private static final double TARGET_P99_MS = 200;

    /** CPU samples sorted by the innermost frame that names a layer (as in RushScenario). */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("org.postgresql.", "jdbc_driver"),
            Map.entry("com.zaxxer.hikari.", "connection_pool"),
            Map.entry("org.thymeleaf.", "render_page"),
            Map.entry("org.tongxin.identity.internal.SessionChecks", "session_checks"),
            Map.entry("org.tongxin.library.", "library_code"),
            Map.entry("org.tongxin.", "app_code"),
            Map.entry("org.springframework.security.", "spring_security"),
            Map.entry("org.springframework.jdbc.", "spring_jdbc"),
            Map.entry("org.springframework.transaction.", "spring_transactions"),
            Map.entry("org.springframework.web.", "spring_mvc"),
            Map.entry("org.springframework.", "spring_other"),
            Map.entry("org.apache.", "tomcat"),
            Map.entry("jdk.internal.vm.", "virtual_threads"),
            Map.entry("java.util.concurrent.", "virtual_threads"));

    /**
     * No: a borrow runs a dozen short statements and the log's two entries per statement would cost the server more
     * than the statements (see RushScenario). {@code BENCH_STATEMENT_LOG=all} turns it on.
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
        int titles = h.scale() == Scale.PROVINCE ? 200_000 : 20_000;
        Path recording = h.work().resolve("checkout-app.jfr");
        Files.deleteIfExists(recording);
        Instant borrowingStart;
        Instant borrowingEnd;
        boolean walTiming = RushScenario.enableWalTiming(h.db());
        Map<String, Object> wal = new LinkedHashMap<>();
        wal.put("wal_io_timing", walTiming);
        try (App app = h.startApp("checkout", Profile.jvmArgs(recording));
             Crowd crowd = new Crowd(app.baseUrl)) {
            Bench.progress("seeding the people over JDBC (bypassing the app)");
            RushSeed.People people = RushSeed.load(h.db(), new EnterpriseGenerator(Harness.SEED).units(h.scale()),
                    h.scale().employees());
            out.put("seed", people.summary());
            Bench.progress("seeding a reading room with " + titles + " titles, a copy each, and a year of loans");
            CheckoutSeed.Library library = CheckoutSeed.load(h.db(), people.rootUnitId(), titles);
            CpuMeter cpu = new CpuMeter(app.pid(), h.db().postmasterPid());
            out.put("library", library.summary());
            Map<String, Long> employeeIds = employeeIds(h.db());

            List<String> everyone = new ArrayList<>(people.employeeNumbers());
            Collections.shuffle(everyone, new Random(Harness.SEED));
            int at = 0;
            List<String> solo = everyone.subList(at, at += SOLO);
            List<String> pairs = everyone.subList(at, at += 2 * PAIRS);
            List<String> firstBorrowers = everyone.subList(at, at += HELD_COPIES);
            List<String> holders = everyone.subList(at, at += HELD_COPIES * HOLDERS_PER_COPY);
            List<String> warmers = everyone.subList(at, at + WARM_UP);
            int copy = 0;
            List<String> rushCopies = library.barcodes().subList(copy, copy += SOLO + PAIRS);
            List<String> heldCopies = library.barcodes().subList(copy, copy + HELD_COPIES);
            List<Long> heldTitles = library.titleIds().subList(copy, copy += HELD_COPIES);
            List<String> warmCopies = library.barcodes().subList(copy, copy += WARM_UP);
            List<String> baselineCopies = library.barcodes().subList(copy, copy + SOLO + 2 * PAIRS);

            List<String> logins = new ArrayList<>(everyone.subList(0, at + WARM_UP));
            Bench.progress("logging in " + logins.size() + " members (" + LOG_IN_IN_FLIGHT + " at a time)");
            long l0 = System.nanoTime();
            List<Crowd.Session> all = Crowd.forEach(logins.size(), LOG_IN_IN_FLIGHT,
                    i -> crowd.logIn(logins.get(i), RushSeed.PASSWORD, "/library/me"));
            Map<String, Crowd.Session> sessions = new HashMap<>();
            all.forEach(s -> sessions.put(s.login(), s));
            out.put("log_in", Map.of("sessions", all.size(), "seconds", Profile.round((System.nanoTime() - l0) / 1e9, 1),
                    "note", "GET /login, POST /login, GET /library/me for the CSRF token; not timed"));

            // ---- warm-up: other members borrow and return other copies ----
            Bench.progress("warm-up: " + WARM_UP + " other members borrow and return other copies, "
                    + WARM_UP_ROUNDS + " times");
            String roomField = "roomId=" + library.roomId();
            borrowingStart = Instant.now();
            boolean warmedUp = true;
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                List<Crowd.Reply> warmBorrows = Crowd.forEach(WARM_UP, WARM_UP_IN_FLIGHT,
                        i -> crowd.press(sessions.get(warmers.get(i)), "/library/c/" + warmCopies.get(i) + "/borrow"));
                List<Crowd.Reply> warmReturns = Crowd.forEach(WARM_UP, WARM_UP_IN_FLIGHT, i -> crowd.press(
                        sessions.get(warmers.get(i)), "/library/c/" + warmCopies.get(i) + "/return", roomField));
                warmedUp &= warmBorrows.stream().allMatch(r -> r.status() == 302 && "/library/me".equals(r.location()))
                        && warmReturns.stream().allMatch(r -> r.status() == 302 && "/library/me".equals(r.location()));
            }
            checks.put("warm_up_every_borrow_and_return_succeeded", warmedUp);

            // ---- the borrow rush ----
            quiesce(h.db());
            RushScenario.Wal beforeRush = RushScenario.walAfterQuiet(h.db());
            crowd.warmConnections(IN_FLIGHT);
            List<String[]> presses = new ArrayList<>();
            for (int i = 0; i < SOLO; i++) {
                presses.add(new String[]{solo.get(i), rushCopies.get(i)});
            }
            for (int i = 0; i < PAIRS; i++) {
                presses.add(new String[]{pairs.get(2 * i), rushCopies.get(SOLO + i)});
                presses.add(new String[]{pairs.get(2 * i + 1), rushCopies.get(SOLO + i)});
            }
            Collections.shuffle(presses, new Random(Harness.SEED + 1));
            Bench.progress("borrow rush: " + presses.size() + " presses at once (" + SOLO + " copies alone, " + PAIRS
                    + " copies raced by two)");
            CpuMeter.Snapshot rushCpu = cpu.snapshot();
            Crowd.Reply[] replies = burst(presses.size(), i -> crowd.press(sessions.get(presses.get(i)[0]),
                    "/library/c/" + presses.get(i)[1] + "/borrow"));
            CpuMeter.Snapshot rushCpuEnd = cpu.snapshot();
            borrowingEnd = Instant.now();
            wal.put("rush", RushScenario.walDelta(beforeRush, RushScenario.walAfterQuiet(h.db()), SOLO + PAIRS));
            Map<String, Object> rush = figures(replies);
            rush.put("cpu", CpuMeter.between(rushCpu, rushCpuEnd, presses.size()));
            Map<String, Integer> told = new HashMap<>();
            Map<String, String> winner = new HashMap<>();
            int wrong = 0;
            for (int i = 0; i < presses.size(); i++) {
                String barcode = presses.get(i)[1];
                Crowd.Reply r = replies[i];
                if (r != null && r.status() == 302 && "/library/me".equals(r.location())) {
                    told.merge(barcode, 1, Integer::sum);
                    winner.put(barcode, presses.get(i)[0]);
                } else if (r == null || r.status() != 302 || !("/library/c/" + barcode).equals(r.location())) {
                    wrong++;
                }
            }
            int toldTwice = told.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
            Map<String, long[]> open = openLoans(h.db(), rushCopies);
            int openTwice = open.values().stream().mapToInt(l -> Math.max(0, l.length - 1)).sum();
            int loans = open.values().stream().mapToInt(l -> l.length).sum();
            boolean loansToWinners = rushCopies.stream().allMatch(b -> open.get(b).length == 1
                    && employeeIds.get(winner.get(b)) != null && open.get(b)[0] == employeeIds.get(winner.get(b)));
            rush.put("loans", loans);
            rush.put("told_borrowed_twice", toldTwice);
            rush.put("copies_with_two_open_loans", openTwice);
            rush.put("unexpected_answers", wrong);
            checks.put("rush_every_copy_lent_once_to_the_member_told_so", loans == SOLO + PAIRS && loansToWinners);
            checks.put("rush_every_press_answered_302_to_my_library_or_the_copy", wrong == 0);
            out.put("rush", rush);
            Bench.progress("borrow rush done: " + rush);

            // ---- the holds race ----
            Bench.progress("holds: " + HELD_COPIES + " copies lent out, then " + holders.size() + " members place holds at once");
            boolean lentOut = true;
            for (int i = 0; i < HELD_COPIES; i++) {
                Crowd.Reply r = crowd.press(sessions.get(firstBorrowers.get(i)), "/library/c/" + heldCopies.get(i) + "/borrow");
                lentOut &= r.status() == 302 && "/library/me".equals(r.location());
            }
            checks.put("holds_copies_lent_out_first", lentOut);
            String pickup = "pickupRoomId=" + library.roomId();
            Crowd.Reply[] holdReplies = burst(holders.size(), i -> crowd.press(sessions.get(holders.get(i)),
                    "/library/titles/" + heldTitles.get(i / HOLDERS_PER_COPY) + "/hold", pickup));
            Map<String, Object> holdFigures = figures(holdReplies);
            boolean holdAnswers = true;
            for (int i = 0; i < holders.size(); i++) {
                Crowd.Reply r = holdReplies[i];
                holdAnswers &= r != null && r.status() == 302
                        && ("/library/titles/" + heldTitles.get(i / HOLDERS_PER_COPY)).equals(r.location());
            }
            checks.put("holds_every_press_answered_302_to_the_title", holdAnswers);
            // The queue as the database numbered it: each title's holders by queue number.
            List<List<Long>> queues = new ArrayList<>();
            for (long title : heldTitles) {
                queues.add(queue(h.db(), title));
            }
            boolean queuesWhole = queues.stream().allMatch(q -> q.size() == HOLDERS_PER_COPY);
            checks.put("holds_five_waiting_per_title", queuesWhole);

            Map<Long, String> loginOf = new HashMap<>();
            employeeIds.forEach((no, id) -> loginOf.put(id, no));
            List<String> returners = new ArrayList<>(firstBorrowers);
            List<Crowd.Reply> raceReplies = new ArrayList<>();
            boolean inOrder = queuesWhole;
            int raceWrong = 0;
            int raceToldTwice = 0;
            List<List<String>> served = new ArrayList<>();
            for (int t = 0; t < HELD_COPIES; t++) {
                served.add(new ArrayList<>());
            }
            for (int round = 0; round < HOLDERS_PER_COPY && queuesWhole; round++) {
                List<String> giving = List.copyOf(returners);
                Crowd.Reply[] back = burst(HELD_COPIES, t -> crowd.press(sessions.get(giving.get(t)),
                        "/library/c/" + heldCopies.get(t) + "/return", roomField));
                for (Crowd.Reply r : back) {
                    raceWrong += r != null && r.status() == 302 && "/library/me".equals(r.location()) ? 0 : 1;
                }
                // Everyone still waiting presses "借阅" on the copy of their title at once.
                List<String[]> racing = new ArrayList<>();
                for (int t = 0; t < HELD_COPIES; t++) {
                    for (long employee : queues.get(t).subList(round, HOLDERS_PER_COPY)) {
                        racing.add(new String[]{loginOf.get(employee), Integer.toString(t)});
                    }
                }
                Collections.shuffle(racing, new Random(Harness.SEED + 10 + round));
                Crowd.Reply[] got = burst(racing.size(), i -> crowd.press(sessions.get(racing.get(i)[0]),
                        "/library/c/" + heldCopies.get(Integer.parseInt(racing.get(i)[1])) + "/borrow"));
                raceReplies.addAll(Arrays.asList(got));
                int[] wins = new int[HELD_COPIES];
                for (int i = 0; i < racing.size(); i++) {
                    int t = Integer.parseInt(racing.get(i)[1]);
                    Crowd.Reply r = got[i];
                    if (r != null && r.status() == 302 && "/library/me".equals(r.location())) {
                        wins[t]++;
                        served.get(t).add(racing.get(i)[0]);
                        returners.set(t, racing.get(i)[0]);
                    } else if (r == null || r.status() != 302 || !("/library/c/" + heldCopies.get(t)).equals(r.location())) {
                        raceWrong++;
                    }
                }
                for (int t = 0; t < HELD_COPIES; t++) {
                    raceToldTwice += Math.max(0, wins[t] - 1);
                    inOrder &= wins[t] == 1
                            && loginOf.get(queues.get(t).get(round)).equals(served.get(t).get(served.get(t).size() - 1));
                }
                Bench.progress("holds round " + (round + 1) + ": " + racing.size() + " presses, winners "
                        + Arrays.toString(wins));
            }
            Map<String, long[]> heldOpen = openLoans(h.db(), heldCopies);
            int heldOpenTwice = heldOpen.values().stream().mapToInt(l -> Math.max(0, l.length - 1)).sum();
            long fulfilled = fulfilled(h.db(), heldTitles);
            checks.put("holds_every_copy_to_its_queue_in_order", inOrder);
            checks.put("holds_all_fulfilled", fulfilled == (long) HELD_COPIES * HOLDERS_PER_COPY);
            checks.put("holds_every_press_answered_as_expected", raceWrong == 0);
            Map<String, Object> holds = new LinkedHashMap<>();
            holds.put("place_holds", holdFigures);
            holds.put("race_borrows", figures(raceReplies.toArray(Crowd.Reply[]::new)));
            holds.put("rounds", HOLDERS_PER_COPY);
            holds.put("fulfilled", fulfilled);
            holds.put("told_borrowed_twice", raceToldTwice);
            holds.put("copies_with_two_open_loans", heldOpenTwice);
            holds.put("unexpected_answers", raceWrong);
            out.put("holds", holds);
            Bench.progress("holds done: " + holds);

            // ---- baseline: the same borrows as the plainest transaction, straight over JDBC ----
            Bench.progress("baseline: " + baselineCopies.size() + " borrows at once over " + BASELINE_CONNECTIONS
                    + " JDBC connections");
            quiesce(h.db());
            RushScenario.Wal beforeBaseline = RushScenario.walAfterQuiet(h.db());
            Map<String, Object> base = baseline(h.db(), baselineCopies, new ArrayList<>(employeeIds.values()),
                    library.roomId());
            wal.put("baseline", RushScenario.walDelta(beforeBaseline, RushScenario.walAfterQuiet(h.db()),
                    baselineCopies.size()));
            out.put("wal_flushes", wal);
            out.put("baseline_detail", base);
            out.put("connect_retries", crowd.connectRetries.get());

            int doubleLoans = toldTwice + openTwice + raceToldTwice + heldOpenTwice;
            double p99 = ((Number) rush.get("p99_ms")).doubleValue();
            double baseP99 = ((Number) base.get("p99_ms")).doubleValue();
            out.put("loans", loans);
            out.put("double_loans", doubleLoans);
            out.put("hold_order_ok", inOrder);
            out.put("p50_ms", rush.get("p50_ms"));
            out.put("p99_ms", p99);
            out.put("holds_p99_ms", holdFigures.get("p99_ms"));
            out.put("baseline", "the same " + baselineCopies.size() + " borrows released at once as the plainest "
                    + "transaction over JDBC at " + BASELINE_CONNECTIONS + " connections (UPDATE library_copy SET "
                    + "status = 'ON_LOAN' WHERE id = ? AND status = 'AVAILABLE', INSERT INTO library_loan, commit); "
                    + "BENCHMARKS.md sets no baseline for checkout, this one is for scale");
            out.put("baseline_p99_ms", baseP99);
            out.put("ratio", Profile.round(baseP99 / p99, 2));
            checks.put("no_copy_lent_twice", doubleLoans == 0);
            out.put("load_average_at_end", loadAverage());
        }
        out.put("profile_borrowing", Profile.jfr(recording, borrowingStart, borrowingEnd,
                h.root().resolve("bench/results/checkout-profile.txt"), PHASES));
        out.put("checks", checks);
        out.put("targets", Map.of("p99_ms", TARGET_P99_MS));
        out.put("targets_met", ((Number) out.get("p99_ms")).doubleValue() <= TARGET_P99_MS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", checks.values().stream().allMatch(Boolean.TRUE::equals));
        result.putAll(out);
        return result;
    }

    /** {@code count} presses released together once every one is waiting at the gate; a transport failure is null. */
    private static Crowd.Reply[] burst(int count, Crowd.Task<Crowd.Reply> press) throws Exception {
        Crowd.Reply[] replies = new Crowd.Reply[count];
        Semaphore permits = new Semaphore(IN_FLIGHT, true);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                tasks.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    permits.acquire();
                    try {
                        replies[n] = press.run(n);
                    } catch (Exception e) {
                        Bench.progress("press failed: " + e);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the presses did not line up");
            }
            go.countDown();
            for (Future<?> f : tasks) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        return replies;
    }

    private static Map<String, Object> figures(Crowd.Reply[] replies) {
        double[] ms = Arrays.stream(replies).filter(r -> r != null).mapToDouble(Crowd.Reply::ms).toArray();
        long first = Arrays.stream(replies).filter(r -> r != null).mapToLong(Crowd.Reply::sentNanos).min().orElse(0);
        long last = Arrays.stream(replies).filter(r -> r != null).mapToLong(Crowd.Reply::receivedNanos).max().orElse(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", replies.length);
        out.put("transport_failures", replies.length - ms.length);
        out.put("seconds", Profile.round((last - first) / 1e9, 2));
        out.put("p50_ms", Profile.round(CoverageScenario.percentile(ms, 50), 1));
        out.put("p90_ms", Profile.round(CoverageScenario.percentile(ms, 90), 1));
        out.put("p99_ms", Profile.round(CoverageScenario.percentile(ms, 99), 1));
        out.put("max_ms", Profile.round(Arrays.stream(ms).max().orElse(0), 1));
        return out;
    }

    /** The open loans of each copy given, by barcode: the borrowers' employee ids. */
    private static Map<String, long[]> openLoans(Database db, List<String> barcodes) throws SQLException {
        Map<String, List<Long>> found = new HashMap<>();
        barcodes.forEach(b -> found.put(b, new ArrayList<>()));
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("""
                SELECT c.barcode, l.employee_id FROM library_loan l JOIN library_copy c ON c.id = l.copy_id
                WHERE l.returned_at IS NULL AND c.barcode = ANY(?)""")) {
            q.setArray(1, c.createArrayOf("text", barcodes.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.get(rs.getString(1)).add(rs.getLong(2));
                }
            }
        }
        Map<String, long[]> out = new HashMap<>();
        found.forEach((b, ids) -> out.put(b, ids.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }

    /** The title's waiting holders in queue order. */
    private static List<Long> queue(Database db, long titleId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT employee_id FROM library_hold WHERE title_id = ? AND status = 'WAITING' ORDER BY queue_no")) {
            q.setLong(1, titleId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static long fulfilled(Database db, List<Long> titleIds) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM library_hold WHERE status = 'FULFILLED' AND title_id = ANY(?)")) {
            q.setArray(1, c.createArrayOf("bigint", titleIds.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The plainest borrow as one transaction per copy, all released at once over a pool of
     * {@link #BASELINE_CONNECTIONS} connections; each is timed from its release to its commit, waiting for a
     * connection included, as a request waits for the app's pool.
     */
    private static Map<String, Object> baseline(Database db, List<String> barcodes, List<Long> employees, long room)
            throws Exception {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(BASELINE_CONNECTIONS);
        for (int i = 0; i < BASELINE_CONNECTIONS; i++) {
            Connection c = db.connect();
            c.setAutoCommit(false);
            pool.add(c);
        }
        Collections.sort(employees);
        double[] ms = new double[barcodes.size()];
        AtomicInteger lent = new AtomicInteger();
        try {
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> tasks = new ArrayList<>();
                for (int i = 0; i < barcodes.size(); i++) {
                    int n = i;
                    tasks.add(threads.submit(() -> {
                        go.await();
                        long t0 = System.nanoTime();
                        Connection c = pool.take();
                        try (PreparedStatement up = c.prepareStatement("""
                                UPDATE library_copy SET status = 'ON_LOAN' WHERE barcode = ? AND status = 'AVAILABLE'
                                RETURNING id""");
                             PreparedStatement in = c.prepareStatement("""
                                     INSERT INTO library_loan (copy_id, employee_id, room_id, via, due_at)
                                     VALUES (?, ?, ?, 'SELF', now() + interval '30 days')""")) {
                            up.setString(1, barcodes.get(n));
                            try (ResultSet rs = up.executeQuery()) {
                                if (rs.next()) {
                                    in.setLong(1, rs.getLong(1));
                                    in.setLong(2, employees.get(n));
                                    in.setLong(3, room);
                                    in.executeUpdate();
                                    lent.incrementAndGet();
                                }
                            }
                            c.commit();
                        } finally {
                            pool.put(c);
                        }
                        ms[n] = (System.nanoTime() - t0) / 1e6;
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : tasks) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transactions", barcodes.size());
        out.put("lent", lent.get());
        out.put("connections", BASELINE_CONNECTIONS);
        out.put("p50_ms", Profile.round(CoverageScenario.percentile(ms, 50), 1));
        out.put("p99_ms", Profile.round(CoverageScenario.percentile(ms, 99), 1));
        return out;
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

    /** Before the timed rush: vacuum and analyse what the log-ins and the warm-up wrote, and checkpoint. */
    private static void quiesce(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) account, library_copy, library_loan, library_hold");
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
