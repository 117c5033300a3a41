package org.tongxin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.tongxin.demo.EnterpriseGenerator;
import org.tongxin.shared.crypto.FieldCipher;

/**
 * {@code live}: 1,000 signed-in viewers of one live session at once, each fetching HLS segments and the live
 * playlist as fast as the server gives them (a crowd catching up, not a paced player: what is measured is how
 * many bytes per second the server can hand out) and sending the watch page's heartbeat every 15 s with the time it
 * "played" since the last one.
 *
 * <ol>
 * <li>The people are seeded over JDBC ({@link RushSeed}); a session for the whole enterprise is written over JDBC
 * with an encrypted stream key, and ffmpeg pushes 60 s of 854×480 H.264/AAC at about 1 Mbit/s to
 * {@code PUT /live/ingest/{key}/live.m3u8} with {@code -hls_time 2} — the documented command — so the session is
 * live with 30 segments of about 250 KB.</li>
 * <li>Tongxin: every viewer starts with a heartbeat of 0 ms, then loops for {@link #RUN}: a segment (each viewer
 * starting at its own place in the 30), the live playlist every third segment, and a heartbeat whenever 15 s have
 * passed on its clock, claiming exactly the time since its previous beat; a last beat at the end. The truth of a
 * viewer's watch time is the sum of its claims (its clock); the server's is {@code live_watch.watched_ms}.</li>
 * <li>Baseline: nginx (when installed) serving the same segment files and the same playlist from the same
 * directory, to the same 1,000 loops for the same time, without heartbeats (nginx has nothing to count them).</li>
 * </ol>
 * Correct ({@code ok}) when every request answered 200 with the bytes stored, and every viewer's watch time is within
 * 5 % of the truth ({@code watch_time_error_pct} is the largest error). {@code ratio} = {@code bytes_per_s} /
 * {@code baseline_bytes_per_s}; the target is at least 0.7.
 */
final class LiveScenario implements Scenario {

    static final int VIEWERS = 1_000;
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final long BEAT_MS = 15_000;
    private static final int LOG_IN_IN_FLIGHT = 32;
    private static final double MAX_ERROR_PCT = 5;
    private static final double TARGET_RATIO = 0.7;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** CPU samples of the app sorted by the innermost frame that names a layer. */
    private static final List<Map.Entry<String, String>> PHASES = List.of(
            Map.entry("org.postgresql.", "jdbc_driver"),
            Map.entry("com.zaxxer.hikari.", "connection_pool"),
            Map.entry("org.tongxin.identity.internal.SessionChecks", "session_checks"),
            Map.entry("org.tongxin.live.", "live_code"),
            Map.entry("org.tongxin.", "app_code"),
            Map.entry("org.springframework.security.", "spring_security"),
            Map.entry("org.springframework.web.", "spring_mvc"),
            Map.entry("org.springframework.", "spring_other"),
            Map.entry("org.apache.catalina.", "tomcat"),
            Map.entry("org.apache.coyote.", "tomcat"),
            Map.entry("org.apache.tomcat.", "tomcat"),
            Map.entry("sun.nio.", "nio_io"),
            Map.entry("java.io.", "io"),
            Map.entry("jdk.internal.vm.", "virtual_threads"),
            Map.entry("java.util.concurrent.", "virtual_threads"));

    /** Heartbeats are few and short: the statement log would cost little, but segments dominate; keep it off. */
    @Override
    public boolean logEveryStatement() {
        return false;
    }

    /** One viewer's run as it saw it. */
    private record Viewer(long employeeId, long claimedMs, int segments, int playlists, int beats, long bytes,
                          int errors, List<String> errorSamples) {
    }

    /** What one phase measured. */
    private record Phase(List<Viewer> viewers, double seconds, long bytes, long requests, double p50Ms, double p99Ms,
                         Map<String, Object> cpu) {

        double bytesPerS() {
            return bytes / seconds;
        }

        int errors() {
            return viewers.stream().mapToInt(Viewer::errors).sum();
        }
    }

