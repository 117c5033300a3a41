package org.tongxin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Debian's ffmpeg pushes a few seconds of test pattern as HLS over HTTP PUT with the stream key; a viewer of the
 * audience fetches the live playlist and every segment; a wrong key is refused and writes nothing; heartbeats
 * count watch time no faster than time passes; after the end the replay lists every segment.
 */
class LiveIngestTests extends IntegrationTestSupport {

    private static final Pattern SEGMENT = Pattern.compile("seg/(\\d+)\\.ts");

    @LocalServerPort
    int port;
    @Autowired
    LiveService live;

    Fixtures.UnitWithDepartment unit;
    Viewer organiser;
    Viewer viewer;
    Viewer outsider;
    long session;

    @BeforeEach
    void aScheduledSession() {
        unit = fixtures.grassroots("直播测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("直播旁站工会");
        OrgSetup.HrRow inside = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow elsewhere = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "live.csv", List.of(inside, elsewhere));
        long insideId = fixtures.employeeId(inside.employeeNo());
        long elsewhereId = fixtures.employeeId(elsewhere.employeeNo());
        viewer = Fixtures.employee(fixtures.accountId(insideId), insideId);
        outsider = Fixtures.employee(fixtures.accountId(elsewhereId), elsewhereId);
        organiser = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(5);
        session = live.schedule(organiser, new Sessions.Draft("安全生产月直播培训", "", unit.unit().id(),
                fixtures.adminAccountId(), start, start.plusHours(1), "SUBTREE", unit.unit().id(), List.of(), null, 80));
    }

    private int put(String key, String name, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/live/ingest/" + key + "/" + name))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private long segments() {
        return jdbc.sql("SELECT count(*) FROM live_segment").query(Long.class).single();
    }

    private MockHttpServletResponse fetch(String path, Viewer as) throws Exception {
        return mvc.perform(get(path).with(as(as))).andReturn().getResponse();
    }

