package org.tongxin.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.demo.EnterpriseGenerator.UnitPlan;

/**
 * {@code insight}: the dashboard ({@code GET /insight?unit=…}, the default range of the last twelve months) of the
 * root and of 20 union units of mixed depths, after a year of history, as the administrator, one request at a time,
 * timed on the client over loopback; also each one's Excel export and the root's big screen, reported apart.
 *
 * <p>Seeded bypassing the app like {@code coverage} ({@link CoverageSeed} with {@link CoverageSeed.History#lastYears}:
 * joinings spread over the last three years, 5 % of the members quit within the last year) plus each unit's employees
 * on the books for this month and the twelve before ({@code unit_headcount_month}, as {@code OrgUnits} keeps it).
 * The read model is then rebuilt through the app ({@code POST /insight/rebuild}) and timed until the page shows that
 * it finished.
 *
 * <p>Correct when, for every page fetched, the headline figures (members, coverage, joined, left, retirees, pending
 * applications) and the membership trend's members and employees of each month equal a brute-force recount over the
 * base tables of the node's subtree (by path prefix). Baseline: members and employees at the end of this month
 * computed that simplest way, timed over JDBC.
 */
final class InsightScenario implements Scenario {

    private static final int RANDOM_UNITS = 20;
    private static final int WARM_UP = 20;
    /** The same 21 pages are fetched this many times; the round with the median p95 is reported. */
    private static final int ROUNDS = 5;
    private static final int EXPORT_ROUNDS = 3;
    private static final double TARGET_P95_MS = 300;
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(60);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration POLL_MAX = Duration.ofSeconds(10);
    /**
     * While the read model is rebuilt PostgreSQL logs every statement of at least this many milliseconds, and a
     * {@link #REBUILD_LOG_SAMPLE} share of the shorter ones (millions of them), each with its duration.
     */
    private static final int REBUILD_LOG_ALL_MS = 20;
    private static final double REBUILD_LOG_SAMPLE = 0.01;