    @Override
    public Map<String, Object> run(Harness h) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Path> nginx = onPath("nginx");
        Optional<Path> ffmpeg = onPath("ffmpeg");
        if (ffmpeg.isEmpty()) {
            throw new IllegalStateException("bench live needs ffmpeg (apt-get install ffmpeg)");
        }
        Path files = h.work().resolve("live-files");
        Bench.deleteTree(files);
        Files.createDirectories(files);
        Path recording = h.work().resolve("live-app.jfr");
        Files.deleteIfExists(recording);
        Instant phaseStart;
        Instant phaseEnd;
        try (App app = h.startApp("live", Profile.jvmArgs(recording), List.of("--tongxin.files.dir=" + files));
             Crowd crowd = new Crowd(app.baseUrl)) {
            Bench.progress("seeding the people over JDBC (bypassing the app)");
            RushSeed.People people = RushSeed.load(h.db(), new EnterpriseGenerator(Harness.SEED).units(h.scale()),
                    h.scale().employees());
            out.put("seed", people.summary());

            String key = "bench-live-stream-key-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
            long session = insertSession(h.db(), people.rootUnitId(), key);
            Bench.progress("ffmpeg pushes 60 s of 480p H.264/AAC as HLS to the ingest (session " + session + ")");
            long p0 = System.nanoTime();
            Process push = new ProcessBuilder(ffmpeg.get().toString(), "-v", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=854x480:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-t", "60", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "900k", "-maxrate", "900k",
                    "-bufsize", "1800k", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-c:a", "aac", "-b:a",
                    "64k", "-f", "hls", "-hls_time", "2", "-hls_list_size", "6", "-method", "PUT",
                    app.baseUrl + "/live/ingest/" + key + "/live.m3u8")
                    .redirectErrorStream(true).start();
            if (!push.waitFor(5, TimeUnit.MINUTES) || push.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg push failed: "
                        + new String(push.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            out.put("push_s", Profile.round((System.nanoTime() - p0) / 1e9, 1));
            List<long[]> segments = segments(h.db(), session);
            long totalSegmentBytes = segments.stream().mapToLong(s -> s[1]).sum();
            Map<String, Object> stream = new LinkedHashMap<>();
            stream.put("segments", segments.size());
            stream.put("mean_segment_bytes", segments.isEmpty() ? 0 : totalSegmentBytes / segments.size());
            stream.put("bitrate_kbit_s", Profile.round(totalSegmentBytes * 8 / 1000.0 / (2.0 * segments.size()), 0));
            out.put("stream", stream);
            if (segments.size() < 20) {
                throw new IllegalStateException("only " + segments.size() + " segments stored");
            }
            Crowd.Session probe = crowd.logIn(people.employeeNumbers().get(VIEWERS), RushSeed.PASSWORD, "/");
            String playlist = crowd.page(probe, "/live/" + session + "/hls/live.m3u8");

            List<String> logins = people.employeeNumbers().subList(0, VIEWERS);
            Bench.progress("logging in " + VIEWERS + " viewers (" + LOG_IN_IN_FLIGHT + " at a time)");
            long l0 = System.nanoTime();
            List<Crowd.Session> sessions = Crowd.forEach(VIEWERS, LOG_IN_IN_FLIGHT,
                    i -> crowd.logIn(logins.get(i), RushSeed.PASSWORD, "/"));
            out.put("log_in_s", Profile.round((System.nanoTime() - l0) / 1e9, 1));
            Map<String, Long> employeeIds = employeeIds(h.db(), logins);

            CpuMeter cpu = new CpuMeter(app.pid(), h.db().postmasterPid());
            crowd.warmConnections(VIEWERS);
            Bench.progress(VIEWERS + " viewers fetch segments and beat for " + RUN.toSeconds() + " s (Tongxin)");
            String base = app.baseUrl + "/live/" + session + "/hls/";
            CpuMeter.Snapshot c0 = cpu.snapshot();
            phaseStart = Instant.now();
            Phase tongxin = phase(VIEWERS, segments.size(), i -> base + "seg/" + segments.get(i)[0] + ".ts",
                    base + "live.m3u8", segments, sessions, employeeIds, app.baseUrl + "/live/" + session
                            + "/heartbeat");
            phaseEnd = Instant.now();
            tongxin = withCpu(tongxin, CpuMeter.between(c0, cpu.snapshot(), (int) tongxin.requests()));
            Map<Long, Long> credited = credited(h.db(), session);

            List<Double> errors = new ArrayList<>();
            int outside = 0;
            for (Viewer v : tongxin.viewers()) {
                long server = credited.getOrDefault(v.employeeId(), 0L);
                double pct = v.claimedMs() == 0 ? 100 : Math.abs(server - v.claimedMs()) * 100.0 / v.claimedMs();
                errors.add(pct);
                if (pct > MAX_ERROR_PCT) {
                    outside++;
                }
            }
            double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double maxError = sorted.length == 0 ? 100 : sorted[sorted.length - 1];

            Phase baseline = null;
            if (nginx.isPresent()) {
                Path stage = h.work().resolve("live-nginx");
                Bench.deleteTree(stage);
                Files.createDirectories(stage);
                // The same bytes the app serves, under the same names, and the playlist as a file.
                Files.writeString(files.resolve("live").resolve(String.valueOf(session)).resolve("live.m3u8"),
                        playlist, StandardCharsets.UTF_8);
                int port = freePort();
                Process server = startNginx(nginx.get(), stage, files, port);
                try {
                    Bench.progress(VIEWERS + " viewers fetch the same files from nginx for " + RUN.toSeconds() + " s");
                    String nbase = "http://127.0.0.1:" + port + "/live/" + session + "/";
                    warm(nbase + "live.m3u8");
                    long[] n0 = treeTicks(server.pid());
                    long w0 = System.nanoTime();
                    baseline = phase(VIEWERS, segments.size(), i -> nbase + segments.get(i)[0] + ".ts",
                            nbase + "live.m3u8", segments, null, employeeIds, null);
                    long[] n1 = treeTicks(server.pid());
                    Map<String, Object> ncpu = new LinkedHashMap<>();
                    ncpu.put("wall_s", Profile.round((System.nanoTime() - w0) / 1e9, 1));
                    ncpu.put("nginx_cpu_s", Profile.round((n1[0] - n0[0]) / 100.0, 1));
                    ncpu.put("load_generator_cpu_s", Profile.round((n1[1] - n0[1]) / 100.0, 1));
                    baseline = withCpu(baseline, ncpu);
                } finally {
                    server.destroy();
                    if (!server.waitFor(10, TimeUnit.SECONDS)) {
                        server.destroyForcibly();
                    }
                }
            }

            boolean requestsOk = tongxin.errors() == 0 && (baseline == null || baseline.errors() == 0);
            boolean ok = requestsOk && outside == 0 && tongxin.viewers().size() == VIEWERS;
            out.put("ok", ok);
            out.put("viewers", VIEWERS);
            out.put("watch_time_error_pct", Profile.round(maxError, 2));
            out.put("watch_time_error_p50_pct", Profile.round(sorted.length == 0 ? 100 : sorted[sorted.length / 2], 3));
            out.put("viewers_outside_5_pct", outside);
            out.put("bytes_per_s", Math.round(tongxin.bytesPerS()));
            out.put("baseline_bytes_per_s", baseline == null ? null : Math.round(baseline.bytesPerS()));
            out.put("baseline", baseline == null ? "nginx not installed: no baseline"
                    : "nginx " + nginxVersion(nginx.get()) + " serving the same files (sendfile, keep-alive, 2 workers)"
                    + " to the same 1,000 loops, no heartbeats");
            out.put("ratio", baseline == null ? null : Profile.round(tongxin.bytesPerS() / baseline.bytesPerS(), 3));
            out.put("target_ratio", TARGET_RATIO);
            out.put("realtime_demand_bytes_per_s", Math.round(VIEWERS * totalSegmentBytes / (2.0 * segments.size())));
            out.put("tongxin", describe(tongxin));
            out.put("nginx", baseline == null ? null : describe(baseline));
            List<String> samples = new ArrayList<>();
            tongxin.viewers().forEach(v -> samples.addAll(v.errorSamples()));
            if (baseline != null) {
                baseline.viewers().forEach(v -> samples.addAll(v.errorSamples()));
            }
            out.put("error_samples", samples.stream().distinct().limit(5).toList());
        }
        // The app writes its flight recording when it stops.
        out.put("profile", Profile.jfr(recording, phaseStart, phaseEnd, h.root().resolve("bench/results/live-profile.txt"),
                PHASES));
        return out;
    }

    interface SegmentUrl {
        String of(int index);
    }

    /**
     * Every viewer loops until {@link #RUN} has passed: a segment, the playlist every third, a heartbeat when due.
     * {@code sessions} null: no log-in and no heartbeats (the nginx baseline).
     */
    private Phase phase(int viewers, int segmentCount, SegmentUrl segmentUrl, String playlistUrl, List<long[]> segments,
                        List<Crowd.Session> sessions, Map<String, Long> employeeIds, String heartbeatUrl)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        LongAdder bytes = new LongAdder();
        AtomicLong requests = new AtomicLong();
        long[] latencies = new long[4_000_000];
        AtomicInteger latencyCount = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        try {
            List<Viewer> result;
            long t0;
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<Viewer>> futures = new ArrayList<>();
                for (int v = 0; v < viewers; v++) {
                    int viewer = v;
                    futures.add(pool.submit(() -> {
                        Crowd.Session s = sessions == null ? null : sessions.get(viewer);
                        long employee = s == null ? 0 : employeeIds.get(s.login());
                        byte[] buffer = new byte[64 * 1024];
                        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
                        int errors = 0;
                        int segs = 0;
                        int lists = 0;
                        long got = 0;
                        start.await();
                        long end = window[1];
                        // The watch page beats on its own timer, whatever the segments are doing.
                        var heart = s == null ? null
                                : Thread.ofVirtual().start(() -> heartbeats(http, heartbeatUrl, s, end, samples));
                        int next = viewer % segmentCount;
                        while (System.nanoTime() < end) {
                            long[] seg = segments.get(next);
                            long r0 = System.nanoTime();
                            long n = fetch(http, segmentUrl.of(next), s, buffer, samples);
                            long r1 = System.nanoTime();
                            record(latencies, latencyCount, r1 - r0);
                            requests.incrementAndGet();
                            if (n != seg[1]) {
                                errors++;
                                if (samples.size() < 3) {
                                    samples.add("segment " + seg[0] + ": " + n + " bytes, stored " + seg[1]);
                                }
                            } else {
                                got += n;
                                bytes.add(n);
                            }
                            segs++;
                            next = (next + 1) % segmentCount;
                            if (segs % 3 == 0) {
                                long p = fetch(http, playlistUrl, s, buffer, samples);
                                requests.incrementAndGet();
                                lists++;
                                if (p <= 0) {
                                    errors++;
                                } else {
                                    bytes.add(p);
                                    got += p;
                                }
                            }
                        }
                        long claimed = 0;
                        int beats = 0;
                        if (heart != null) {
                            heart.join();
                            long[] beat = beatsOf.get(heart);
                            claimed = beat[0];
                            beats = (int) beat[1];
                            errors += (int) beat[2];
                        }
                        return new Viewer(employee, claimed, segs, lists, beats, got, errors, samples);
                    }));
                }
                t0 = System.nanoTime();
                window[0] = t0;
                window[1] = t0 + RUN.toNanos();
                start.countDown();
                result = new ArrayList<>();
                for (var f : futures) {
                    result.add(Crowd.await(f, RUN.plusMinutes(5)));
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] lat = Arrays.copyOf(latencies, Math.min(latencyCount.get(), latencies.length));
            Arrays.sort(lat);
            return new Phase(result, seconds, bytes.sum(), requests.get(), pct(lat, 0.5), pct(lat, 0.99), Map.of());
        } finally {
            http.close();
        }
    }

