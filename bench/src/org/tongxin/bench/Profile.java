package org.tongxin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of one timed window went: execution samples of the app's flight recording sorted into import
 * steps (by the innermost step method on each stack), GC pauses and CPU load from the same recording, and the
 * statements and checkpoints in the embedded PostgreSQL's log. PostgreSQL works in its own processes, and a
 * request thread waiting for it is not sampled, so database time shows in its log and not in the samples.
 */
final class Profile {

    /** JFR's default settings sample running Java threads every 20 ms. */
    private static final int SAMPLE_PERIOD_MS = 20;

    /**
     * JVM options for the app: JFR's default settings (meant to stay on in production, about 1 % overhead), with
     * stacks deep enough to reach the app's frames under Tomcat's and Spring's.
     */
    static List<String> jvmArgs(Path recording) {
        return List.of("-XX:FlightRecorderOptions:stackdepth=256",
                "-XX:StartFlightRecording:settings=default,dumponexit=true,filename=" + recording);
    }

    /** The app method a stack is in, searched from the innermost frame: the first prefix that matches names the phase. */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("org.tongxin.shared.table.TableReader.", "parse_file"),
            Map.entry("org.tongxin.org.internal.imports.RowRules.check", "row_rules"),
            Map.entry("org.tongxin.org.internal.imports.EmployeeImporter.existingEmployees", "load_existing"),
            Map.entry("org.tongxin.org.internal.imports.EmployeeImporter.unitPaths", "load_existing"),
            Map.entry("org.tongxin.org.internal.imports.EmployeeImporter.write", "write"),
            Map.entry("org.tongxin.org.internal.imports.EmployeeImporter.importRows", "cross_checks_and_diff"),
            Map.entry("org.tongxin.org.internal.imports.ImportRuns.", "record_run"),
            Map.entry("org.tongxin.shared.audit.", "record_run"),
            Map.entry("org.apache.catalina.connector.Request.parseParts", "receive_upload"),
            Map.entry("org.apache.tomcat.util.http.fileupload.", "receive_upload"),
            Map.entry("org.springframework.web.multipart.", "receive_upload"),
            Map.entry("org.thymeleaf.", "render_page"));
    private static final String CIPHER = "org.tongxin.shared.crypto.FieldCipher.";
    /** Per-value set-up of the JCA objects, as opposed to the hashing and encrypting themselves. */
    private static final List<String> CRYPTO_SETUP = List.of("javax.crypto.Mac.getInstance", "javax.crypto.Mac.init",
            "javax.crypto.Cipher.getInstance", "javax.crypto.Cipher.init");
    private static final String IV_RANDOM = "java.security.SecureRandom.nextBytes";

    private static final Pattern PG_ENTRY = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\S+:\\d+:(\\w+):\\s+(.*)$");
    private static final Pattern PG_DURATION = Pattern.compile(
            "^duration: ([\\d.]+) ms\\s+(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);
    private static final Pattern PG_CHECKPOINT = Pattern.compile("checkpoint complete: .*total=([\\d.]+) s");
    private static final int SLOWEST = 6;
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Profile() {
    }

    /**
     * Summarises the recording between {@code start} and {@code end} and writes the hottest frames to {@code report}.
     */
    static Map<String, Object> jfr(Path recording, Instant start, Instant end, Path report) throws IOException {
        return jfr(recording, start, end, report, PHASES);
    }

    /**
     * The same with a scenario's own phases: a sample counts toward the first phase (in list order) whose prefix
     * matches a frame, frames searched from the innermost.
     */
    static Map<String, Object> jfr(Path recording, Instant start, Instant end, Path report,
                                   List<Map.Entry<String, String>> phases) throws IOException {
        Map<String, Integer> byPhase = new LinkedHashMap<>();
        phases.forEach(p -> byPhase.put(p.getValue(), 0));
        byPhase.put("other", 0);
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> appFrames = new HashMap<>();
        Map<String, Integer> underApp = new HashMap<>();
        Map<String, Integer> cryptoByMethod = new HashMap<>();
        int samples = 0;
        int crypto = 0;
        int cryptoSetup = 0;
        int ivRandom = 0;
        double gcPauseMs = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuReadings = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getStartTime().isBefore(start) || e.getStartTime().isAfter(end)) {
                    continue;
                }
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        List<String> frames = e.getStackTrace() == null ? List.of()
                                : e.getStackTrace().getFrames().stream().map(Profile::name).toList();
                        byPhase.merge(phase(frames, phases), 1, Integer::sum);
                        if (!frames.isEmpty()) {
                            leaves.merge(frames.getFirst(), 1, Integer::sum);
                        }
                        int app = 0;
                        while (app < frames.size() && !frames.get(app).startsWith("org.tongxin.")) {
                            app++;
                        }
                        if (app < frames.size()) {
                            String appFrame = frames.get(app);
                            appFrames.merge(appFrame, 1, Integer::sum);
                            frames.subList(0, app).stream().distinct()
                                    .forEach(f -> underApp.merge(appFrame + "  >  " + f, 1, Integer::sum));
                        }
                        String cipherFrame = frames.stream().filter(f -> f.startsWith(CIPHER)).findFirst().orElse(null);
                        if (cipherFrame != null) {
                            crypto++;
                            cryptoByMethod.merge(cipherFrame.substring(CIPHER.length()), 1, Integer::sum);
                            if (frames.stream().anyMatch(CRYPTO_SETUP::contains)) {
                                cryptoSetup++;
                            }
                            if (frames.contains(IV_RANDOM)) {
                                ivRandom++;
                            }
                        }
                    }
                    case "jdk.GarbageCollection" -> gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                    case "jdk.CPULoad" -> {
                        jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        machineCpu += e.getFloat("machineTotal");
                        cpuReadings++;
                    }
                    default -> {
                        // other events are not part of the summary
                    }
                }
            }
        }
        writeReport(report, samples, leaves, appFrames, underApp);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sample_period_ms", SAMPLE_PERIOD_MS);
        out.put("samples", samples);
        out.put("samples_by_phase", byPhase);
        out.put("crypto_share", samples == 0 ? null : round((double) crypto / samples, 3));
        out.put("crypto_samples_by_method", cryptoByMethod);
        out.put("crypto_setup_share_of_crypto", crypto == 0 ? null : round((double) cryptoSetup / crypto, 3));
        out.put("crypto_iv_random_share_of_crypto", crypto == 0 ? null : round((double) ivRandom / crypto, 3));
        out.put("gc_pause_ms", round(gcPauseMs, 1));
        out.put("app_cpu_share_of_machine", cpuReadings == 0 ? null : round(jvmCpu / cpuReadings, 3));
        out.put("machine_cpu_busy", cpuReadings == 0 ? null : round(machineCpu / cpuReadings, 3));
        return out;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String phase(List<String> frames, List<Map.Entry<String, String>> phases) {
        for (String frame : frames) {
            for (Map.Entry<String, String> p : phases) {
                if (frame.startsWith(p.getKey())) {
                    return p.getValue();
                }
            }
        }
        return "other";
    }

    private static void writeReport(Path report, int samples, Map<String, Integer> leaves, Map<String, Integer> appFrames,
                                    Map<String, Integer> underApp) throws IOException {
        StringBuilder out = new StringBuilder("CPU samples in the timed window (every " + SAMPLE_PERIOD_MS
                + " ms per running thread): " + samples + "\n\nHottest methods (own time):\n");
        top(out, leaves, samples, 25);
        out.append("\nInnermost app method on the stack (time spent in it and below):\n");
        top(out, appFrames, samples, 25);
        out.append("\nLibrary and JDK methods the innermost app method calls (time spent in them and below):\n");
        top(out, underApp, samples, 80);
        Files.writeString(report, out, StandardCharsets.UTF_8);
    }

    private static void top(StringBuilder out, Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%6d  %5.1f%%  %s%n", e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total), e.getKey())));
    }

    /** A statement PostgreSQL logged: when it ended, how long it ran, its text on one line. */
    record Statement(Instant end, double ms, String sql) {

        Instant start() {
            return end.minusNanos((long) (ms * 1e6));
        }
    }

    /** The statements PostgreSQL logged as ending between {@code start} and {@code end}, in order. */
    static List<Statement> statements(Path log, Instant start, Instant end) throws IOException {
        List<Statement> out = new ArrayList<>();
        for (String[] entry : pgEntries(log)) {
            Instant at = LocalDateTime.parse(entry[0], PG_TIME).toInstant(ZoneOffset.UTC);
            Matcher d = PG_DURATION.matcher(entry[1]);
            if (!at.isBefore(start) && !at.isAfter(end) && d.matches()) {
                out.add(new Statement(at, Double.parseDouble(d.group(1)), d.group(2).replaceAll("\\s+", " ").strip()));
            }
        }
        return out;
    }

    /**
     * The slowest statements and the checkpoints PostgreSQL logged between {@code start} and {@code end}; a
     * statement is logged when it ends, and counts toward the window it ends in.
     */
    static Map<String, Object> postgres(Path log, Instant start, Instant end) throws IOException {
        List<Statement> statements = new ArrayList<>(statements(log, start, end));
        int checkpoints = 0;
        double checkpointSeconds = 0;
        for (String[] entry : pgEntries(log)) {
            Instant at = LocalDateTime.parse(entry[0], PG_TIME).toInstant(ZoneOffset.UTC);
            Matcher c = PG_CHECKPOINT.matcher(entry[1]);
            if (!at.isBefore(start) && !at.isAfter(end) && c.find()) {
                checkpoints++;
                checkpointSeconds += Double.parseDouble(c.group(1));
            }
        }
        statements.sort(Comparator.comparingDouble(st -> -st.ms()));
        List<Map<String, Object>> slowest = new ArrayList<>();
        for (Statement st : statements.subList(0, Math.min(SLOWEST, statements.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ms", round(st.ms(), 1));
            m.put("sql", st.sql().length() > 90 ? st.sql().substring(0, 90) + "…" : st.sql());
            slowest.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statements", statements.size());
        out.put("statement_ms_total", round(statements.stream().mapToDouble(Statement::ms).sum(), 1));
        out.put("slowest", slowest);
        out.put("checkpoints_completed", checkpoints);
        out.put("checkpoint_seconds", round(checkpointSeconds, 1));
        return out;
    }

    /** Log entries as [timestamp, message], continuation lines joined to their entry. */
    private static List<String[]> pgEntries(Path log) throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = PG_ENTRY.matcher(line);
            if (m.matches()) {
                entries.add(new String[]{m.group(1), m.group(3)});
            } else if (!entries.isEmpty()) {
                String[] last = entries.getLast();
                last[1] = last[1] + "\n" + line;
            }
        }
        return entries;
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