    private static final String PARTNERS = "('YOUTH_LEAGUE', 'WOMEN_COMMITTEE', 'PARTY_BRANCH')";
    private static final Pattern KPI = Pattern.compile("<div[^>]*\\bid=\"kpi-([A-Za-z0-9_-]+)\"[^>]*>");
    private static final Pattern DATA_VALUE = Pattern.compile("data-value=\"([^\"]*)\"");
    private static final Pattern TREND_TABLE = Pattern.compile(
            "id=\"table-membership-trend\">(.*?)</table>", Pattern.DOTALL);
    private static final Pattern TREND_ROW = Pattern.compile(
            "<tr>\\s*<th scope=\"row\"[^>]*>([^<]*)</th>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern TD = Pattern.compile("<td([^>]*)>");
    private static final Pattern REBUILT_LOG = Pattern.compile("Insight rebuilt from (\\d+) sources in (\\d+) ms");

    /** Members and employees at the end of a month, the simplest way: the baseline, and the truth for two KPIs. */
    private static final String BRUTE_FORCE = """
            SELECT (SELECT count(*) FROM membership_period p JOIN org_unit u ON u.id = p.unit_id
                    WHERE u.path LIKE ? || '%' AND p.status = 'ACTIVE' AND p.started_on <= ?
                      AND (p.ended_on IS NULL OR p.ended_on > ?)),
                   (SELECT coalesce(sum(h.employees), 0) FROM org_unit u
                      JOIN LATERAL (SELECT employees FROM unit_headcount_month h
                                    WHERE h.unit_id = u.id AND h.month <= ? ORDER BY h.month DESC LIMIT 1) h ON true
                    WHERE u.path LIKE ? || '%')""";
    /** The other headline figures of the range [from, to], by path prefix. */
    private static final String OTHER_KPIS = """
            SELECT count(*) FILTER (WHERE p.status = 'ACTIVE' AND p.started_on BETWEEN ? AND ?),
                   count(*) FILTER (WHERE p.status = 'ACTIVE' AND p.ended_on BETWEEN ? AND ?),
                   count(*) FILTER (WHERE p.status = 'RETIRED' AND p.started_on <= ?
                                      AND (p.ended_on IS NULL OR p.ended_on > ?)),
                   (SELECT count(*) FROM membership_application a JOIN org_unit v ON v.id = a.unit_id
                    WHERE v.path LIKE ? || '%' AND a.submitted_at::date <= ?
                      AND (a.decided_at IS NULL OR a.decided_at::date > ?))
            FROM membership_period p JOIN org_unit u ON u.id = p.unit_id WHERE u.path LIKE ? || '%'""";
    /** Members and employees at the end of each month of the range, by path prefix. */
    private static final String BRUTE_FORCE_TREND = """
            WITH sub AS (SELECT id FROM org_unit WHERE path LIKE ? || '%'),
                 m AS (SELECT generate_series(?::date, ?::date, interval '1 month')::date AS month)
            SELECT m.month,
                   (SELECT count(*) FROM membership_period p
                    WHERE p.unit_id IN (SELECT id FROM sub) AND p.status = 'ACTIVE'
                      AND p.started_on < m.month + interval '1 month'
                      AND (p.ended_on IS NULL OR p.ended_on >= m.month + interval '1 month')),
                   (SELECT coalesce(sum(h.employees), 0) FROM sub
                      JOIN LATERAL (SELECT employees FROM unit_headcount_month h
                                    WHERE h.unit_id = sub.id AND h.month <= m.month ORDER BY h.month DESC LIMIT 1) h
                        ON true)
            FROM m ORDER BY m.month""";

    private static final List<Map.Entry<String, String>> REBUILD_PHASES = List.of(
            Map.entry("org.tongxin.insight.internal.Facts.add", "rollup_deltas_in_memory"),
            Map.entry("org.tongxin.insight.internal.Facts.addAll", "write_rollup_rows"),
            Map.entry("org.tongxin.insight.internal.Facts.factRow", "fact_rows"),
            Map.entry("org.tongxin.insight.internal.Facts.flushMerged", "write_headcount_records"),
            Map.entry("org.tongxin.insight.internal.Facts.flush", "write_fact_records"),
            Map.entry("org.tongxin.insight.internal.Facts.", "facts_other"),
            Map.entry("org.tongxin.insight.internal.UnitPaths", "unit_paths"),
            Map.entry("org.tongxin.insight.internal.", "map_snapshots"),
            Map.entry("org.tongxin.membership.", "read_membership_history"),
            Map.entry("org.tongxin.org.", "read_org_history"),
            Map.entry("org.tongxin.", "read_other_histories"));
    private static final List<Map.Entry<String, String>> PAGE_PHASES = List.of(
            Map.entry("org.tongxin.insight.internal.Figures.", "read_model_queries"),
            Map.entry("org.tongxin.insight.internal.Rollup.", "sum_rollup_rows"),
            Map.entry("org.tongxin.insight.internal.", "sections"),
            Map.entry("org.tongxin.insight.web.Board.", "board"),
            Map.entry("org.tongxin.shared.table.", "excel"),
            Map.entry("org.apache.poi.", "excel"),
            Map.entry("org.thymeleaf.", "render_page"),
            Map.entry("org.tongxin.org.", "org_directory"));

    private record Unit(long id, String path, int depth) {
    }

    /** What a page shows: headline figures by id (null when withheld), and the membership trend by month. */
    private record Shown(Map<String, BigDecimal> kpis, Map<String, BigDecimal[]> trend) {
    }

    /** What the base tables say for a node. */
    private record Truth(long members, long employees, long joined, long left, long retirees, long pending,
                         Map<String, long[]> trend) {

        BigDecimal coverage() {
            return employees == 0 ? null : BigDecimal.valueOf(members).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(employees), 1, RoundingMode.HALF_UP);
        }
    }

