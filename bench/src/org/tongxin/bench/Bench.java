package org.tongxin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.tongxin.demo.Scale;

/**
 * {@code bench/run SCENARIO [--scale enterprise|province]}: runs one scenario of BENCHMARKS.md against a fresh
 * database and prints its result as the last line of standard output (progress goes to standard error), also
 * writing it to {@code bench/results/SCENARIO.json}. Exits 0 only when the result is ok.
 */
public final class Bench {

    private static final long STARTED = System.nanoTime();

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length == 2 || args.length > 3 || (args.length == 3 && !args[1].equals("--scale"))) {
            usage();
            return;
        }
        String name = args[0];
        Scale scale = switch (args.length == 3 ? args[2] : "enterprise") {
            case "enterprise" -> Scale.ENTERPRISE;
            case "province" -> Scale.PROVINCE;
            default -> null;
        };
        Scenario scenario = switch (name) {
            case "import" -> new ImportScenario();
            case "coverage" -> new CoverageScenario();
            case "rush" -> new RushScenario();
            case "search" -> new SearchScenario();
            case "checkout" -> new CheckoutScenario();
            case "exam" -> new ExamScenario();
            case "live" -> new LiveScenario();
            case "insight" -> new InsightScenario();
            case "pages" -> new PagesScenario();
            default -> null;
        };
        if (scale == null || scenario == null) {
            usage();
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(root.resolve("bench/work"));
        Path results = Files.createDirectories(root.resolve("bench/results"));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", name);
        result.put("scale", scale.name().toLowerCase(Locale.ROOT));
        if (!Harness.experimentAppArgs().isEmpty()) {
            result.put("experiment_app_args", Harness.experimentAppArgs());
        }
        String statementLog = System.getenv("BENCH_STATEMENT_LOG");
        boolean logEveryStatement = statementLog == null || statementLog.isBlank() ? scenario.logEveryStatement()
                : !statementLog.equals("off");
        try (Database db = Database.start(work, logEveryStatement)) {
            progress("database " + db.url);
            Map<String, String> settings = db.durability();
            result.putAll(scenario.run(new Harness(root, work, db, scale)));
            result.put("db_settings", settings);
        } catch (Exception e) {
            progress("failed: " + e);
            e.printStackTrace();
            result.put("ok", false);
            result.put("error", e.toString());
        }
        String json = Json.write(result);
        Files.writeString(results.resolve(name + ".json"), json + "\n", StandardCharsets.UTF_8);
        progress("wrote bench/results/" + name + ".json");
        System.out.println(json);
        System.exit(Boolean.TRUE.equals(result.get("ok")) ? 0 : 1);
    }

    private static void usage() {
        System.err.println("usage: bench/run import|coverage|rush|search|checkout|exam|live|insight|pages [--scale enterprise|province]");
        System.exit(2);
    }

    static void progress(String message) {
        System.err.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
