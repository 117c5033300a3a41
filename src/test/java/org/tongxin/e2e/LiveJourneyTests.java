package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.live.internal.Chat;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.support.Pictures;

/**
 * A live session on a 375-px phone: Debian's ffmpeg pushes a test pattern in real time to the ingest address; an
 * employee opens the watch page and the video plays (Chromium through hls.js); the page's heartbeats record watch
 * time; a second viewer's message appears in the first one's chat, a question is upvoted and answered and a message
 * hidden on the organiser's page; the organiser ends the session and the open watch page turns to the end with the
 * replay's link; the replay plays from the start. And an officer schedules a session with a cover on a phone.
 */
class LiveJourneyTests extends JourneyTestSupport {

    private static final String PASSWORD = "Zhibo2026ab";

    @Autowired
    LiveService live;
    @Autowired
    Chat chat;

    @Test
    void anEmployeeWatchesTheStreamChatsAndThenTheReplayOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("直播旅程工会");
        OrgSetup.HrRow watcherRow = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow secondRow = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow organiserRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "live-journey.csv",
                List.of(watcherRow, secondRow, organiserRow));
        long watcherAccount = fixtures.withPassword(watcherRow, PASSWORD);
        long organiserAccount = fixtures.withPassword(organiserRow, PASSWORD);
        fixtures.chair(organiserAccount, unit.unit().id(), false);
        long watcherId = fixtures.employeeId(watcherRow.employeeNo());
        long secondId = fixtures.employeeId(secondRow.employeeNo());
        Viewer organiser = new Viewer(organiserAccount, fixtures.employeeId(organiserRow.employeeNo()), "主席",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        Viewer second = Fixtures.employee(fixtures.accountId(secondId), secondId);
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);
        long id = live.schedule(organiser, new Sessions.Draft("收费站安全生产直播", "", unit.unit().id(), organiserAccount,
                start, start.plusMinutes(30), "SUBTREE", unit.unit().id(), List.of(), null, 80));
        String ingest = url("/live/ingest/" + live.streamKey(organiser, id) + "/live.m3u8");

        WebDriver browser = Browser.phone();
        // The chat redraws its items as changes arrive: an element looked at may be replaced meanwhile.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        ProcessBuilder push = new ProcessBuilder("ffmpeg", "-v", "error", "-re", "-f", "lavfi", "-i",
                "testsrc=size=426x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "22",
                "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-g", "25",
                "-c:a", "aac", "-f", "hls", "-hls_time", "1", "-hls_list_size", "6", "-method", "PUT", ingest)
                .redirectErrorStream(true).redirectOutput(new File("target/live-journey-ffmpeg.log"));
        Process ffmpeg = null;
        try {
            logIn(browser, watcherRow.employeeNo(), PASSWORD);
            browser.get(url("/live"));
            Browser.assertFitsThePhone(browser);
            // The page is open before the presenter starts: it finds the stream by itself, without a reload.
            browser.get(url("/live/" + id));
            assertThat(browser.findElement(By.id("live-countdown")).getText()).isEqualTo("即将开始");
            assertThat(browser.findElement(By.id("live-video")).isDisplayed()).isFalse();
            ((JavascriptExecutor) browser).executeScript("window.sameLoad = true;");
            ffmpeg = push.start();
            wait.until(d -> currentTime(d) > 1.0);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.sameLoad === true;")).isEqualTo(true);
            assertThat(browser.findElement(By.id("live-video")).getDomAttribute("data-player")).isEqualTo("hls.js");
            double first = currentTime(browser);
            wait.until(d -> currentTime(d) > first + 1.5);
            Browser.assertFitsThePhone(browser);

            long message = chat.post(second, id, "第二位观众：画面很清楚", false);
            wait.until(d -> !d.findElements(By.cssSelector("#chat-list #chat-msg-" + message)).isEmpty());
            assertThat(browser.findElement(By.id("chat-list")).getText()).contains("画面很清楚");
            browser.findElement(By.id("chat-text")).sendKeys("收到，谢谢");
            Browser.tap(browser, browser.findElement(By.id("chat-send")));
            wait.until(d -> d.findElement(By.id("chat-text")).getDomProperty("value").isEmpty());
            // However slowly a loaded machine types the next one, it comes "right after" this one.
            jdbc.sql("UPDATE live_message SET created_at = now() + interval '30 seconds' WHERE session_id = ? "
                    + "AND body = '收到，谢谢'").param(id).update();
            browser.findElement(By.id("chat-text")).sendKeys("再说一句");
            Browser.tap(browser, browser.findElement(By.id("chat-send")));
            wait.until(d -> d.findElement(By.id("chat-error")).isDisplayed());
            assertThat(browser.findElement(By.id("chat-error")).getText()).isEqualTo("发言太快了，请稍候几秒。");
            assertThat(browser.findElement(By.id("chat-text")).getDomProperty("value")).isEqualTo("再说一句");
            wait.until(d -> d.findElement(By.id("chat-list")).getText().contains("收到，谢谢"));
            browser.findElement(By.id("chat-text")).clear();
            jdbc.sql("UPDATE live_message SET created_at = created_at - interval '1 minute' WHERE session_id = ?")
                    .param(id).update();
            browser.findElement(By.id("chat-text")).sendKeys("夜班的同事能看回放吗？");
            Browser.tap(browser, browser.findElement(By.id("chat-question")));
            Browser.tap(browser, browser.findElement(By.id("chat-send")));
            Browser.tap(browser, browser.findElement(By.id("tab-questions")));
            wait.until(d -> d.findElement(By.id("question-list")).getText().contains("夜班的同事能看回放吗？"));
            long question = jdbc.sql("SELECT id FROM live_message WHERE session_id = ? AND question").param(id)
                    .query(Long.class).single();
            Browser.tap(browser, browser.findElement(By.cssSelector("#question-" + question + " .chat-upvote")));
            wait.until(d -> d.findElement(By.cssSelector("#question-" + question + " .chat-upvotes")).getText()
                    .equals("▲ 1"));
            Browser.tap(browser, browser.findElement(By.id("tab-chat")));
            Browser.screenshot(browser, "90-live-watch");

            // The first beat is sent as the video starts, the next 15 s later with the time really played.
            wait.until(d -> watchedMs(id, watcherId) >= 5_000);
            assertThat(watchedMs(id, watcherId)).isLessThanOrEqualTo(20_000);
            wait.until(d -> !d.findElement(By.id("live-viewers")).getText().equals("0"));

            logIn(browser, organiserRow.employeeNo(), PASSWORD);
            browser.get(url("/live-admin/sessions/" + id));
            assertThat(browser.findElement(By.id("stream-key")).getDomProperty("value")).isNotBlank();
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "91-live-admin-session");
            scrollTo(browser, "obs-settings");
            Browser.screenshot(browser, "91b-live-admin-encoder");
            scrollTo(browser, "live-chat");
            Browser.tap(browser, browser.findElement(By.cssSelector("#chat-msg-" + question + " .chat-answer")));
            wait.until(d -> !d.findElements(By.cssSelector("#chat-msg-" + question + " .chat-answered")).isEmpty());
            Browser.tap(browser, browser.findElement(By.cssSelector("#chat-msg-" + message + " .chat-hide")));
            wait.until(d -> d.findElement(By.id("chat-msg-" + message)).getAttribute("class").contains("tx-chat-hidden"));
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('live.chat.answer', 'live.chat.hide')"
                    + " AND target_id IN (?, ?)").params(Long.toString(question), Long.toString(message))
                    .query(Long.class).single()).isEqualTo(2);
            Browser.screenshot(browser, "91c-live-admin-chat");

            // Back on the watch page, the organiser ends the session (the end button's request): the page finds the
            // stream gone, shows the end with the replay's link, and the replay plays from the start.
            logIn(browser, watcherRow.employeeNo(), PASSWORD);
            browser.get(url("/live/" + id));
            wait.until(d -> currentTime(d) > 0.5);
            assertThat(mvc.perform(post("/live-admin/sessions/" + id + "/end").with(csrf()).with(as(organiser)))
                    .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/live-admin/sessions/" + id);
            assertThat(jdbc.sql("SELECT state FROM live_session WHERE id = ?").param(id).query(String.class).single())
                    .isEqualTo("ENDED");
            new WebDriverWait(browser, Duration.ofSeconds(40))
                    .until(d -> !d.findElements(By.id("live-ended")).isEmpty());
            Browser.screenshot(browser, "92-live-ended");
            Browser.tap(browser, browser.findElement(By.id("replay-link")));
            wait.until(d -> currentTime(d) > 1.0);
            double replayed = currentTime(browser);
            wait.until(d -> currentTime(d) > replayed + 1.0);
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "93-live-replay");
            assertThat(browser.findElement(By.id("chat-list")).getText()).contains("收到，谢谢")
                    .doesNotContain("画面很清楚");

            logIn(browser, organiserRow.employeeNo(), PASSWORD);
            browser.get(url("/live-admin/sessions/" + id + "/attendance"));
            Browser.assertFitsThePhone(browser);
            assertThat(browser.findElement(By.id("person-" + watcherId)).getText()).doesNotContain("未观看");
            assertThat(browser.findElement(By.id("total-live")).getText()).isEqualTo("1");
            Browser.screenshot(browser, "96-live-attendance");
        } finally {
            if (ffmpeg != null) {
                ffmpeg.destroyForcibly();
                ffmpeg.waitFor();
            }
        }
    }

    @Test
    void anOfficerSchedulesASessionWithACoverOnAPhoneAndTheAudienceSeesItComing() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("直播安排工会");
        OrgSetup.HrRow organiserRow = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow watcherRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "live-schedule.csv",
                List.of(organiserRow, watcherRow));
        long organiserAccount = fixtures.withPassword(organiserRow, PASSWORD);
        fixtures.withPassword(watcherRow, PASSWORD);
        fixtures.chair(organiserAccount, unit.unit().id(), false);
        Path cover = Files.createTempFile("封面", ".png");
        Files.write(cover, Pictures.picture(1280, 720, "png"));
        WebDriver browser = Browser.phone();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        try {
            logIn(browser, organiserRow.employeeNo(), PASSWORD);
            browser.get(url("/live-admin"));
            Browser.assertFitsThePhone(browser);
            Browser.tap(browser, browser.findElement(By.id("new-session")));
            browser.findElement(By.id("session-title")).sendKeys("职代会提案说明会");
            browser.findElement(By.id("session-description")).sendKeys("各班组长请准时收看。");
            browser.findElement(By.id("session-cover")).sendKeys(cover.toString());
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "94-live-schedule-form");
            Browser.tap(browser, browser.findElement(By.id("session-create")));
            wait.until(d -> !d.findElements(By.id("stream-key")).isEmpty());
            String address = browser.getCurrentUrl();
            long id = Long.parseLong(address.substring(address.lastIndexOf('/') + 1));
            assertThat(browser.findElement(By.id("ffmpeg-command")).getText()).startsWith("ffmpeg -re -i input.mp4")
                    .endsWith("/live/ingest/" + browser.findElement(By.id("stream-key")).getDomProperty("value")
                            + "/live.m3u8");
            assertThat(jdbc.sql("SELECT cover_key IS NOT NULL FROM live_session WHERE id = ?").param(id)
                    .query(Boolean.class).single()).isTrue();
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "94b-live-scheduled");

            logIn(browser, watcherRow.employeeNo(), PASSWORD);
            assertThat(browser.findElement(By.id("live-card-" + id)).getText()).contains("职代会提案说明会");
            Browser.screenshot(browser, "95-live-home-card");
            browser.get(url("/live"));
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "95b-live-list");
            Browser.tap(browser, browser.findElement(By.id("session-" + id)));
            wait.until(d -> d.findElement(By.id("live-countdown")).getText().matches("距开始 \\d\\d:\\d\\d:\\d\\d"));
            assertThat(browser.findElement(By.id("live-video")).isDisplayed()).isFalse();
            Browser.assertFitsThePhone(browser);
            Browser.screenshot(browser, "97-live-not-started");

            logIn(browser, organiserRow.employeeNo(), PASSWORD);
            browser.get(url("/live-admin/sessions/" + id));
            Browser.tap(browser, browser.findElement(By.id("cancel-session")));
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(d -> !d.findElements(By.id("flash")).isEmpty());
            assertThat(jdbc.sql("SELECT state FROM live_session WHERE id = ?").param(id).query(String.class).single())
                    .isEqualTo("CANCELLED");
            assertThat(browser.findElements(By.id("stream-key"))).isEmpty();
        } finally {
            Files.deleteIfExists(cover);
        }
    }

    private static void scrollTo(WebDriver d, String id) {
        ((JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start', "
                + "behavior: 'instant'});", id);
    }

    private static double currentTime(WebDriver d) {
        Object t = ((JavascriptExecutor) d).executeScript(
                "var v = document.getElementById('live-video'); return v ? v.currentTime : 0;");
        return t == null ? 0 : ((Number) t).doubleValue();
    }

    private long watchedMs(long sessionId, long employeeId) {
        return jdbc.sql("SELECT coalesce(sum(watched_ms), 0) FROM live_watch WHERE session_id = ? AND employee_id = ? AND mode = 'LIVE'")
                .params(sessionId, employeeId).query(Long.class).single();
    }
}