    @Override
    public Map<String, Object> run(Harness h) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        List<UnitPlan> plan = new EnterpriseGenerator(Harness.SEED).units(h.scale());
        Path recording = h.work().resolve("insight.jfr");
        Files.deleteIfExists(recording);
        Instant rebuildStart;
        Instant rebuildEnd;
        Instant windowStart;
        Instant windowEnd;
        try (App app = h.startApp("insight", Profile.jvmArgs(recording));
             WebClient web = new WebClient(app.baseUrl)) {
            String statementLog = setting(h.db(), "log_min_duration_statement");
            // seeding and the rebuild write millions of rows: a log line for each would cost more than the rows
            boolean canTune = alterSystem(h.db(), Map.of("log_min_duration_statement", "-1"));

            LocalDate today = LocalDate.now();
            YearMonth thisMonth = YearMonth.from(today);
            YearMonth from = thisMonth.minusMonths(11);
            Bench.progress("seeding " + plan.size() + " units over JDBC, employees and membership with COPY "
                    + "(bypassing the app), joinings over the last three years up to " + today);
            Map<String, Object> seed = CoverageSeed.load(h.db(), h.scale(), plan,
                    CoverageSeed.History.lastYears(today));
            long s0 = System.nanoTime();
            seed.put("unit_headcount_month_rows", headcountHistory(h.db(), thisMonth, 12));
            seed.put("headcount_s", Profile.round((System.nanoTime() - s0) / 1e9, 1));
            Bench.progress("seeded: " + seed);
            out.put("seed", seed);
            out.put("notes", List.of(
                    "units over JDBC as OrgSetup writes them; employees, members and applications with COPY, "
                            + "bypassing the app (CoverageSeed with joinings over the last 3 years, 5 % of members quit "
                            + "within the last year, 10 % of members transferred once, PENDING and REJECTED "
                            + "applications of the last 20 days)",
                    "unit_headcount_month: this month from unit_stats (as OrgUnits.recountEmployees keeps it) and the "
                            + "12 months before by hire date (as OrgUnits.recordHeadcountHistory writes them)",
                    "the read model's other sources (care cases, hardship aid, activities, volunteering, library, "
                            + "training, publicity, live, suggestions and evaluations, appeals, benefits) have empty "
                            + "tables: their replays read nothing and their sections show zeros or withhold figures, "
                            + "though each still runs its queries on every page",
                    "statement log off while seeding; during the rebuild statements of 20 ms or more logged in full and "
                            + "1 % of the shorter ones (log_min_duration_sample); every statement logged while pages "
                            + "are measured"));

            List<Unit> units = new ArrayList<>();
            try (Connection c = h.db().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, path, depth FROM org_unit WHERE kind NOT IN " + PARTNERS
                         + " ORDER BY id")) {
                while (rs.next()) {
                    units.add(new Unit(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            Unit root = units.stream().filter(u -> u.depth() == 0).findFirst().orElseThrow();
            List<Unit> targets = targets(units, root);
            Map<Integer, Integer> byDepth = new TreeMap<>();
            targets.forEach(u -> byDepth.merge(u.depth(), 1, Integer::sum));
            out.put("units_by_depth", byDepth);
            Unit probe = targets.getLast();

            // the rebuild, through the app as an admin starts it
            web.logIn(Harness.ADMIN, Harness.ADMIN_PASSWORD);
            String page = fetch(web, "/insight?unit=" + probe.id());
            if (page.contains("id=\"rebuilt-at\"")) {
                throw new IllegalStateException("the page shows a finished rebuild before one was started");
            }
            String csrf = csrf(page);
            if (canTune) {
                alterSystem(h.db(), Map.of("log_min_duration_statement", Integer.toString(REBUILD_LOG_ALL_MS),
                        "log_min_duration_sample", "0",
                        "log_statement_sample_rate", Double.toString(REBUILD_LOG_SAMPLE)));
            }
            CpuMeter cpu = new CpuMeter(app.pid(), h.db().postmasterPid());
            Bench.progress("rebuilding the read model: POST /insight/rebuild, then polling the page for #rebuilt-at "
                    + "(at most " + REBUILD_TIMEOUT.toMinutes() + " min)");
            CpuMeter.Snapshot c0 = cpu.snapshot();
            rebuildStart = Instant.now();
            long r0 = System.nanoTime();
            HttpResponse<String> posted = web.postForm("/insight/rebuild", Map.of("_csrf", csrf));
            WebClient.expect(posted, 302, "POST /insight/rebuild");
            long deadline = r0 + REBUILD_TIMEOUT.toNanos();
            int polls = 0;
            boolean done = false;
            while (System.nanoTime() < deadline) {
                // every 2 s at first, then a thirtieth of the time so far (at most 10 s): a long rebuild is not slowed
                // by the pages asked for, nor overstated by more than about 3 %
                long elapsedMs = (System.nanoTime() - r0) / 1_000_000;
                Thread.sleep(Math.min(POLL_MAX.toMillis(), Math.max(POLL.toMillis(), elapsedMs / 30)));
                polls++;
                if (fetch(web, "/insight?unit=" + probe.id()).contains("id=\"rebuilt-at\"")) {
                    done = true;
                    break;
                }
                if (polls % 20 == 0) {
                    Bench.progress("still rebuilding after " + Math.round((System.nanoTime() - r0) / 1e9) + " s; "
                            + readModelRows(h.db()));
                }
            }
            double rebuildS = (System.nanoTime() - r0) / 1e9;
            rebuildEnd = Instant.now();
            CpuMeter.Snapshot c1 = cpu.snapshot();
            if (canTune) {
                alterSystem(h.db(), Map.of("log_min_duration_sample", "-1", "log_statement_sample_rate", "1",
                        "log_min_duration_statement", "-1"));
            }
            Map<String, Object> rebuild = new LinkedHashMap<>();
            rebuild.put("finished", done);
            rebuild.put("seconds_to_page_showing_it", Profile.round(rebuildS, 1));
            rebuild.put("polls", polls);
            Matcher logged = REBUILT_LOG.matcher(Files.readString(app.log));
            Double serverS = null;
            while (logged.find()) {
                serverS = Long.parseLong(logged.group(2)) / 1000.0;
                rebuild.put("sources", Integer.parseInt(logged.group(1)));
            }
            rebuild.put("server_s", serverS);
            rebuild.put("read_model", readModelRows(h.db()));
            rebuild.put("cpu", CpuMeter.between(c0, c1, 0));
            if (canTune && h.db().log() != null) {
                rebuild.put("postgres_sampled", sampledStatements(h.db().log(), rebuildStart, rebuildEnd));
            }
            out.put("rebuild_s", Profile.round(rebuildS, 1));
            out.put("rebuild", rebuild);
            if (!done) {
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("ok", false);
                failed.put("error", "the rebuild did not finish within " + REBUILD_TIMEOUT);
                failed.putAll(out);
                failed.put("app_log_tail", Bench.tail(app.log, 20));
                return failed;
            }
            Bench.progress("rebuilt in " + Profile.round(rebuildS, 1) + " s (server " + serverS + " s): " + rebuild);
            try (Connection c = h.db().connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE insight_fact, insight_month, insight_record");
            }
            if (canTune) { // pages are measured with the statement log the run asked for (every statement by default)
                alterSystem(h.db(), Map.of("log_min_duration_statement", statementLog));
            }

            Bench.progress("warming up with " + WARM_UP + " pages, an export and the big screen");
            Random warm = new Random(Harness.SEED + 1);
            List<Unit> others = units.stream().filter(u -> u != root).toList();
            fetch(web, "/insight?unit=" + root.id());
            for (int i = 0; i < WARM_UP - 1; i++) {
                fetch(web, "/insight?unit=" + others.get(warm.nextInt(others.size())).id());
            }
            export(web, others.get(warm.nextInt(others.size())).id());
            fetch(web, "/insight/screen?unit=" + root.id());

            Bench.progress("measuring " + targets.size() + " dashboards, " + ROUNDS + " rounds; their exports, "
                    + EXPORT_ROUNDS + " rounds; the root's big screen");
            double[][] rounds = new double[ROUNDS][targets.size()];
            List<List<Shown>> shownByRound = new ArrayList<>();
            CpuMeter.Snapshot m0 = cpu.snapshot();
            windowStart = Instant.now();
            for (int r = 0; r < ROUNDS; r++) {
                List<Shown> shown = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    long t0 = System.nanoTime();
                    String body = fetch(web, "/insight?unit=" + targets.get(i).id());
                    rounds[r][i] = (System.nanoTime() - t0) / 1e6;
                    shown.add(shown(body));
                }
                shownByRound.add(shown);
            }
            Instant pagesEnd = Instant.now();
            CpuMeter.Snapshot m1 = cpu.snapshot();
            double[][] exportRounds = new double[EXPORT_ROUNDS][targets.size()];
            long exportBytes = 0;
            for (int r = 0; r < EXPORT_ROUNDS; r++) {
                for (int i = 0; i < targets.size(); i++) {
                    long t0 = System.nanoTime();
                    exportBytes = Math.max(exportBytes, export(web, targets.get(i).id()));
                    exportRounds[r][i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double[] screen = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                String body = fetch(web, "/insight/screen?unit=" + root.id());
                screen[r] = (System.nanoTime() - t0) / 1e6;
                if (!body.contains("id=\"screen\"")) {
                    throw new IllegalStateException("the big screen has no #screen");
                }
            }
            windowEnd = Instant.now();
            double[] floor = new double[targets.size()];
            for (int i = 0; i < floor.length; i++) {
                long t0 = System.nanoTime();
                WebClient.expect(web.get("/actuator/health/readiness"), 200, "GET /actuator/health/readiness");
                floor[i] = (System.nanoTime() - t0) / 1e6;
            }
            out.put("http_floor_p50_ms", Profile.round(CoverageScenario.percentile(floor, 50), 1));
            out.put("http_floor_p95_ms", Profile.round(CoverageScenario.percentile(floor, 95), 1));

            double[] latency = medianRound(rounds);
            double[] exports = medianRound(exportRounds);
            List<Double> roundP95 = new ArrayList<>();
            for (double[] round : rounds) {
                roundP95.add(Profile.round(CoverageScenario.percentile(round, 95), 1));
            }
            List<Double> exportRoundP95 = new ArrayList<>();
            for (double[] round : exportRounds) {
                exportRoundP95.add(Profile.round(CoverageScenario.percentile(round, 95), 1));
            }
            out.put("p95_ms_by_round", roundP95);
            out.put("pages_cpu", CpuMeter.between(m0, m1, ROUNDS * targets.size()));
            if (h.db().log() != null && !"-1".equals(statementLog)) {
                Map<String, Object> pg = Profile.postgres(h.db().log(), windowStart, pagesEnd);
                pg.put("statements_per_page", Profile.round(((Number) pg.get("statements")).doubleValue()
                        / (ROUNDS * targets.size()), 1));
                pg.put("statement_ms_per_page", Profile.round(((Number) pg.get("statement_ms_total")).doubleValue()
                        / (ROUNDS * targets.size()), 2));
                out.put("postgres_during_pages", pg);
            }

            Bench.progress("brute-force recounts over the base tables, and the baseline timed over JDBC");
            int mismatches = 0;
            int trendMismatches = 0;
            List<Map<String, Object>> examples = new ArrayList<>();
            double[] baseline = new double[targets.size()];
            double[] baselineTrend = new double[targets.size()];
            try (Connection c = h.db().connect();
                 PreparedStatement brute = c.prepareStatement(BRUTE_FORCE);
                 PreparedStatement other = c.prepareStatement(OTHER_KPIS);
                 PreparedStatement trend = c.prepareStatement(BRUTE_FORCE_TREND)) {
                for (int i = 0; i < 5; i++) { // warm the baseline's plan and buffers as the app was warmed
                    membersAndEmployees(brute, others.get(warm.nextInt(others.size())).path(), thisMonth);
                }
                for (int i = 0; i < targets.size(); i++) {
                    Unit u = targets.get(i);
                    long t0 = System.nanoTime();
                    long[] now = membersAndEmployees(brute, u.path(), thisMonth);
                    baseline[i] = (System.nanoTime() - t0) / 1e6;
                    t0 = System.nanoTime();
                    Map<String, long[]> months = trend(trend, u.path(), from, thisMonth);
                    baselineTrend[i] = (System.nanoTime() - t0) / 1e6;
                    Truth truth = truth(other, u.path(), from, thisMonth, now, months);
                    for (int r = 0; r < ROUNDS; r++) {
                        Shown s = shownByRound.get(r).get(i);
                        List<String> wrong = compare(s, truth);
                        List<String> wrongTrend = compareTrend(s, truth);
                        mismatches += wrong.size();
                        trendMismatches += wrongTrend.size();
                        if ((!wrong.isEmpty() || !wrongTrend.isEmpty()) && examples.size() < 5) {
                            Map<String, Object> ex = new LinkedHashMap<>();
                            ex.put("unit", u.id());
                            ex.put("round", r);
                            ex.put("kpis", wrong);
                            ex.put("trend", wrongTrend.subList(0, Math.min(3, wrongTrend.size())));
                            examples.add(ex);
                        }
                    }
                }
                out.put("baseline_root_plan", explain(c, BRUTE_FORCE, root.path(), thisMonth));
            }

            double p95 = CoverageScenario.percentile(latency, 95);
            double baselineP95 = CoverageScenario.percentile(baseline, 95);
            out.put("dashboards", targets.size());
            out.put("requests", ROUNDS * targets.size());
            out.put("rounds", ROUNDS);
            out.put("p50_ms", Profile.round(CoverageScenario.percentile(latency, 50), 1));
            out.put("p95_ms", Profile.round(p95, 1));
            out.put("max_ms", Profile.round(Arrays.stream(latency).max().orElse(0), 1));
            out.put("root_ms", Profile.round(latency[0], 1));
            out.put("p95_ms_by_depth", byDepth(targets, latency));
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("requests", EXPORT_ROUNDS * targets.size());
            export.put("p50_ms", Profile.round(CoverageScenario.percentile(exports, 50), 1));
            export.put("p95_ms", Profile.round(CoverageScenario.percentile(exports, 95), 1));
            export.put("p95_ms_by_round", exportRoundP95);
            export.put("root_ms", Profile.round(exports[0], 1));
            export.put("largest_bytes", exportBytes);
            out.put("export", export);
            Map<String, Object> big = new LinkedHashMap<>();
            big.put("requests", ROUNDS);
            big.put("p50_ms", Profile.round(CoverageScenario.percentile(screen, 50), 1));
            big.put("max_ms", Profile.round(Arrays.stream(screen).max().orElse(0), 1));
            out.put("screen_root", big);
            out.put("mismatches", mismatches);
            out.put("trend_mismatches", trendMismatches);
            out.put("mismatch_examples", examples);
            out.put("checked", "every page of every round: kpi-members, kpi-coverage (members over the brute-force "
                    + "headcount, one decimal, half up), kpi-joined, kpi-left, kpi-retirees, kpi-pending; and the "
                    + "membership trend's members and employees of each of the 12 months");
            out.put("baseline_p50_ms", Profile.round(CoverageScenario.percentile(baseline, 50), 1));
            out.put("baseline_p95_ms", Profile.round(baselineP95, 1));
            out.put("baseline_root_ms", Profile.round(baseline[0], 1));
            out.put("baseline_trend_p95_ms", Profile.round(CoverageScenario.percentile(baselineTrend, 95), 1));
            out.put("baseline", "members and employees of the node's subtree at the end of this month computed the "
                    + "simplest way over JDBC: open ACTIVE membership periods joined to org_unit by path prefix, and "
                    + "each subtree unit's latest unit_headcount_month summed; one query per node, p95 over the same "
                    + "21 nodes (the page shows far more: 6 KPIs of 4 sections with the previous period's, 12-month "
                    + "trends, bars per child; baseline_trend_p95_ms is the trend's members and employees alone)");
            out.put("ratio", Profile.round(baselineP95 / p95, 2));
        }
        out.put("rebuild_profile_jfr", Profile.jfr(recording, rebuildStart, rebuildEnd,
                h.root().resolve("bench/results/insight-rebuild-profile.txt"), REBUILD_PHASES));
        out.put("pages_profile_jfr", Profile.jfr(recording, windowStart, windowEnd,
                h.root().resolve("bench/results/insight-pages-profile.txt"), PAGE_PHASES));
        out.put("target_p95_ms", TARGET_P95_MS);
        out.put("target_met", ((Number) out.get("p95_ms")).doubleValue() <= TARGET_P95_MS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", out.get("mismatches").equals(0) && out.get("trend_mismatches").equals(0));
        result.putAll(out);
        return result;
    }

    /** The root, then 20 union units drawn with {@code Random(SEED)} from each depth below the root in turn. */
    private static List<Unit> targets(List<Unit> units, Unit root) {
        Map<Integer, List<Unit>> byDepth = new TreeMap<>();
        units.stream().filter(u -> u != root).forEach(u -> byDepth.computeIfAbsent(u.depth(), d -> new ArrayList<>())
                .add(u));
        List<List<Unit>> depths = new ArrayList<>();
        byDepth.values().forEach(l -> depths.add(new ArrayList<>(l)));
        Random random = new Random(Harness.SEED);
        List<Unit> targets = new ArrayList<>();
        targets.add(root);
        for (int i = 0; targets.size() <= RANDOM_UNITS; i++) {
            List<Unit> level = depths.get(i % depths.size());
            if (!level.isEmpty()) {
                targets.add(level.remove(random.nextInt(level.size())));
            }
        }
        return targets;
    }

    /** This month's headcount from unit_stats and the {@code months} before by hire date; returns the rows. */
    static long headcountHistory(Database db, YearMonth thisMonth, int months) throws Exception {
        LocalDate month = thisMonth.atDay(1);
        try (Connection c = db.connect()) {
            try (PreparedStatement now = c.prepareStatement("""
                    INSERT INTO unit_headcount_month (unit_id, month, employees)
                    SELECT unit_id, ?, employees FROM unit_stats
                    ON CONFLICT (unit_id, month) DO UPDATE SET employees = excluded.employees""")) {
                now.setObject(1, month);
                now.executeUpdate();
            }
            // OrgUnits.recordHeadcountHistory
            try (PreparedStatement past = c.prepareStatement("""
                    INSERT INTO unit_headcount_month (unit_id, month, employees)
                    SELECT d.unit_id, m.month::date, count(*)
                    FROM generate_series(?::date - make_interval(months => ?), ?::date - interval '1 month',
                                         interval '1 month') m(month)
                    JOIN employee e ON e.hire_date < m.month + interval '1 month' AND e.status IN ('ACTIVE', 'LEAVE')
                    JOIN department d ON d.id = e.department_id
                    GROUP BY d.unit_id, m.month
                    ON CONFLICT (unit_id, month) DO NOTHING""")) {
                past.setObject(1, month);
                past.setInt(2, months);
                past.setObject(3, month);
                past.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE unit_headcount_month");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM unit_headcount_month")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private static Map<String, Object> readModelRows(Database db) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("insight_fact", "insight_month", "insight_record")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), pg_total_relation_size('" + table + "') FROM "
                        + table)) {
                    rs.next();
                    out.put(table + "_rows", rs.getLong(1));
                    out.put(table + "_mb", Profile.round(rs.getLong(2) / 1048576.0, 1));
                }
            }
        }
        return out;
    }