    @Test
    void ffmpegPushesHlsThatTheAudienceWatchesLiveAndAsAReplay() throws Exception {
        long before = segments();
        assertThat(put("not-the-key", "live0.ts", new byte[188])).isEqualTo(403);
        assertThat(put("not-the-key", "live.m3u8", "#EXTM3U\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(403);
        assertThat(segments()).isEqualTo(before);
        String key = live.streamKey(organiser, session);
        assertThat(put(key, "../escape.ts", new byte[188])).isIn(400, 404);

        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                "testsrc=size=320x240:rate=25", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-f", "hls", "-hls_time", "1", "-hls_list_size", "3", "-method", "PUT",
                "http://127.0.0.1:" + port + "/live/ingest/" + key + "/live.m3u8").redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String ffmpegSaid = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffmpeg.exitValue()).as(ffmpegSaid).isZero();

        MockHttpServletResponse playlist = fetch("/live/" + session + "/hls/live.m3u8", viewer);
        assertThat(playlist.getStatus()).isEqualTo(200);
        assertThat(playlist.getContentType()).startsWith("application/vnd.apple.mpegurl");
        assertThat(playlist.getHeader("Cache-Control")).contains("no-store");
        String text = playlist.getContentAsString();
        assertThat(text).contains("#EXTINF").doesNotContain("live0.ts");
        List<String> addresses = new ArrayList<>();
        Matcher m = SEGMENT.matcher(text);
        while (m.find()) {
            addresses.add(m.group());
        }
        assertThat(addresses).hasSizeBetween(1, 3);
        for (String address : addresses) {
            MockHttpServletResponse segment = fetch("/live/" + session + "/hls/" + address, viewer);
            assertThat(segment.getStatus()).isEqualTo(200);
            assertThat(segment.getContentAsByteArray()[0]).as("MPEG-TS sync byte").isEqualTo((byte) 0x47);
            assertThat(segment.getHeader("Cache-Control")).contains("immutable").contains("private");
        }
        assertThat(fetch("/live/" + session + "/hls/live.m3u8", outsider).getStatus()).isEqualTo(404);
        assertThat(fetch("/live/" + session + "/hls/" + addresses.getFirst(), outsider).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT state FROM live_session WHERE id = ?").param(session).query(String.class).single())
                .isEqualTo("LIVE");

        String first = mvc.perform(post("/live/" + session + "/heartbeat").param("playedMs", "15000")
                .with(csrf()).with(as(viewer))).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("\"watchedMs\":15000");
        String second = mvc.perform(post("/live/" + session + "/heartbeat").param("playedMs", "15000")
                .with(csrf()).with(as(viewer))).andReturn().getResponse().getContentAsString();
        long total = Long.parseLong(second.replaceAll(".*\"watchedMs\":(\\d+).*", "$1"));
        assertThat(total).as("a beat right after another gets only the time that passed").isBetween(15_000L, 18_000L);

        live.end(organiser, session);
        assertThat(put(key, "live9.ts", new byte[188])).isEqualTo(403);
        String replay = fetch("/live/" + session + "/hls/replay.m3u8", viewer).getContentAsString();
        long stored = jdbc.sql("SELECT count(*) FROM live_segment WHERE session_id = ?").param(session)
                .query(Long.class).single();
        assertThat(replay).contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST");
        assertThat(SEGMENT.matcher(replay).results().count()).as("every segment, also those the encoder dropped; ffmpeg said: " + ffmpegSaid + jdbc.sql("SELECT string_agg(name || ':' || bytes, ',') FROM live_segment WHERE session_id = ?").param(session).query(String.class).single())
                .isEqualTo(stored).isGreaterThanOrEqualTo(4);
        assertThat(fetch("/live/" + session + "/hls/live.m3u8", viewer).getStatus()).isEqualTo(404);
    }

    @Test
    void uploadsThatOverlapTakeTurnsInsteadOfDeadlocking() throws Exception {
        String key = live.streamKey(organiser, session);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        PipedOutputStream body = new PipedOutputStream();
        PipedInputStream source = new PipedInputStream(body, 65536);
        CompletableFuture<HttpResponse<Void>> slow = client.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/live/ingest/" + key + "/live0.ts"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> source)).build(), HttpResponse.BodyHandlers.discarding());
        byte[] packet = new byte[188];
        packet[0] = 0x47;
        for (int i = 0; i < 100; i++) {
            body.write(packet);
        }
        body.flush();
        // The first segment's row is in (its foreign key holds a key-share lock on the session) while its upload goes
        // on; a second segment and the playlist arrive meanwhile, as an encoder sends them.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'live_segment' AND l.mode = 'RowExclusiveLock'""").query(Long.class).single() > 0);
        CompletableFuture<HttpResponse<Void>> quick = client.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/live/ingest/" + key + "/live1.ts"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(packet)).build(), HttpResponse.BodyHandlers.discarding());
        CompletableFuture<HttpResponse<Void>> playlist = client.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/live/ingest/" + key + "/live.m3u8"))
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nlive0.ts\n#EXTINF:2.0,\nlive1.ts\n"))
                .build(), HttpResponse.BodyHandlers.discarding());
        // Both are through, or both wait for the session's row behind the first upload's key-share lock (FOR UPDATE
        // did, and the first upload's own FOR UPDATE then deadlocked with them).
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> quick.isDone() && playlist.isDone()
                || jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted").query(Long.class).single() >= 2);
        for (int i = 0; i < 20; i++) {
            body.write(packet);
        }
        body.close();

        assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).isBetween(200, 299);
        assertThat(quick.get(30, TimeUnit.SECONDS).statusCode()).isBetween(200, 299);
        assertThat(playlist.get(30, TimeUnit.SECONDS).statusCode()).isBetween(200, 299);
        assertThat(jdbc.sql("SELECT count(*) FROM live_segment WHERE session_id = ?").param(session).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(SEGMENT.matcher(jdbc.sql("SELECT live_playlist FROM live_session WHERE id = ?").param(session)
                .query(String.class).single()).results().count()).as("both segments listed, whichever came first")
                .isEqualTo(2);
    }

    @Test
    void aSegmentGoesOutWholeOverRealHttpAndAsARangeWhenOneIsAsked() throws Exception {
        // Over a real connection, twice (the second time the session's row is reused), and a part of it.
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        long open = live.schedule(organiser, new Sessions.Draft("公开直播", "", unit.unit().id(),
                fixtures.adminAccountId(), start, start.plusHours(1), "PUBLIC", null, List.of(), null, 80));
        byte[] body = new byte[300_000];
        new java.util.Random(7).nextBytes(body);
        body[0] = 0x47;
        assertThat(put(live.streamKey(organiser, open), "live0.ts", body)).isEqualTo(201);
        long id = jdbc.sql("SELECT id FROM live_segment WHERE session_id = ?").param(open).query(Long.class).single();
        URI address = URI.create("http://127.0.0.1:" + port + "/live/" + open + "/hls/seg/" + id + ".ts");
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(address).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(whole.statusCode()).isEqualTo(200);
                assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp2t");
                assertThat(whole.headers().firstValue("Cache-Control").orElseThrow()).contains("public")
                        .contains("immutable");
                assertThat(whole.body()).isEqualTo(body);
            }
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(address).header("Range", "bytes=100-199")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(body, 100, 200));
        }
    }

    @Test
    void theKeyIsShownOnlyToTheOrganiserAndPresenterAndARotatedKeyRefusesTheOldOne() throws Exception {
        String key = live.streamKey(organiser, session);
        assertThatThrownBy(() -> live.streamKey(viewer, session)).isInstanceOf(NotFoundException.class);
        String rotated = live.rotateKey(organiser, session);
        assertThat(rotated).isNotEqualTo(key).hasSize(43);
        assertThat(put(key, "live0.ts", new byte[188])).isEqualTo(403);
        assertThat(put(rotated, "live0.ts", new byte[188])).isEqualTo(201);
    }
}
