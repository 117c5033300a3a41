package org.tongxin.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.live.internal.Attendance;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;

/**
 * The live pages: who sees which session (the audience, a log-in first for a session that is not public, 404 for
 * anyone else), the states of the watch page, the organisers' pages kept to the units they manage, the stream key
 * only ever in the pages of the organiser and the presenter, scheduling through the form, and the attendance page
 * and its spreadsheet telling exactly what {@link Attendance} counts.
 */
class LivePagesTests extends IntegrationTestSupport {

    private static final String PASSWORD = "Zhibo2026xy";

    @Autowired
    LiveService live;
    @Autowired
    Attendance attendance;
    @Autowired
    Sessions sessions;

    Fixtures.UnitWithDepartment unitA;
    Fixtures.UnitWithDepartment unitB;
    OrgSetup.HrRow viewerRow;
    OrgSetup.HrRow presenterRow;
    OrgSetup.HrRow quietRow;
    OrgSetup.HrRow outsiderRow;
    Viewer viewer;
    Viewer presenter;
    Viewer quiet;
    Viewer outsider;
    Viewer organiser;
    Viewer coOfficer;
    Viewer officerB;

    @BeforeEach
    void twoUnits() {
        unitA = fixtures.grassroots("直播页甲站");
        unitB = fixtures.grassroots("直播页乙站");
        viewerRow = Fixtures.row(unitA.departmentCode());
        presenterRow = Fixtures.row(unitA.departmentCode());
        quietRow = Fixtures.row(unitA.departmentCode());
        OrgSetup.HrRow organiserRow = Fixtures.row(unitA.departmentCode());
        OrgSetup.HrRow coOfficerRow = Fixtures.row(unitA.departmentCode());
        outsiderRow = Fixtures.row(unitB.departmentCode());
        OrgSetup.HrRow officerBRow = Fixtures.row(unitB.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "live-pages.csv",
                List.of(viewerRow, presenterRow, quietRow, organiserRow, coOfficerRow, outsiderRow, officerBRow));
        viewer = employee(viewerRow);
        presenter = employee(presenterRow);
        quiet = employee(quietRow);
        outsider = employee(outsiderRow);
        organiser = officer(organiserRow, unitA.unit().id());
        coOfficer = officer(coOfficerRow, unitA.unit().id());
        officerB = officer(officerBRow, unitB.unit().id());
    }

    private Viewer employee(OrgSetup.HrRow row) {
        long id = fixtures.employeeId(row.employeeNo());
        return Fixtures.employee(fixtures.accountId(id), id);
    }

    private Viewer officer(OrgSetup.HrRow row, long unitId) {
        long id = fixtures.employeeId(row.employeeNo());
        Viewer v = Fixtures.officer(fixtures.accountId(id), unitId);
        return new Viewer(v.accountId(), id, v.displayName(), v.roles(), v.officerUnits(), v.careUnits(), false);
    }

    private long schedule(String audience, OffsetDateTime start, int minutes) {
        return live.schedule(organiser, new Sessions.Draft("安全生产月直播培训", "收费站安全操作规程讲解", unitA.unit().id(),
                presenter.accountId(), start, start.plusMinutes(minutes), audience,
                audience.equals("PUBLIC") ? null : unitA.unit().id(), List.of(), null, 80));
    }

