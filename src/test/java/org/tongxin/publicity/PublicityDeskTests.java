package org.tongxin.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityMedia;
import org.tongxin.publicity.internal.PublicityReading;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Pushes;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;

/**
 * The officers' publicity desk through its pages: writing an article with a picture and a cover, submitting it and a
 * reviewer publishing it; sending back with a comment; approving for later; nobody approving their own work; a
 * video item from its clip; chat-group robots with failed pushes sent again; reach of an internal notice by name;
 * reviewers named from the unit's officers; and an officer of another unit getting nothing.
 */
class PublicityDeskTests extends IntegrationTestSupport {

    @Autowired
    PublicityService publicity;
    @Autowired
    PublicityMedia media;
    @Autowired
    PublicityReading reading;
    @Autowired
    Readership readership;
    @Autowired
    Pushes pushes;
    @Autowired
    Items items;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment otherUnit;
    Viewer writer;
    Viewer reviewer;
    Viewer otherOfficer;
    List<OrgSetup.HrRow> rows = new ArrayList<>();
    List<Viewer> people = new ArrayList<>();
    HttpServer robots;
    AtomicBoolean robotsFail = new AtomicBoolean();

    @BeforeEach
    void aUnitWithAWriterAReviewerAndPeople() throws IOException {
        unit = fixtures.grassroots("宣传台工会");
        otherUnit = fixtures.grassroots("宣传台旁站");
        rows.clear();
        people.clear();
        for (int i = 0; i < 4; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        OrgSetup.HrRow other = Fixtures.row(otherUnit.departmentCode());
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        orgSetup.importEmployees(admin, "desk.csv", rows);
        orgSetup.importEmployees(admin, "desk-other.csv", List.of(other));
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        writer = Fixtures.officerWithoutCare(people.get(0).accountId(), unit.unit().id());
        reviewer = Fixtures.officerWithoutCare(people.get(1).accountId(), unit.unit().id());
        fixtures.chair(writer.accountId(), unit.unit().id(), false);
        jdbc.sql("INSERT INTO role_grant (account_id, role, unit_id, post) VALUES (?, 'OFFICER', ?, '宣传委员')")
                .params(reviewer.accountId(), unit.unit().id()).update();
        long otherEmployee = fixtures.employeeId(other.employeeNo());
        otherOfficer = Fixtures.officerWithoutCare(fixtures.accountId(otherEmployee), otherUnit.unit().id());
        fixtures.chair(otherOfficer.accountId(), otherUnit.unit().id(), false);
        publicity.nameReviewer(writer, unit.unit().id(), reviewer.accountId());

        robots = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        robots.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = (robotsFail.get() ? "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        robots.start();
    }

    @AfterEach
    void stopRobots() {
        robots.stop(0);
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = perform(get(url).with(as(viewer)));
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** What a post left for the next page: "flash:key", "error:key" (a refusal, redirected or shown at once). */
    private String outcome(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        Object flash = result.getFlashMap().get("flash");
        Object error = result.getFlashMap().get("flashError");
        if (error == null && result.getModelAndView() != null) {
            error = result.getModelAndView().getModel().get("flashError");
        }
        return error != null ? "error:" + error : "flash:" + flash;
    }

    private long article(String title, boolean internal) {
        return publicity.create(writer, new Items.Draft("ARTICLE", title, "", "<p>正文</p>", "NEWS", unit.unit().id(),
                null, internal), null);
    }

    private long submittedWithCover(String title, boolean internal) {
        long id = article(title, internal);
        media.setCover(writer, id, Pictures.picture(600, 315, "png"));
        publicity.submit(writer, id);
        return id;
    }

    /** The element with the id, up to the end of the first section, list or article it holds or closes. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #%s", id).isPositive();
        int end = html.length();
        for (String close : List.of("</section>", "</ul>", "</article>")) {
            int at = html.indexOf(close, start);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return html.substring(start, end);
    }

    @Test
    void anArticleWrittenWithAPictureAndACoverIsSubmittedAndPublishedByTheReviewer() throws Exception {
        String form = page("/publicity-admin/items/new?kind=ARTICLE", writer);
        assertThat(form).contains("id=\"item-title\"", "id=\"item-category\"", "id=\"item-body\"", "id=\"item-create\"",
                unit.unit().name());
        MvcResult created = mvc.perform(multipart("/publicity-admin/items").param("kind", "ARTICLE")
                .param("unitId", Long.toString(unit.unit().id())).param("title", "收费站开展安全生产月活动")
                .param("category", "SAFETY").param("summary", "").param("body", "<h2>活动现场</h2><p>职工踊跃参加。</p>")
                .with(csrf()).with(as(writer))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/publicity-admin/items/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("DRAFT");

        String editor = page(location, writer);
        assertThat(editor).contains("id=\"picture-file\"", "id=\"cover-file\"", "id=\"cover-upload\"", "id=\"item-save\"",
                "id=\"item-submit\"", "&lt;h2&gt;活动现场&lt;/h2&gt;", "/js/publicity-editor-", "href=\"/p/" + id + "\"");

        // The editor's script uploads a picture alone and asks for JSON, then puts the figure into the body.
        MockHttpServletResponse json = perform(multipart(location + "/pictures")
                .file(new MockMultipartFile("picture", "现场.png", "image/png", Pictures.picture(1600, 1200, "png")))
                .accept(MediaType.APPLICATION_JSON).with(csrf()).with(as(writer)));
        assertThat(json.getStatus()).isEqualTo(200);
        String answer = json.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).containsPattern("\"url\":\"/publicity/pictures/\\d+/image\"").containsPattern("\"id\":\\d+");
        String url = answer.replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        MockHttpServletResponse refused = perform(multipart(location + "/pictures")
                .file(new MockMultipartFile("picture", "x.png", "image/png", "not a picture".getBytes()))
                .accept(MediaType.APPLICATION_JSON).with(csrf()).with(as(writer)));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"error\"");

        String body = "<h2>活动现场</h2><figure><img src=\"" + url + "\" alt=\"\"></figure><p>职工踊跃参加。</p>";
        assertThat(outcome(multipart(location).param("title", "收费站开展安全生产月活动").param("category", "SAFETY")
                .param("summary", "").param("body", body).param("externalUrl", "").with(csrf()).with(as(writer))))
                .isEqualTo("flash:publicity.desk.saved");
        assertThat(items.find(id).orElseThrow().bodyHtml()).contains("<img src=\"" + url + "\"");

        // Without the script the form comes along and the figure lands at the end of the body.
        assertThat(outcome(multipart(location + "/pictures")
                .file(new MockMultipartFile("picture", "合影.png", "image/png", Pictures.picture(800, 600, "png")))
                .param("title", "收费站开展安全生产月活动").param("category", "SAFETY").param("summary", "")
                .param("body", body).with(csrf()).with(as(writer)))).isEqualTo("flash:publicity.desk.pictureAdded");
        assertThat(media.pictures(id)).hasSize(2);
        String second = media.pictures(id).get(1).imageUrl();
        assertThat(items.find(id).orElseThrow().bodyHtml()).contains(url).endsWith("<img src=\"" + second + "\" alt=\"\" /></figure>");
        assertThat(page(location, writer)).contains("id=\"picture-" + media.pictures(id).get(1).id() + "\"");

        assertThat(outcome(post(location + "/submit").with(csrf()).with(as(writer))))
                .isEqualTo("error:publicity.error.coverRequired");
        assertThat(outcome(multipart(location + "/cover")
                .file(new MockMultipartFile("cover", "封面.png", "image/png", Pictures.picture(1200, 630, "png")))
                .with(csrf()).with(as(writer)))).isEqualTo("flash:publicity.desk.coverSaved");
        MockHttpServletResponse cover = perform(get(location + "/cover").with(as(writer)));
        assertThat(cover.getStatus()).isEqualTo(200);
        assertThat(cover.getContentType()).startsWith("image/");
        assertThat(page(location, writer)).contains("id=\"cover-preview\"", location + "/cover?v=");

        assertThat(outcome(post(location + "/submit").with(csrf()).with(as(writer))))
                .isEqualTo("flash:publicity.desk.submitted");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("SUBMITTED");
        assertThat(section(page("/publicity-admin", writer), "stage-SUBMITTED")).contains("收费站开展安全生产月活动");
        assertThat(page(location, writer)).contains("id=\"awaiting\"").doesNotContain("id=\"item-save\"");

        String desk = page("/publicity-admin", reviewer);
        assertThat(desk).contains("id=\"review-link\"");
        String queue = page("/publicity-admin/review", reviewer);
        assertThat(queue).contains("id=\"approve-" + id + "\"", "id=\"send-back-" + id + "\"",
                "id=\"schedule-" + id + "\"", "href=\"/p/" + id + "\"", "收费站开展安全生产月活动");
        assertThat(outcome(post("/publicity-admin/items/" + id + "/approve").with(csrf()).with(as(reviewer))))
                .isEqualTo("flash:publicity.desk.published");
        Items.Item published = items.find(id).orElseThrow();
        assertThat(published.status()).isEqualTo("PUBLISHED");
        assertThat(published.approvedBy()).isEqualTo(reviewer.accountId());
        assertThat(page("/publicity-admin/review", reviewer)).doesNotContain("id=\"approve-" + id + "\"");
        String view = page(location, writer);
        assertThat(view).contains("id=\"item-withdraw\"", "id=\"reach-link\"", "<h2>活动现场</h2>", url);

        assertThat(outcome(post(location + "/withdraw").param("reason", " ").with(csrf()).with(as(writer))))
                .isEqualTo("error:publicity.error.reasonRequired");
        assertThat(outcome(post(location + "/withdraw").param("reason", "数据有误").with(csrf()).with(as(writer))))
                .isEqualTo("flash:publicity.desk.withdrawn");
        assertThat(page(location, writer)).contains("id=\"withdrawn-reason\"", "数据有误");
    }

    @Test
    void anItemSentBackShowsTheCommentOnTheDeskAndInTheEditor() throws Exception {
        long id = submittedWithCover("职工书屋开放通知", false);
        assertThat(outcome(post("/publicity-admin/items/" + id + "/send-back").param("comment", "")
                .with(csrf()).with(as(reviewer)))).isEqualTo("error:publicity.error.commentRequired");
        assertThat(outcome(post("/publicity-admin/items/" + id + "/send-back").param("comment", "请补充开放时间")
                .with(csrf()).with(as(reviewer)))).isEqualTo("flash:publicity.desk.sentBack");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("RETURNED");

        String desk = page("/publicity-admin", writer);
        assertThat(section(desk, "stage-RETURNED")).contains("职工书屋开放通知", "请补充开放时间");
        assertThat(page("/publicity-admin?status=RETURNED", writer)).contains("职工书屋开放通知")
                .doesNotContain("id=\"stage-DRAFT\"");
        String editor = page("/publicity-admin/items/" + id, writer);
        assertThat(editor).contains("id=\"return-comment\"", "请补充开放时间", "id=\"item-save\"");
        // Saving with an empty title is refused and what was typed stays in the form.
        assertThat(outcome(post("/publicity-admin/items/" + id).param("title", " ").param("category", "NEWS")
                .param("body", "<p>开放时间：周一至周五</p>").with(csrf()).with(as(writer))))
                .isEqualTo("error:publicity.error.titleRequired");
        String again = perform(post("/publicity-admin/items/" + id).param("title", " ").param("category", "NEWS")
                .param("body", "<p>开放时间：周一至周五</p>").with(csrf()).with(as(writer))).getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("开放时间：周一至周五", "id=\"flash-error\"");
        assertThat(outcome(post("/publicity-admin/items/" + id + "/submit").param("title", "职工书屋开放通知")
                .param("category", "NOTICE").param("body", "<p>开放时间：周一至周五</p>").with(csrf()).with(as(writer))))
                .isEqualTo("flash:publicity.desk.submitted");
        Items.Item resubmitted = items.find(id).orElseThrow();
        assertThat(resubmitted.status()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.category()).isEqualTo("NOTICE");
        assertThat(resubmitted.bodyHtml()).contains("周一至周五");
    }

    @Test
    void approvedForALaterMomentItWaitsOnTheDeskAsScheduled() throws Exception {
        long id = submittedWithCover("端午节慰问一线职工", false);
        assertThat(outcome(post("/publicity-admin/items/" + id + "/approve").param("publishAt", "明天")
                .with(csrf()).with(as(reviewer)))).isEqualTo("error:publicity.desk.badMoment");
        LocalDateTime at = LocalDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES).withHour(9).withMinute(30);
        assertThat(outcome(post("/publicity-admin/items/" + id + "/approve").param("publishAt", at.toString())
                .with(csrf()).with(as(reviewer)))).isEqualTo("flash:publicity.desk.scheduled");
        Items.Item item = items.find(id).orElseThrow();
        assertThat(item.status()).isEqualTo("SUBMITTED");
        assertThat(item.publishAt().toInstant()).isEqualTo(at.atZone(java.time.ZoneId.systemDefault()).toInstant());
        String scheduled = section(page("/publicity-admin", writer), "stage-SCHEDULED");
        assertThat(scheduled).contains("端午节慰问一线职工", at.toLocalDate() + " 09:30");
        assertThat(page("/publicity-admin/items/" + id, writer)).contains("id=\"scheduled-at\"");
        assertThat(page("/publicity-admin/review", reviewer)).doesNotContain("id=\"approve-" + id + "\"");
        jdbc.sql("UPDATE publicity_item SET publish_at = now() - interval '1 minute' WHERE id = ?").param(id).update();
        assertThat(publicity.publishDue()).isEqualTo(1);
        assertThat(section(page("/publicity-admin", writer), "stage-PUBLISHED")).contains("端午节慰问一线职工");
    }

    @Test
    void aReviewerCannotApproveTheirOwnWork() throws Exception {
        publicity.nameReviewer(reviewer, unit.unit().id(), writer.accountId());
        long id = submittedWithCover("劳模风采：收费员王芳", false);
        String queue = page("/publicity-admin/review", writer);
        assertThat(queue).contains("劳模风采：收费员王芳").doesNotContain("id=\"approve-" + id + "\"");
        assertThat(section(queue, "waiting-" + id)).contains("您撰写或提交");
        assertThat(outcome(post("/publicity-admin/items/" + id + "/approve").with(csrf()).with(as(writer))))
                .isEqualTo("error:publicity.error.ownWork");
        assertThat(outcome(post("/publicity-admin/items/" + id + "/send-back").param("comment", "自己退回")
                .with(csrf()).with(as(writer)))).isEqualTo("error:publicity.error.ownWork");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo("SUBMITTED");
        assertThat(page("/publicity-admin/items/" + id, writer)).contains("id=\"own-work\"")
                .doesNotContain("id=\"approve-" + id + "\"");
        assertThat(page("/publicity-admin/items/" + id, reviewer)).contains("id=\"approve-" + id + "\"");
    }

    @Test
    void aVideoItemIsCreatedFromItsClip() throws Exception {
        String form = page("/publicity-admin/items/new?kind=VIDEO&unit=" + unit.unit().id(), writer);
        assertThat(form).contains("id=\"video-file\"", "accept=\"video/mp4\"", media.videoMaxMb() + " MB");
        byte[] clip = new ClassPathResource("training/clip.mp4").getContentAsByteArray();
        MvcResult created = mvc.perform(multipart("/publicity-admin/items")
                .file(new MockMultipartFile("file", "一分钟看懂职工书屋.mp4", "video/mp4", clip))
                .param("kind", "VIDEO").param("unitId", Long.toString(unit.unit().id()))
                .param("title", "一分钟看懂职工书屋").param("category", "CULTURE").param("body", "")
                .param("externalUrl", "https://www.douyin.com/user/example").with(csrf()).with(as(writer))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String location = created.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Items.Item video = items.find(id).orElseThrow();
        assertThat(video.kind()).isEqualTo("VIDEO");
        assertThat(video.videoKey()).isNotNull();
        assertThat(video.externalUrl()).isEqualTo("https://www.douyin.com/user/example");
        assertThat(media.video(video)).isPresent();
        assertThat(page(location, writer)).contains("id=\"item-video\"", "/publicity/items/" + id + "/video",
                "https://www.douyin.com/user/example");

        String refused = perform(multipart("/publicity-admin/items")
                .file(new MockMultipartFile("file", "假视频.mp4", "video/mp4", "%PDF-1.4 not a video".getBytes()))
                .param("kind", "VIDEO").param("unitId", Long.toString(unit.unit().id())).param("title", "坏文件")
                .param("category", "CULTURE").with(csrf()).with(as(writer))).getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"flash-error\"", "坏文件");
        assertThat(outcome(multipart("/publicity-admin/items").param("kind", "VIDEO")
                .param("unitId", Long.toString(unit.unit().id())).param("title", "没有文件").param("category", "CULTURE")
                .with(csrf()).with(as(writer)))).isEqualTo("error:file.empty");
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_item WHERE title IN ('坏文件', '没有文件')")
                .query(Long.class).single()).isZero();
    }

    private long audits(String action, long unitId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND unit_id = ?").params(action, unitId)
                .query(Long.class).single();
    }

    @Test
    void robotsAreAddedAndSwitchedOffAndAFailedPushIsSentAgain() throws Exception {
        long unitId = unit.unit().id();
        String hook = "http://localhost:" + robots.getAddress().getPort() + "/cgi-bin/webhook/send?key=desk-secret-key";
        assertThat(outcome(post("/publicity-admin/robots").param("unitId", Long.toString(unitId)).param("kind", "WECOM")
                .param("name", "外网群").param("url", "https://evil.example/hook").with(csrf()).with(as(writer))))
                .isEqualTo("error:publicity.error.badWebhook");
        assertThat(outcome(post("/publicity-admin/robots").param("unitId", Long.toString(unitId)).param("kind", "WECOM")
                .param("name", "收费站工作群").param("url", hook).with(csrf()).with(as(writer))))
                .isEqualTo("flash:publicity.desk.robotAdded");
        assertThat(audits("publicity.webhook.add", unitId)).isEqualTo(1);
        long webhookId = pushes.ofUnit(unitId).getFirst().id();
        String page = page("/publicity-admin/robots?unit=" + unitId, writer);
        assertThat(section(page, "robots")).contains("收费站工作群", "/cgi-bin/webhook/send?…").doesNotContain("desk-secret-key");

        robotsFail.set(true);
        long id = submittedWithCover("安全生产月启动", false);
        publicity.approve(reviewer, id, null);
        pushes.deliverDue(100);
        jdbc.sql("UPDATE publicity_push SET attempts = 5, next_attempt_at = now() WHERE item_id = ?").param(id).update();
        pushes.deliverDue(100);
        Pushes.Push failed = pushes.ofItem(id).getFirst();
        assertThat(failed.status()).isEqualTo("FAILED");
        String failures = section(page("/publicity-admin/robots", writer), "failed-pushes");
        assertThat(failures).contains("安全生产月启动", "收费站工作群", "93000", "id=\"retry-" + failed.id() + "\"");
        String itemPage = page("/publicity-admin/items/" + id, writer);
        assertThat(section(itemPage, "pushes")).contains("收费站工作群", "93000", "id=\"retry-" + failed.id() + "\"");

        robotsFail.set(false);
        assertThat(outcome(post("/publicity-admin/pushes/" + failed.id() + "/retry").param("itemId", Long.toString(id))
                .with(csrf()).with(as(writer)))).isEqualTo("flash:publicity.desk.retrying");
        assertThat(pushes.ofItem(id).getFirst().status()).isEqualTo("PENDING");
        assertThat(audits("publicity.push.retry", unitId)).isEqualTo(1);
        pushes.deliverDue(100);
        assertThat(pushes.ofItem(id).getFirst().status()).isEqualTo("SENT");
        assertThat(section(page("/publicity-admin/items/" + id, writer), "pushes")).contains("已发送");
        assertThat(page("/publicity-admin/robots", writer)).doesNotContain("id=\"failed-" + failed.id() + "\"");

        assertThat(outcome(post("/publicity-admin/robots/" + webhookId + "/deactivate")
                .param("unit", Long.toString(unitId)).with(csrf()).with(as(writer)))).isEqualTo("flash:publicity.desk.robotOff");
        assertThat(pushes.ofUnit(unitId).getFirst().active()).isFalse();
        assertThat(audits("publicity.webhook.deactivate", unitId)).isEqualTo(1);
        assertThat(page("/publicity-admin/robots?unit=" + unitId, writer)).doesNotContain("id=\"deactivate-" + webhookId + "\"");
    }

    @Test
    void theReachOfAnInternalNoticeListsWhoHasReadItAndWhoHasNot() throws Exception {
        long id = submittedWithCover("关于开展职工体检的通知", true);
        publicity.approve(reviewer, id, null);
        Viewer reader = people.get(2);
        assertThat(reading.countRead(reading.open(reader, id), reader, null)).isTrue();
        readership.shared(id, "WECHAT", LocalDate.now());
        readership.shared(id, "POSTER", LocalDate.now());

        String reach = page("/publicity-admin/items/" + id + "/reach", writer);
        assertThat(reach).contains("id=\"reach-readers\">1<", "id=\"reach-logged-in\">1<", "id=\"reach-shares\">2<");
        assertThat(section(reach, "shares-by-channel")).contains("微信", "海报");
        assertThat(section(reach, "readers-by-unit")).contains(unit.unit().name());
        assertThat(reach).contains("已读：1", "未读：3");
        String read = section(reach, "read");
        String notRead = section(reach, "not-read");
        assertThat(read).contains(rows.get(2).name()).doesNotContain(rows.get(3).name());
        assertThat(notRead).contains(rows.get(0).name(), rows.get(1).name(), rows.get(3).name())
                .doesNotContain(rows.get(2).name());
        assertThat(perform(get("/publicity-admin/items/" + id + "/reach?unit=" + otherUnit.unit().id())
                .with(as(writer))).getStatus()).isEqualTo(404);

        long open = submittedWithCover("公开稿件", false);
        publicity.approve(reviewer, open, null);
        assertThat(page("/publicity-admin/items/" + open + "/reach", writer)).doesNotContain("id=\"internal-reach\"")
                .doesNotContain(rows.get(0).name());
    }

    @Test
    void reviewersAreNamedFromTheOfficersOfTheUnitAndRemoved() throws Exception {
        String page = page("/publicity-admin/reviewers?unit=" + unit.unit().id(), writer);
        assertThat(section(page, "named-reviewers")).contains(rows.get(1).name());
        assertThat(page).contains("id=\"reviewer-account\"", rows.get(0).name())
                .doesNotContain("value=\"" + otherOfficer.accountId() + "\"");
        assertThat(outcome(post("/publicity-admin/reviewers").param("unitId", Long.toString(unit.unit().id()))
                .param("accountId", Long.toString(otherOfficer.accountId())).with(csrf()).with(as(writer))))
                .isEqualTo("error:publicity.desk.notAnOfficerHere");
        assertThat(outcome(post("/publicity-admin/reviewers").param("unitId", Long.toString(unit.unit().id()))
                .param("accountId", Long.toString(writer.accountId())).with(csrf()).with(as(reviewer))))
                .isEqualTo("flash:publicity.desk.reviewerNamed");
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_reviewer WHERE unit_id = ?").param(unit.unit().id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(page("/publicity-admin", writer)).contains("id=\"review-link\"");
        assertThat(outcome(post("/publicity-admin/reviewers").param("unitId", Long.toString(unit.unit().id()))
                .param("accountId", Long.toString(reviewer.accountId())).param("action", "remove")
                .with(csrf()).with(as(writer)))).isEqualTo("flash:publicity.desk.reviewerRemoved");
        assertThat(jdbc.sql("SELECT account_id FROM publicity_reviewer WHERE unit_id = ?").param(unit.unit().id())
                .query(Long.class).list()).containsExactly(writer.accountId());
        assertThat(audits("publicity.reviewer.remove", unit.unit().id())).isEqualTo(1);
    }

    @Test
    void anOfficerOfAnotherUnitGetsNothingOfTheUnitsItems() throws Exception {
        long draft = article("甲站草稿", false);
        media.setCover(writer, draft, Pictures.picture(300, 200, "png"));
        long published = submittedWithCover("甲站已发布", true);
        publicity.approve(reviewer, published, null);
        long waiting = submittedWithCover("甲站待审", false);
        long hook = pushes.add(writer, unit.unit().id(), "WECOM", "甲站群",
                "http://localhost:" + robots.getAddress().getPort() + "/cgi-bin/webhook/send?key=a", null);
        long toPush = submittedWithCover("甲站推送", false);
        publicity.approve(reviewer, toPush, null);
        long push = pushes.ofItem(toPush).getFirst().id();

        for (String url : List.of("/publicity-admin/items/" + draft, "/publicity-admin/items/" + draft + "/cover",
                "/publicity-admin/items/" + published + "/reach", "/publicity-admin/items/" + waiting,
                "/publicity-admin/robots?unit=" + unit.unit().id(), "/publicity-admin/reviewers?unit=" + unit.unit().id())) {
            assertThat(perform(get(url).with(as(otherOfficer))).getStatus()).as("GET %s", url).isIn(403, 404);
        }
        List<AbstractMockHttpServletRequestBuilder<?>> forged = List.of(
                multipart("/publicity-admin/items/" + draft).param("title", "越权改稿").param("category", "NEWS")
                        .param("body", "<p>越权</p>"),
                multipart("/publicity-admin/items/" + draft + "/pictures")
                        .file(new MockMultipartFile("picture", "p.png", "image/png", Pictures.picture(40, 30, "png")))
                        .accept(MediaType.APPLICATION_JSON),
                multipart("/publicity-admin/items/" + draft + "/cover")
                        .file(new MockMultipartFile("cover", "c.png", "image/png", Pictures.picture(40, 30, "png"))),
                post("/publicity-admin/items/" + draft + "/submit"),
                post("/publicity-admin/items/" + waiting + "/approve"),
                post("/publicity-admin/items/" + waiting + "/send-back").param("comment", "越权退回"),
                post("/publicity-admin/items/" + published + "/withdraw").param("reason", "越权撤稿"),
                post("/publicity-admin/robots/" + hook + "/deactivate"),
                post("/publicity-admin/pushes/" + push + "/retry"),
                multipart("/publicity-admin/items").param("kind", "ARTICLE").param("unitId", Long.toString(unit.unit().id()))
                        .param("title", "越权新稿").param("category", "NEWS").param("body", "<p>越权</p>"),
                post("/publicity-admin/robots").param("unitId", Long.toString(unit.unit().id())).param("kind", "WECOM")
                        .param("name", "越权群").param("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"),
                post("/publicity-admin/reviewers").param("unitId", Long.toString(unit.unit().id()))
                        .param("accountId", Long.toString(otherOfficer.accountId())));
        for (AbstractMockHttpServletRequestBuilder<?> request : forged) {
            MockHttpServletResponse response = perform(request.with(csrf()).with(as(otherOfficer)));
            assertThat(response.getStatus()).as("%s", response.getRedirectedUrl()).isIn(403, 404);
        }
        assertThat(items.find(draft).orElseThrow().title()).isEqualTo("甲站草稿");
        assertThat(items.find(draft).orElseThrow().status()).isEqualTo("DRAFT");
        assertThat(media.pictures(draft)).isEmpty();
        assertThat(items.find(waiting).orElseThrow().status()).isEqualTo("SUBMITTED");
        assertThat(items.find(published).orElseThrow().status()).isEqualTo("PUBLISHED");
        assertThat(pushes.ofUnit(unit.unit().id())).singleElement().satisfies(w -> assertThat(w.active()).isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_item WHERE title = '越权新稿'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM publicity_reviewer WHERE account_id = ?").param(otherOfficer.accountId())
                .query(Long.class).single()).isZero();
        String desk = page("/publicity-admin", otherOfficer);
        assertThat(desk).doesNotContain("甲站草稿", "甲站待审", "甲站已发布");
        assertThat(page("/publicity-admin/review", otherOfficer)).doesNotContain("甲站待审");
        assertThat(page("/publicity-admin/robots", otherOfficer)).doesNotContain("甲站群");
    }
}