    /** Per heartbeat thread: time claimed and taken, beats sent, beats that failed. */
    private final Map<Thread, long[]> beatsOf = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The watch page's heartbeats until {@code end}: one of 0 ms at the start, then every 15 s the time played since
     * the last beat the server took (a beat that failed is claimed again with the next), and a last one at the end.
     */
    private void heartbeats(HttpClient http, String url, Crowd.Session s, long end, List<String> samples) {
        long claimed = 0;
        long beats = 0;
        long failures = 0;
        try {
            failures += beat(http, url, s, 0, samples);
            beats++;
            long last = System.nanoTime();
            while (true) {
                long due = Math.min(last + BEAT_MS * 1_000_000, end);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long now = System.nanoTime();
                long played = (now - last) / 1_000_000;
                int failed = beat(http, url, s, played, samples);
                beats++;
                failures += failed;
                if (failed == 0) {
                    claimed += played;
                    last = now;
                }
                if (now >= end) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        beatsOf.put(Thread.currentThread(), new long[]{claimed, beats, failures});
    }

    private static void record(long[] latencies, AtomicInteger count, long nanos) {
        int i = count.getAndIncrement();
        if (i < latencies.length) {
            latencies[i] = nanos;
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : Profile.round(sorted[(int) Math.min(sorted.length - 1,
                Math.floor(p * sorted.length))] / 1e6, 1);
    }

    /** GETs and drains a file; its length, or -1 (and a sample) when it did not answer 200. */
    private static long fetch(HttpClient http, String url, Crowd.Session s, byte[] buffer, List<String> samples)
            throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (s != null) {
            b.header("Cookie", "JSESSIONID=" + s.cookie());
        }
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            try (InputStream in = r.body()) {
                for (int k; (k = in.read(buffer)) > 0; ) {
                    n += k;
                }
            }
            if (r.statusCode() != 200) {
                if (samples.size() < 3) {
                    samples.add("GET " + URI.create(url).getPath() + " answered " + r.statusCode());
                }
                return -1;
            }
            return n;
        } catch (IOException e) {
            if (samples.size() < 3) {
                samples.add("GET " + URI.create(url).getPath() + ": " + e);
            }
            return -1;
        }
    }

    /** One heartbeat; 1 when it failed. */
    private static int beat(HttpClient http, String url, Crowd.Session s, long playedMs, List<String> samples)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + s.cookie()).header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("replay=false&playedMs=" + playedMs)).build();
        try {
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedBeforeAnswer) {
                // A kept-alive connection the server had just closed: sent again once on a fresh one, as browsers do.
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (r.statusCode() == 200 && r.body().contains("\"watchedMs\"")) {
                return 0;
            }
            if (samples.size() < 3) {
                samples.add("heartbeat answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            if (samples.size() < 3) {
                samples.add("heartbeat: " + e);
            }
        }
        return 1;
    }

    private static Phase withCpu(Phase p, Map<String, Object> cpu) {
        return new Phase(p.viewers(), p.seconds(), p.bytes(), p.requests(), p.p50Ms(), p.p99Ms(), cpu);
    }

    private static Map<String, Object> describe(Phase p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("seconds", Profile.round(p.seconds(), 1));
        d.put("requests", p.requests());
        d.put("segments", p.viewers().stream().mapToInt(Viewer::segments).sum());
        d.put("playlists", p.viewers().stream().mapToInt(Viewer::playlists).sum());
        d.put("heartbeats", p.viewers().stream().mapToInt(Viewer::beats).sum());
        d.put("errors", p.errors());
        d.put("bytes", p.bytes());
        d.put("bytes_per_s", Math.round(p.bytesPerS()));
        d.put("segment_p50_ms", p.p50Ms());
        d.put("segment_p99_ms", p.p99Ms());
        d.put("cpu", p.cpu());
        return d;
    }

    private static long insertSession(Database db, long rootUnit, String key) throws Exception {
        FieldCipher cipher = new FieldCipher(Harness.CRYPTO_KEY);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        try (Connection c = db.connect()) {
            long admin;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM account WHERE username = 'admin'")) {
                rs.next();
                admin = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO live_session (title, host_unit_id, presenter_account_id, organiser_account_id,
                      starts_at, ends_at, audience, audience_unit_id, stream_key_encrypted, stream_key_hash)
                    VALUES ('全员安全生产直播（压测）', ?, ?, ?, now() - interval '1 minute', now() + interval '2 hours',
                      'SUBTREE', ?, ?, ?) RETURNING id""")) {
                p.setLong(1, rootUnit);
                p.setLong(2, admin);
                p.setLong(3, admin);
                p.setLong(4, rootUnit);
                p.setString(5, cipher.encrypt(key));
                p.setString(6, hash);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /** Each media segment's id and stored size, in order. */
    private static List<long[]> segments(Database db, long session) throws Exception {
        List<long[]> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT id, bytes FROM live_segment WHERE session_id = ? AND extension = 'ts' ORDER BY id")) {
            p.setLong(1, session);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return out;
    }

    private static Map<Long, Long> credited(Database db, long session) throws Exception {
        Map<Long, Long> out = new HashMap<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT employee_id, watched_ms FROM live_watch WHERE session_id = ? AND mode = 'LIVE'")) {
            p.setLong(1, session);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static Map<String, Long> employeeIds(Database db, List<String> numbers) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT emp_no, id FROM employee WHERE emp_no = ANY(?)")) {
            p.setArray(1, c.createArrayOf("text", numbers.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static Process startNginx(Path nginx, Path stage, Path files, int port) throws Exception {
        // Run as root (the bench's user here), nginx's workers would otherwise be "nobody", who may not read the
        // app's files.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(stage.resolve("nginx.conf"), user + """
                daemon off;
                worker_processes 2;
                error_log %s warn;
                pid %s;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  sendfile on;
                  tcp_nopush on;
                  keepalive_requests 1000000;
                  keepalive_timeout 120s;
                  client_body_temp_path %s;
                  proxy_temp_path %s;
                  fastcgi_temp_path %s;
                  uwsgi_temp_path %s;
                  scgi_temp_path %s;
                  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
                  server {
                    listen 127.0.0.1:%d;
                    root %s;
                  }
                }
                """.formatted(stage.resolve("error.log"), stage.resolve("nginx.pid"), stage.resolve("body"),
                stage.resolve("proxy"), stage.resolve("fastcgi"), stage.resolve("uwsgi"), stage.resolve("scgi"), port,
                files.toAbsolutePath()), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(nginx.toString(), "-p", stage.toString(), "-c",
                stage.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(stage.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                probe.getInputStream();
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Bench.tail(stage.resolve("nginx.out"), 10)
                            + Bench.tail(stage.resolve("error.log"), 10));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static void warm(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            WebClient.expect(r, 200, "GET " + url + " from nginx");
        }
    }

    /** CPU ticks of a process and its children (nginx's workers), and of this bench process. */
    private static long[] treeTicks(long pid) {
        long total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(Long.parseLong(name));
                if (stat != null && (Long.parseLong(name) == pid || Long.parseLong(stat[1]) == pid)) {
                    total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            // leave what was counted
        }
        String[] self = stat(ProcessHandle.current().pid());
        return new long[]{total, self == null ? 0 : Long.parseLong(self[11]) + Long.parseLong(self[12])};
    }

    /** Fields of /proc/PID/stat after the command name (field 3 onwards), or null. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String nginxVersion(Path nginx) {
        try {
            Process p = new ProcessBuilder(nginx.toString(), "-v").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return v.replace("nginx version: ", "");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
