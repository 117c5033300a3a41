package org.tongxin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * OBS's default output is RTMP: nginx with the RTMP module takes it, asks Tongxin whether the stream key belongs
 * to a session ({@code on_publish}), and re-pushes an accepted stream to Tongxin's HLS ingest with ffmpeg
 * ({@code exec_push}), the configuration of docs/live.md. The callback itself is checked always; the whole way
 * through nginx only where nginx and its RTMP module are installed ({@code apt-get install nginx
 * libnginx-mod-rtmp}), skipped elsewhere.
 */
class LiveRtmpTests extends IntegrationTestSupport {

    private static final List<Path> MODULES = List.of(Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"),
            Path.of("/usr/share/nginx/modules/ngx_rtmp_module.so"), Path.of("/usr/lib64/nginx/modules/ngx_rtmp_module.so"));
    private static final Pattern SEGMENT = Pattern.compile("seg/(\\d+)\\.ts");

    @LocalServerPort
    int port;
    @Autowired
    LiveService live;

    Viewer organiser;
    long session;
    String key;

    @BeforeEach
    void aScheduledSession() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("RTMP测试工会");
        organiser = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        session = live.schedule(organiser, new Sessions.Draft("OBS 推流测试", "", unit.unit().id(),
                fixtures.adminAccountId(), start, start.plusHours(1), "PUBLIC", null, List.of(), null, 80));
        key = live.streamKey(organiser, session);
    }

    private int callback(String name, String from) throws Exception {
        return mvc.perform(post("/live/rtmp/on-publish").param("call", "publish").param("app", "live")
                        .param("name", name).param("addr", "192.0.2.7").with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void theCallbackAcceptsTheKeyOfASessionNotOverAndNothingElse() throws Exception {
        assertThat(callback(key, "127.0.0.1")).isEqualTo(204);
        assertThat(callback("not-the-key", "127.0.0.1")).isEqualTo(403);
        assertThat(callback("", "127.0.0.1")).isEqualTo(403);
        assertThat(callback(key, "203.0.113.9")).as("only local callers are answered").isEqualTo(403);
        live.end(organiser, session);
        assertThat(callback(key, "127.0.0.1")).as("a session that is over takes no stream").isEqualTo(403);
    }

    @Test
    void obsStyleRtmpThroughNginxIsRefusedWithAWrongKeyAndServedAsHlsWithTheRightOne(@TempDir Path dir)
            throws Exception {
        Optional<Path> module = MODULES.stream().filter(Files::isReadable).findFirst();
        Assumptions.assumeTrue(module.isPresent() && onPath("nginx").isPresent(),
                "nginx with the RTMP module is not installed (apt-get install nginx libnginx-mod-rtmp)");
        int rtmp = freePort();
        String ffmpeg = onPath("ffmpeg").orElseThrow().toString();
        String app = "http://127.0.0.1:" + port;
        Files.writeString(dir.resolve("nginx.conf"), """
                load_module %s;
                daemon off;
                worker_processes 1;
                error_log %s info;
                pid %s;
                events { worker_connections 64; }
                rtmp {
                  server {
                    listen 127.0.0.1:%d;
                    application live {
                      live on;
                      wait_key on;
                      idle_streams off;
                      exec_kill_signal term;
                      allow play 127.0.0.1;
                      deny play all;
                      on_publish %s/live/rtmp/on-publish;
                      exec_push %s -v error -i rtmp://127.0.0.1:%d/live/$name -c copy -f hls -hls_time 2
                        -hls_list_size 6 -method PUT %s/live/ingest/$name/live.m3u8;
                    }
                  }
                }
                """.formatted(module.get(), dir.resolve("error.log"), dir.resolve("nginx.pid"), rtmp, app, ffmpeg,
                rtmp, app), StandardCharsets.UTF_8);
        Process nginx = new ProcessBuilder(onPath("nginx").orElseThrow().toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listening(rtmp) || !nginx.isAlive());
            assertThat(nginx.isAlive()).as(log(dir)).isTrue();

            long before = lastSegmentId();
            Process refused = push(ffmpeg, rtmp, "not-the-key", 2);
            assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as("nginx drops a publisher Tongxin refused").isNotZero();

            Process pushed = push(ffmpeg, rtmp, key, 8);
            assertThat(pushed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = new String(pushed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pushed.exitValue()).as(said).isZero();
            // The relay, stopped with SIGTERM when the publisher leaves, sends its last segment and the playlist with
            // its end tag.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(SEGMENT.matcher(playlist()).find() && playlist().contains("#EXT-X-ENDLIST"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(playlist()).as("the live playlist; nginx said:\n" + log(dir)).contains("#EXT-X-ENDLIST");
            assertThat(jdbc.sql("SELECT count(*) FROM live_segment WHERE session_id <> ? AND id > ?")
                    .params(session, before).query(Long.class).single())
                    .as("the refused stream wrote nothing").isZero();
            Matcher m = SEGMENT.matcher(playlist());
            int served = 0;
            while (m.find()) {
                MockHttpServletResponse segment = mvc.perform(get("/live/" + session + "/hls/" + m.group()))
                        .andReturn().getResponse();
                assertThat(segment.getStatus()).isEqualTo(200);
                assertThat(segment.getContentAsByteArray()[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
                served++;
            }
            assertThat(served).isPositive();
            assertThat(jdbc.sql("SELECT state FROM live_session WHERE id = ?").param(session).query(String.class)
                    .single()).isEqualTo("LIVE");
        } finally {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process push(String ffmpeg, int rtmp, String streamKey, int seconds) throws IOException {
        // What OBS sends by default: H.264 with a keyframe every 2 s and AAC, as FLV over RTMP, in real time.
        return new ProcessBuilder(ffmpeg, "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-c:a", "aac", "-f", "flv",
                "rtmp://127.0.0.1:" + rtmp + "/live/" + streamKey).redirectErrorStream(true).start();
    }

    private String playlist() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/live/" + session + "/hls/live.m3u8")).andReturn().getResponse();
        return r.getStatus() == 200 ? r.getContentAsString() : "";
    }

    private long lastSegmentId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM live_segment").query(Long.class).single();
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("nginx.out")) + Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no nginx log)";
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
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
