package org.tongxin.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;

/**
 * {@code pages}: 64 signed-in members browse the employee pages (home, activities, library, member card) one after
 * the other without pause for 30 s; every answer must be a 200. The baseline is a static file (the stylesheet)
 * fetched by 64 clients from the same server for 10 s. The app's resident memory is sampled every second.
 */
final class PagesScenario implements Scenario {

    static final int USERS = 64;
    static final long RUN_SECONDS = 30;
    static final long WARM_UP_SECONDS = 15;
    static final long BASELINE_SECONDS = 10;
    static final int ACTIVITIES = 12;
    static final int TITLES = 5_000;
    static final double TARGET_P99_MS = 150;
    static final double TARGET_RSS_MB = 768;
    static final List<String> PAGES = List.of("/", "/activities", "/library", "/me/card");
    static final String STATIC_FILE = "/css/tongxin.css";
    /**
     * The heap a deployment gives the app (docs/operations.md): without a cap the JVM takes a quarter of the
     * machine's memory and grows into it, which says nothing about what the app needs.
     */
    static final String HEAP = "-Xmx512m";

    /** JFR phases: which part of a page the samples fall in. */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("org.thymeleaf.", "thymeleaf"),
            Map.entry("org.springframework.jdbc.", "jdbc"),
            Map.entry("org.postgresql.", "jdbc"),
            Map.entry("com.zaxxer.hikari.", "pool"),
            Map.entry("org.springframework.security.", "security"),
            Map.entry("org.springframework.session.", "session"),
            Map.entry("org.tongxin.", "app_code"),
            Map.entry("org.apache.catalina.", "tomcat"),
            Map.entry("org.apache.coyote.", "tomcat"),
            Map.entry("org.apache.tomcat.", "tomcat"));

    @Override
    public boolean logEveryStatement() {
        return false;
    }

    @Override
    public Map<String, Object> run(Harness h) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        List<UnitPlan> plan = new EnterpriseGenerator(Harness.SEED).units(h.scale());
        Path recording = h.work().resolve("pages-app.jfr");
        Files.deleteIfExists(recording);
        out.put("load_average_at_start", RushScenario.loadAverage());
        Instant start;
        Instant end;
        List<Double> all;
        Map<String, List<Double>> byPage = new LinkedHashMap<>();
        long errors;
        long maxRssKb;
        List<String> jvm = new ArrayList<>(Profile.jvmArgs(recording));
        jvm.add(HEAP);
        out.put("app_heap", HEAP);
        try (App app = h.startApp("pages", jvm);
             WebClient admin = new WebClient(app.baseUrl);
             Crowd crowd = new Crowd(app.baseUrl)) {
            Bench.progress("seeding " + plan.size() + " units and " + h.scale().employees()
                    + " members with accounts over JDBC (bypassing the app)");
            RushSeed.People people = RushSeed.load(h.db(), plan, h.scale().employees());
            out.put("seed", people.summary());
            Bench.progress("seeding a reading room with " + TITLES + " titles");
            CheckoutSeed.Library library = CheckoutSeed.load(h.db(), people.rootUnitId(), TITLES);
            out.put("library", library.summary());
            admin.logIn(Harness.ADMIN, Harness.ADMIN_PASSWORD);
            for (int i = 1; i <= ACTIVITIES; i++) {
                RushScenario.createActivity(admin, h.db(), "职工活动 " + i, 50, people.rootUnitId());
            }

            List<String> everyone = new ArrayList<>(people.employeeNumbers());
            Collections.shuffle(everyone, new Random(Harness.SEED));
            Bench.progress("logging in " + USERS + " members");
            List<Crowd.Session> sessions = Crowd.forEach(USERS, 16,
                    i -> crowd.logIn(everyone.get(i), RushSeed.PASSWORD, "/"));
            crowd.warmConnections(USERS);

            Bench.progress("warming up for " + WARM_UP_SECONDS + " s");
            browse(crowd, sessions, WARM_UP_SECONDS, new ConcurrentLinkedQueue<>(), new AtomicLong());

            Bench.progress("64 members browsing for " + RUN_SECONDS + " s");
            out.put("load_average_before_run", RushScenario.loadAverage());
            ConcurrentLinkedQueue<double[]> samples = new ConcurrentLinkedQueue<>();
            AtomicLong failed = new AtomicLong();
            RssSampler rss = new RssSampler(app.pid());
            Thread sampler = Thread.ofVirtual().start(rss);
            CpuMeter cpu = new CpuMeter(app.pid(), h.db().postmasterPid());
            CpuMeter.Snapshot c0 = cpu.snapshot();
            start = Instant.now();
            browse(crowd, sessions, RUN_SECONDS, samples, failed);
            end = Instant.now();
            out.put("cpu", CpuMeter.between(c0, cpu.snapshot(), samples.size()));
            sampler.interrupt();
            sampler.join();
            maxRssKb = rss.maxKb;
            out.put("load_average_after_run", RushScenario.loadAverage());
            errors = failed.get();
            all = new ArrayList<>();
            for (String p : PAGES) {
                byPage.put(p, new ArrayList<>());
            }
            for (double[] s : samples) {
                all.add(s[1]);
                byPage.get(PAGES.get((int) s[0])).add(s[1]);
            }

            Bench.progress("baseline: " + STATIC_FILE + " for " + BASELINE_SECONDS + " s");
            CpuMeter.Snapshot b0 = cpu.snapshot();
            List<Double> baseline = staticFile(crowd, sessions.getFirst(), failed);
            out.put("baseline_cpu", CpuMeter.between(b0, cpu.snapshot(), baseline.size()));
            out.put("baseline_requests", baseline.size());
            out.put("baseline_p50_ms", Profile.round(percentile(baseline, 50), 1));
            out.put("baseline_p99_ms", Profile.round(percentile(baseline, 99), 1));
            out.put("baseline", "GET " + STATIC_FILE + " (" + Files.size(h.root().resolve(
                    "src/main/resources/static" + STATIC_FILE)) + " bytes), 64 clients, same server, same sessions");
        }
        double p99 = percentile(all, 99);
        out.put("requests", all.size());
        out.put("errors", errors);
        out.put("throughput_per_s", Math.round(all.size() / (double) RUN_SECONDS));
        out.put("p50_ms", Profile.round(percentile(all, 50), 1));
        out.put("p95_ms", Profile.round(percentile(all, 95), 1));
        out.put("p99_ms", Profile.round(p99, 1));
        out.put("rss_mb", Math.round(maxRssKb / 1024.0));
        out.put("ratio", Profile.round(((Number) out.get("baseline_p99_ms")).doubleValue() / p99, 3));
        Map<String, Object> pages = new LinkedHashMap<>();
        byPage.forEach((p, l) -> pages.put(p, Map.of("requests", l.size(),
                "p50_ms", Profile.round(percentile(l, 50), 1), "p99_ms", Profile.round(percentile(l, 99), 1))));
        out.put("pages", pages);
        out.put("profile", Profile.jfr(recording, start, end, h.root().resolve("bench/results/pages-profile.txt"),
                PHASES));
        out.put("targets", Map.of("p99_ms", TARGET_P99_MS, "rss_mb", TARGET_RSS_MB));
        out.put("targets_met", p99 <= TARGET_P99_MS && maxRssKb / 1024.0 <= TARGET_RSS_MB);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", errors == 0 && !all.isEmpty());
        result.putAll(out);
        return result;
    }

    /** Each session walks the pages in turn, without pause, until the time is up; [page index, ms] per answer. */
    private static void browse(Crowd crowd, List<Crowd.Session> sessions, long seconds,
                               ConcurrentLinkedQueue<double[]> samples, AtomicLong failed) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        Crowd.forEach(sessions.size(), sessions.size(), i -> {
            Crowd.Session s = sessions.get(i);
            for (int n = i; System.nanoTime() < until; n++) {
                int page = n % PAGES.size();
                Crowd.Page answer = crowd.timedPage(s, PAGES.get(page));
                if (answer.reply().status() != 200) {
                    if (failed.incrementAndGet() <= 5) {
                        Bench.progress("GET " + PAGES.get(page) + " answered " + answer.reply().status());
                    }
                }
                samples.add(new double[]{page, answer.reply().ms()});
            }
            return null;
        });
    }

    private static List<Double> staticFile(Crowd crowd, Crowd.Session s, AtomicLong failed) throws Exception {
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + BASELINE_SECONDS * 1_000_000_000L;
        Crowd.forEach(USERS, USERS, i -> {
            while (System.nanoTime() < until) {
                Crowd.Page answer = crowd.timedPage(s, STATIC_FILE);
                if (answer.reply().status() != 200) {
                    failed.incrementAndGet();
                }
                times.add(answer.reply().ms());
            }
            return null;
        });
        return new ArrayList<>(times);
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** The app's resident set size (VmRSS), sampled every second; the largest seen. */
    private static final class RssSampler implements Runnable {

        private final long pid;
        volatile long maxKb;

        RssSampler(long pid) {
            this.pid = pid;
        }

        @Override
        public void run() {
            try {
                do {
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                        if (line.startsWith("VmRSS:")) {
                            maxKb = Math.max(maxKb, Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(1000);
                } while (!Thread.currentThread().isInterrupted());
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException gone) {
                Bench.progress("could not read the app's memory: " + gone);
            }
        }
    }
}