    private static String setting(Database db, String name) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting FROM pg_settings WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Server settings for every session's next statements; false when the server refuses (not a superuser). */
    private static boolean alterSystem(Database db, Map<String, String> settings) {
        try {
            db.alterSystem(settings);
            return true;
        } catch (Exception e) {
            Bench.progress("cannot change the server's settings (" + e.getMessage() + "); statement log left as it is");
            return false;
        }
    }

    /**
     * The statements of the window by their first words: those logged in full (at least {@link #REBUILD_LOG_ALL_MS})
     * as they are, the sampled shorter ones scaled up by the sample rate.
     */
    private static Map<String, Object> sampledStatements(Path log, Instant start, Instant end) throws Exception {
        Map<String, double[]> groups = new HashMap<>(); // estimated count, estimated ms, logged
        double total = 0;
        double count = 0;
        int logged = 0;
        for (Profile.Statement st : Profile.statements(log, start, end)) {
            String key = st.sql().replaceAll("\\$\\d+", "?");
            key = key.length() > 100 ? key.substring(0, 100) + "…" : key;
            double weight = st.ms() >= REBUILD_LOG_ALL_MS ? 1 : 1 / REBUILD_LOG_SAMPLE;
            double[] g = groups.computeIfAbsent(key, k -> new double[3]);
            g[0] += weight;
            g[1] += weight * st.ms();
            g[2]++;
            total += weight * st.ms();
            count += weight;
            logged++;
        }
        List<Map<String, Object>> top = new ArrayList<>();
        groups.entrySet().stream().sorted(Comparator.comparingDouble(e -> -e.getValue()[1])).limit(10).forEach(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("est_statements", Math.round(e.getValue()[0]));
            m.put("logged", Math.round(e.getValue()[2]));
            m.put("est_s", Profile.round(e.getValue()[1] / 1000, 1));
            m.put("mean_ms", Profile.round(e.getValue()[1] / e.getValue()[0], 3));
            m.put("sql", e.getKey());
            top.add(m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logged_in_full_from_ms", REBUILD_LOG_ALL_MS);
        out.put("sample_rate_below", REBUILD_LOG_SAMPLE);
        out.put("logged_statements", logged);
        out.put("est_statements", Math.round(count));
        out.put("est_statement_s", Profile.round(total / 1000, 1));
        out.put("by_statement", top);
        return out;
    }

    private static String fetch(WebClient web, String path) throws Exception {
        HttpResponse<String> page = web.get(path);
        WebClient.expect(page, 200, "GET " + path);
        return page.body();
    }

    private static long export(WebClient web, long unit) throws Exception {
        HttpResponse<byte[]> x = web.getBytes("/insight/export.xlsx?unit=" + unit);
        WebClient.expect(x, 200, "GET /insight/export.xlsx?unit=" + unit);
        if (x.body().length < 2 || x.body()[0] != 'P' || x.body()[1] != 'K') {
            throw new IllegalStateException("the export of " + unit + " is no .xlsx");
        }
        return x.body().length;
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the dashboard");
        }
        return m.group(1);
    }

    static Shown shown(String page) {
        Map<String, BigDecimal> kpis = new LinkedHashMap<>();
        Matcher k = KPI.matcher(page);
        while (k.find()) {
            Matcher v = DATA_VALUE.matcher(k.group());
            kpis.put(k.group(1), v.find() ? new BigDecimal(v.group(1)) : null);
        }
        Map<String, BigDecimal[]> trend = new LinkedHashMap<>();
        Matcher table = TREND_TABLE.matcher(page);
        if (table.find()) {
            Matcher row = TREND_ROW.matcher(table.group(1));
            while (row.find()) {
                List<BigDecimal> cells = new ArrayList<>();
                Matcher td = TD.matcher(row.group(2));
                while (td.find()) {
                    Matcher v = DATA_VALUE.matcher(td.group(1));
                    cells.add(v.find() ? new BigDecimal(v.group(1)) : null);
                }
                trend.put(row.group(1).trim(), cells.toArray(BigDecimal[]::new));
            }
        }
        return new Shown(kpis, trend);
    }

    private static long[] membersAndEmployees(PreparedStatement q, String path, YearMonth month) throws Exception {
        Date end = Date.valueOf(month.atEndOfMonth());
        q.setString(1, path);
        q.setDate(2, end);
        q.setDate(3, end);
        q.setDate(4, Date.valueOf(month.atDay(1)));
        q.setString(5, path);
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private static Map<String, long[]> trend(PreparedStatement q, String path, YearMonth from, YearMonth to)
            throws Exception {
        q.setString(1, path);
        q.setDate(2, Date.valueOf(from.atDay(1)));
        q.setDate(3, Date.valueOf(to.atDay(1)));
        Map<String, long[]> out = new LinkedHashMap<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.put(YearMonth.from(rs.getDate(1).toLocalDate()).toString(), new long[]{rs.getLong(2), rs.getLong(3)});
            }
        }
        return out;
    }