    private String page(String path, Viewer as) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).with(as(as))).andReturn().getResponse();
        assertThat(r.getStatus()).as("GET %s", path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(String path, Viewer as) throws Exception {
        return mvc.perform(get(path).with(as(as))).andReturn().getResponse().getStatus();
    }

    @Test
    void theAudienceFindsItsSessionsAVisitorLogsInFirstAndComesBackAndOutsidersGet404() throws Exception {
        long subtree = schedule("SUBTREE", OffsetDateTime.now().plusHours(2), 60);
        long open = schedule("PUBLIC", OffsetDateTime.now().plusHours(3), 60);

        assertThat(page("/live", viewer)).contains("id=\"session-" + subtree + "\"", "id=\"session-" + open + "\"");
        assertThat(page("/live", outsider)).doesNotContain("id=\"session-" + subtree + "\"")
                .contains("id=\"session-" + open + "\"");
        assertThat(page("/", viewer)).contains("id=\"live-card\"", "/live/" + subtree + "\"");
        assertThat(page("/", outsider)).doesNotContain("/live/" + subtree + "\"");

        String watch = page("/live/" + subtree, viewer);
        assertThat(watch).contains("id=\"live-video\"", "playsinline", "muted", "id=\"live-countdown\"",
                "data-src=\"/live/" + subtree + "/hls/live.m3u8\"", "id=\"chat-list\"", "id=\"chat-text\"",
                "id=\"chat-send\"", "id=\"chat-question\"", "id=\"live-viewers\"", "/js/live-player-")
                .contains("data-moderator=\"false\"").doesNotContain("hls.light.min.js\"></script>", "presenter-settings");
        assertThat(status("/live/" + subtree, outsider)).isEqualTo(404);
        assertThat(status("/live/" + subtree + "/replay", outsider)).isEqualTo(404);
        assertThat(status("/live/999999999", viewer)).isEqualTo(404);

        MvcResult anonymous = mvc.perform(get("/live/" + subtree)).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
        fixtures.withPassword(viewerRow, PASSWORD);
        MockHttpSession session = (MockHttpSession) anonymous.getRequest().getSession();
        MvcResult loggedIn = mvc.perform(post("/login").session(session).with(csrf())
                .param("username", viewerRow.employeeNo()).param("password", PASSWORD)).andReturn();
        assertThat(loggedIn.getResponse().getRedirectedUrl()).contains("/live/" + subtree);
        assertThat(mvc.perform(get("/live/999999999")).andReturn().getResponse().getRedirectedUrl())
                .as("a visitor learns nothing of which sessions exist").endsWith("/login");

        String publicPage = mvc.perform(get("/live/" + open)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(publicPage).contains("id=\"live-video\"", "id=\"chat-login\"").doesNotContain("id=\"chat-text\"");
    }

    @Test
    void theWatchPageTellsEachStateAndTheReplayPlaysOnlyOnceEnded() throws Exception {
        long cancelled = schedule("SUBTREE", OffsetDateTime.now().plusDays(1), 30);
        live.cancel(organiser, cancelled);
        assertThat(page("/live/" + cancelled, viewer)).contains("id=\"live-cancelled\"")
                .doesNotContain("id=\"live-video\"", "id=\"chat-list\"");
        assertThat(page("/live", viewer)).doesNotContain("id=\"session-" + cancelled + "\"");

        long running = schedule("SUBTREE", OffsetDateTime.now().minusMinutes(5), 60);
        jdbc.sql("UPDATE live_session SET state = 'LIVE', went_live_at = now() WHERE id = ?").param(running).update();
        assertThat(page("/live/" + running, viewer)).contains("data-state=\"LIVE\"", "id=\"live-video\"")
                .doesNotContain("id=\"live-countdown\"");
        assertThat(page("/live", viewer)).contains("id=\"live-now\"", "id=\"session-" + running + "\"");
        MockHttpServletResponse early = mvc.perform(get("/live/" + running + "/replay").with(as(viewer))).andReturn()
                .getResponse();
        assertThat(early.getRedirectedUrl()).isEqualTo("/live/" + running);

        live.end(organiser, running);
        assertThat(page("/live/" + running, viewer)).contains("id=\"live-ended\"", "id=\"replay-link\"",
                "/live/" + running + "/replay").doesNotContain("id=\"live-video\"", "id=\"chat-text\"");
        String replay = page("/live/" + running + "/replay", viewer);
        assertThat(replay).contains("id=\"live-video\"", "data-mode=\"replay\"",
                "data-src=\"/live/" + running + "/hls/replay.m3u8\"");
        assertThat(page("/live", viewer)).contains("/live/" + running + "/replay");
    }

    @Test
    void officersOfAnotherUnitGet404AndOnlyTheOrganiserAndPresenterEverSeeTheKey() throws Exception {
        long id = schedule("SUBTREE", OffsetDateTime.now().plusHours(1), 60);
        String key = live.streamKey(organiser, id);

        String mine = page("/live-admin/sessions/" + id, organiser);
        assertThat(mine).contains("id=\"stream-key\"", key, "id=\"ingest-url\"",
                "ffmpeg -re -i input.mp4 -c:v libx264 -preset veryfast -tune zerolatency -g 50 -c:a aac -f hls "
                        + "-hls_time 2 -hls_list_size 6 -method PUT http://localhost/live/ingest/" + key + "/live.m3u8",
                "hls_time=2 hls_list_size=6 method=PUT", "id=\"end-session\"", "id=\"cancel-session\"");
        assertThat(page("/live-admin", organiser)).contains("id=\"admin-session-" + id + "\"");
        String colleague = page("/live-admin/sessions/" + id, coOfficer);
        assertThat(colleague).contains("id=\"key-elsewhere\"", "id=\"end-session\"").doesNotContain(key, "stream-key");
        assertThat(page("/live/" + id, presenter)).contains("id=\"presenter-settings\"", key);
        assertThat(page("/live/" + id, viewer)).doesNotContain(key, "presenter-settings");
        assertThat(page("/live/" + id, coOfficer)).doesNotContain(key).contains("data-moderator=\"true\"").doesNotContain("presenter-settings");
        assertThat(mvc.perform(get("/live/" + id + "/replay").with(as(presenter))).andReturn().getResponse()
                .getRedirectedUrl()).as("no replay before the end").isEqualTo("/live/" + id);
        assertThat(page("/live-admin/sessions/" + id + "/attendance", organiser)).doesNotContain(key);
        assertThat(mvc.perform(get("/live-admin/sessions/" + id).with(as(viewer))).andReturn().getResponse()
                .getStatus()).as("employees have no organiser pages").isEqualTo(403);

        assertThat(page("/live-admin", officerB)).doesNotContain("admin-session-" + id + "\"");
        for (String path : List.of("/live-admin/sessions/" + id, "/live-admin/sessions/" + id + "/attendance",
                "/live-admin/sessions/" + id + "/attendance.xlsx", "/live/" + id)) {
            assertThat(status(path, officerB)).as("GET %s as officer of another unit", path).isEqualTo(404);
        }
        for (String action : List.of("end", "cancel", "key", "cover")) {
            int s = mvc.perform(multipart("/live-admin/sessions/" + id + "/" + action)
                    .file("cover", Pictures.picture(64, 48, "png")).with(csrf()).with(as(officerB)))
                    .andReturn().getResponse().getStatus();
            assertThat(s).as("POST %s as officer of another unit", action).isEqualTo(404);
        }
        assertThat(live.streamKey(organiser, id)).isEqualTo(key);
        assertThat(sessions.find(id).orElseThrow().state()).isEqualTo("SCHEDULED");
        assertThat(sessions.find(id).orElseThrow().coverKey()).isNull();

        mvc.perform(post("/live-admin/sessions/" + id + "/key").with(csrf()).with(as(coOfficer)));
        assertThat(live.streamKey(organiser, id)).as("only the key holders change the key").isEqualTo(key);
        mvc.perform(post("/live-admin/sessions/" + id + "/key").with(csrf()).with(as(organiser)));
        String rotated = live.streamKey(organiser, id);
        assertThat(rotated).isNotEqualTo(key);
        assertThat(page("/live-admin/sessions/" + id, organiser)).contains(rotated).doesNotContain(key);
    }

    @Test
    void theScheduleFormChecksThePresenterAndThePeopleListedAndTheCoverIsAudited() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        String starts = start.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime().toString();
        String ends = start.plusMinutes(90).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime().toString();
        long before = count("SELECT count(*) FROM live_session WHERE host_unit_id = " + unitA.unit().id());

        String refused = mvc.perform(post("/live-admin/sessions").with(csrf()).with(as(organiser))
                        .param("title", "班组长专题会").param("unitId", Long.toString(unitA.unit().id()))
                        .param("presenterNo", presenterRow.employeeNo()).param("startsAt", starts).param("endsAt", ends)
                        .param("audience", "LIST").param("inviteeNos", viewerRow.employeeNo() + "，" + outsiderRow.employeeNo())
                        .param("attendPercent", "70"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"unknown-numbers\"", outsiderRow.employeeNo(), "班组长专题会");
        String wrongPresenter = mvc.perform(post("/live-admin/sessions").with(csrf()).with(as(organiser))
                        .param("title", "班组长专题会").param("unitId", Long.toString(unitA.unit().id()))
                        .param("presenterNo", outsiderRow.employeeNo()).param("startsAt", starts).param("endsAt", ends)
                        .param("audience", "SUBTREE"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongPresenter).contains("id=\"flash-error\"");
        assertThat(mvc.perform(post("/live-admin/sessions").with(csrf()).with(as(organiser))
                .param("title", "越权直播").param("unitId", Long.toString(unitB.unit().id()))
                .param("startsAt", starts).param("endsAt", ends).param("audience", "SUBTREE"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM live_session WHERE host_unit_id = " + unitA.unit().id())).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM live_session WHERE host_unit_id = " + unitB.unit().id())).isZero();

        MvcResult created = mvc.perform(multipart("/live-admin/sessions").file("cover", Pictures.picture(800, 450, "png"))
                .with(csrf()).with(as(organiser))
                .param("title", "班组长专题会").param("unitId", Long.toString(unitA.unit().id()))
                .param("presenterNo", presenterRow.employeeNo()).param("startsAt", starts).param("endsAt", ends)
                .param("audience", "LIST").param("inviteeNos", viewerRow.employeeNo() + "\n" + quietRow.employeeNo())
                .param("attendPercent", "70")).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/live-admin/sessions/");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Sessions.Session s = sessions.find(id).orElseThrow();
        assertThat(s.presenterAccountId()).isEqualTo(presenter.accountId());
        assertThat(s.organiserAccountId()).isEqualTo(organiser.accountId());
        assertThat(s.startsAt().toInstant()).isEqualTo(start.toInstant());
        assertThat(s.attendPercent()).isEqualTo(70);
        assertThat(s.coverKey()).isNotNull();
        assertThat(jdbc.sql("SELECT employee_id FROM live_invitee WHERE session_id = ? ORDER BY employee_id").param(id)
                .query(Long.class).list()).containsExactlyInAnyOrder(viewer.employeeId(), quiet.employeeId());
        assertThat(count("SELECT count(*) FROM audit_event WHERE target_id = '" + id
                + "' AND action IN ('live.schedule', 'live.cover')")).isEqualTo(2);
        MockHttpServletResponse cover = mvc.perform(get("/live/" + id + "/cover").with(as(viewer))).andReturn()
                .getResponse();
        assertThat(cover.getStatus()).isEqualTo(200);
        assertThat(cover.getContentType()).isEqualTo("image/jpeg");
        assertThat(status("/live/" + id + "/cover", presenter)).as("the presenter is not on the list but runs it")
                .isEqualTo(200);
        assertThat(status("/live/" + id, outsider)).isEqualTo(404);
        assertThat(page("/live-admin/sessions/" + id, organiser)).contains("id=\"presenter-name\"",
                presenterRow.name() + " (" + presenterRow.employeeNo() + ")");
        assertThat(page("/live-admin/new", organiser)).contains("id=\"session-form\"", "name=\"presenterNo\"");
    }

    @Test
    void theAttendancePageAndItsSpreadsheetTellWhatAttendanceCounts() throws Exception {
        long id = schedule("SUBTREE", OffsetDateTime.now().minusHours(2), 60);
        live.end(organiser, id);
        watched(id, viewer, "LIVE", 50 * 60_000L);
        watched(id, presenter, "LIVE", 60_000L);
        watched(id, presenter, "REPLAY", 2 * 60_000L + 30_000L);
        watched(id, quiet, "REPLAY", 0);
        Sessions.Session s = sessions.find(id).orElseThrow();
        Map<Long, Attendance.Watch> counted = attendance.of(id);
        assertThat(Attendance.attended(s, counted.get(viewer.employeeId()))).isTrue();
        assertThat(Attendance.attended(s, counted.get(presenter.employeeId()))).isFalse();
        int invited = live.invited(s).size();
        assertThat(invited).as("everyone of the station").isEqualTo(7 - 2);

        String report = page("/live-admin/sessions/" + id + "/attendance", organiser);
        assertThat(between(report, "id=\"total-invited\"")).isEqualTo(Integer.toString(invited));
        assertThat(between(report, "id=\"total-attended\"")).isEqualTo("1");
        assertThat(between(report, "id=\"total-never\"")).isEqualTo(Integer.toString(invited - 2));
        assertThat(between(report, "id=\"total-live\"")).isEqualTo("2");
        assertThat(between(report, "id=\"total-replay\"")).isEqualTo("1");
        assertThat(between(report, "id=\"total-minutes\"")).isEqualTo("51.0 / 2.5");
        String viewerLine = row(report, "person-" + viewer.employeeId());
        assertThat(viewerLine).contains(">50.0<", ">0.0<", "已出勤");
        assertThat(row(report, "person-" + presenter.employeeId())).contains(">1.0<", ">2.5<", "时长不足");
        assertThat(row(report, "person-" + quiet.employeeId())).contains("未观看");
        assertThat(row(report, "unit-" + unitA.unit().id())).contains(">" + invited + "<");
        assertThat(page("/live-admin/sessions/" + id + "/attendance?unitId=" + unitA.unit().id(), organiser))
                .contains("id=\"person-" + viewer.employeeId() + "\"");
        assertThat(status("/live-admin/sessions/" + id + "/attendance?unitId=" + unitB.unit().id(), organiser))
                .as("a subtree the organiser does not manage").isEqualTo(404);

        byte[] xlsx = mvc.perform(get("/live-admin/sessions/" + id + "/attendance.xlsx").with(as(organiser)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet people = book.getSheetAt(0);
            assertThat(people.getLastRowNum()).isEqualTo(invited);
            List<String> names = new ArrayList<>();
            for (Row r : people) {
                if (r.getRowNum() == 0) {
                    assertThat(r.getCell(4).getStringCellValue()).isEqualTo("直播分钟");
                    continue;
                }
                names.add(r.getCell(1).getStringCellValue());
                if (r.getCell(1).getStringCellValue().equals(viewerRow.employeeNo())) {
                    assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(50.0);
                    assertThat(r.getCell(6).getStringCellValue()).isEqualTo("已出勤");
                }
                if (r.getCell(1).getStringCellValue().equals(presenterRow.employeeNo())) {
                    assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(2.5);
                    assertThat(r.getCell(6).getStringCellValue()).isEqualTo("时长不足");
                }
            }
            assertThat(names).contains(viewerRow.employeeNo(), presenterRow.employeeNo(), quietRow.employeeNo());
            Sheet units = book.getSheetAt(1);
            Row total = units.getRow(units.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(invited);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(1);
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(51.0);
        }
    }

    private void watched(long sessionId, Viewer who, String mode, long ms) {
        jdbc.sql("INSERT INTO live_watch (session_id, employee_id, mode, watched_ms) VALUES (?, ?, ?, ?)")
                .params(sessionId, who.employeeId(), mode, ms).update();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The text of the element opened by {@code marker}. */
    private static String between(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start)).strip();
    }

    /** The table row whose id is given. */
    private static String row(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