    private static Truth truth(PreparedStatement q, String path, YearMonth from, YearMonth to, long[] now,
                               Map<String, long[]> trend) throws Exception {
        Date first = Date.valueOf(from.atDay(1));
        Date end = Date.valueOf(to.atEndOfMonth());
        q.setDate(1, first);
        q.setDate(2, end);
        q.setDate(3, first);
        q.setDate(4, end);
        q.setDate(5, end);
        q.setDate(6, end);
        q.setString(7, path);
        q.setDate(8, end);
        q.setDate(9, end);
        q.setString(10, path);
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return new Truth(now[0], now[1], rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), trend);
        }
    }

    private static List<String> compare(Shown s, Truth t) {
        List<String> wrong = new ArrayList<>();
        check(wrong, s, "members", BigDecimal.valueOf(t.members()));
        check(wrong, s, "coverage", t.coverage());
        check(wrong, s, "joined", BigDecimal.valueOf(t.joined()));
        check(wrong, s, "left", BigDecimal.valueOf(t.left()));
        check(wrong, s, "retirees", BigDecimal.valueOf(t.retirees()));
        check(wrong, s, "pending", BigDecimal.valueOf(t.pending()));
        return wrong;
    }

    private static void check(List<String> wrong, Shown s, String kpi, BigDecimal truth) {
        if (!s.kpis().containsKey(kpi)) {
            wrong.add(kpi + ": not on the page");
            return;
        }
        BigDecimal shown = s.kpis().get(kpi);
        boolean same = shown == null ? truth == null : truth != null && shown.compareTo(truth) == 0;
        if (!same) {
            wrong.add(kpi + ": page " + shown + ", brute force " + truth);
        }
    }

    /** Members and employees of each month of the trend (its first two series). */
    private static List<String> compareTrend(Shown s, Truth t) {
        List<String> wrong = new ArrayList<>();
        if (!s.trend().keySet().equals(t.trend().keySet())) {
            wrong.add("trend months: page " + s.trend().keySet() + ", expected " + t.trend().keySet());
            return wrong;
        }
        t.trend().forEach((month, truth) -> {
            BigDecimal[] cells = s.trend().get(month);
            for (int j = 0; j < 2; j++) {
                BigDecimal shown = cells.length > j ? cells[j] : null;
                if (shown == null || shown.compareTo(BigDecimal.valueOf(truth[j])) != 0) {
                    wrong.add(month + (j == 0 ? " members" : " employees") + ": page " + shown + ", brute force "
                            + truth[j]);
                }
            }
        });
        return wrong;
    }

    private static String explain(Connection c, String sql, String path, YearMonth month) throws Exception {
        try (PreparedStatement q = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            Date end = Date.valueOf(month.atEndOfMonth());
            q.setString(1, path);
            q.setDate(2, end);
            q.setDate(3, end);
            q.setDate(4, Date.valueOf(month.atDay(1)));
            q.setString(5, path);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /** The round with the median p95 stands for the run. */
    private static double[] medianRound(double[][] rounds) {
        Integer[] order = new Integer[rounds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(r -> CoverageScenario.percentile(rounds[r], 95)));
        return rounds[order[rounds.length / 2]];
    }

    private static Map<Integer, Object> byDepth(List<Unit> targets, double[] latency) {
        Map<Integer, List<Double>> grouped = new TreeMap<>();
        for (int i = 0; i < targets.size(); i++) {
            grouped.computeIfAbsent(targets.get(i).depth(), d -> new ArrayList<>()).add(latency[i]);
        }
        Map<Integer, Object> out = new TreeMap<>();
        grouped.forEach((d, l) -> out.put(d, Profile.round(CoverageScenario.percentile(
                l.stream().mapToDouble(x -> x).toArray(), 95), 1)));
        return out;
    }
}
