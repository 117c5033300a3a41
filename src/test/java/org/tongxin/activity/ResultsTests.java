package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.tongxin.support.Fixtures.as;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.Pictures;

/**
 * Results shared: the lead body's officers publish a summary with photos once the activity has ended; the
 * photos are resized; a bad file refuses the whole summary; every host's unit page shows it; the audience
 * sees how many came, the hosts' officers also who.
 */
class ResultsTests extends PageTestSupport {

    @Autowired
    ActivitySetup activities;
    @Autowired
    FileStore files;

    Fixtures.UnitWithDepartment lead;
    Fixtures.UnitWithDepartment coHost;
    Fixtures.UnitWithDepartment other;
    Viewer leadOfficer;
    Viewer coHostOfficer;
    Viewer otherOfficer;
    Viewer attendee;
    Viewer outsider;
    List<OrgSetup.HrRow> attendees;
    long coHostChair;

    @BeforeEach
    void threeUnits() {
        lead = fixtures.grassroots("成果主办工会");
        coHost = fixtures.grassroots("成果协办工会");
        other = fixtures.grassroots("成果无关工会");
        attendees = List.of(Fixtures.row(lead.departmentCode()), Fixtures.row(lead.departmentCode()),
                Fixtures.row(lead.departmentCode()));
        OrgSetup.HrRow leadChair = Fixtures.row(lead.departmentCode());
        OrgSetup.HrRow coHostChair = Fixtures.row(coHost.departmentCode());
        OrgSetup.HrRow otherChair = Fixtures.row(other.departmentCode());
        OrgSetup.HrRow stranger = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "results.csv", List.of(attendees.get(0),
                attendees.get(1), attendees.get(2), leadChair, coHostChair, otherChair, stranger));
        leadOfficer = Fixtures.officer(account(leadChair), lead.unit().id());
        coHostOfficer = Fixtures.officer(account(coHostChair), coHost.unit().id());
        fixtures.chair(coHostOfficer.accountId(), coHost.unit().id(), false);
        this.coHostChair = fixtures.employeeId(coHostChair.employeeNo());
        otherOfficer = Fixtures.officer(account(otherChair), other.unit().id());
        attendee = employee(attendees.getFirst());
        outsider = employee(stranger);
    }

    private long account(OrgSetup.HrRow row) {
        return fixtures.accountId(fixtures.employeeId(row.employeeNo()));
    }

    private Viewer employee(OrgSetup.HrRow row) {
        long id = fixtures.employeeId(row.employeeNo());
        return Fixtures.employee(fixtures.accountId(id), id);
    }

    /**
     * An activity for the lead unit's people, co-hosted, from {@code startsAt} for two hours; all three came
     * (those checked in before it has ended).
     */
    private long activity(String title, OffsetDateTime startsAt) {
        long id = activities.activity(title, "CULTURE_SPORTS", "", "职工之家", startsAt, startsAt.plusHours(2),
                startsAt.minusDays(14), startsAt.minusDays(1), 10, "EMPLOYEES", lead.unit().id(), false,
                lead.unit().id(), List.of(coHost.unit().id()), "PUBLISHED", fixtures.adminAccountId());
        for (OrgSetup.HrRow r : attendees) {
            activities.register(id, fixtures.employeeId(r.employeeNo()), true);
            activities.checkIn(id, fixtures.employeeId(r.employeeNo()), startsAt.minusMinutes(10));
        }
        return id;
    }

    private long pastActivity(String title) {
        return activity(title, OffsetDateTime.now().minusDays(2));
    }

    private static MockMultipartFile photo(byte[] content, String name) {
        return new MockMultipartFile("photos", name, "image/jpeg", content);
    }

    private MockMultipartHttpServletRequestBuilder publish(long activityId, Viewer officer, MockMultipartFile... photos) {
        MockMultipartHttpServletRequestBuilder request = multipart("/activity-results/" + activityId);
        for (MockMultipartFile p : photos) {
            request.file(p);
        }
        request.param("outcomes", "三个单位的职工参加，增进了交流。");
        request.with(csrf()).with(as(officer));
        return request;
    }

    private long summaries(long activityId) {
        return jdbc.sql("SELECT count(*) FROM activity_summary WHERE activity_id = ?").param(activityId)
                .query(Long.class).single();
    }

    private String status(long activityId) {
        return jdbc.sql("SELECT status FROM activity WHERE id = ?").param(activityId).query(String.class).single();
    }

    @Test
    void onlyTheLeadBodysOfficersPublishAndOnlyOnceTheActivityHasEnded() throws Exception {
        long future = activity("尚未结束的比赛", OffsetDateTime.now().minusHours(1));
        String refused = text(publish(future, leadOfficer));
        assertThat(refused).contains("活动结束后才能发布成果");
        assertThat(page("/activity-results/" + future, leadOfficer)).contains("活动结束后，主办单位的工会干部可以在这里发布活动成果")
                .doesNotContain("id=\"summary-form\"");
        assertThat(summaries(future)).isZero();

        long past = pastActivity("已结束的比赛");
        assertThat(page("/activity-results", leadOfficer)).contains("id=\"results-awaiting\"").contains("已结束的比赛");
        assertThat(page("/activity-results/" + past, leadOfficer)).contains("id=\"summary-form\"");
        assertThat(page("/activity-results/" + past, coHostOfficer)).doesNotContain("id=\"summary-form\"");
        assertThat(perform(publish(past, coHostOfficer)).getStatus()).isEqualTo(404);
        assertThat(perform(publish(past, otherOfficer)).getStatus()).isEqualTo(404);
        assertThat(perform(publish(past, attendee)).getStatus()).isEqualTo(403);
        assertThat(summaries(past)).isZero();

        MockHttpServletResponse done = perform(publish(past, leadOfficer,
                photo(Pictures.picture(1600, 1200, "png"), "合影.png")));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/activity-results/" + past);
        assertThat(summaries(past)).isOne();
        assertThat(status(past)).isEqualTo("SUMMARISED");
        assertThat(jdbc.sql("SELECT after FROM audit_event WHERE action = 'activity.summary' AND target_id = ?")
                .param(Long.toString(past)).query(String.class).single()).contains("photos: 1").contains("attended: 3");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND title = '活动成果已发布：已结束的比赛'")
                .param(coHostChair).query(Long.class).single() == 1);
        assertThat(text(publish(past, leadOfficer)))
                .contains("这个活动的成果已经发布过了");
    }

    @Test
    void photosAreStoredAsAThumbnailAndAPhoneSizeImageServedForAYear() throws Exception {
        long id = pastActivity("照片缩放");
        perform(publish(id, leadOfficer, photo(Pictures.picture(1600, 1200, "png"), "a.png"),
                photo(Pictures.picture(3000, 2000, "jpg"), "b.jpg")));
        List<Map<String, Object>> photos = jdbc.sql("""
                        SELECT id, thumb_key, thumb_width, thumb_height, image_key, image_width, image_height
                        FROM activity_photo WHERE activity_id = ? ORDER BY position""")
                .param(id).query().listOfRows();
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0)).containsEntry("thumb_width", 320).containsEntry("thumb_height", 240)
                .containsEntry("image_width", 1080).containsEntry("image_height", 810);
        assertThat(photos.get(1)).containsEntry("thumb_width", 320).containsEntry("thumb_height", 213)
                .containsEntry("image_width", 1080).containsEntry("image_height", 720);
        FileStore.Image thumb = files.readImage((String) photos.get(0).get("thumb_key")).orElseThrow();
        assertThat(thumb.mediaType()).isEqualTo("image/jpeg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(thumb.content()));
        assertThat(stored.getWidth()).isEqualTo(320);
        assertThat(stored.getHeight()).isEqualTo(240);
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(
                files.readImage((String) photos.get(1).get("image_key")).orElseThrow().content()));
        assertThat(large.getWidth()).isEqualTo(1080);

        MockHttpServletResponse served = perform(get("/activity-results/photos/" + photos.get(0).get("id") + "/thumb")
                .with(as(attendee)));
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).startsWith("image/jpeg");
        assertThat(served.getHeader("Cache-Control")).contains("max-age=31536000").contains("immutable")
                .contains("private");
        assertThat(served.getContentAsByteArray()).isEqualTo(thumb.content());
        assertThat(page("/activity-results/" + id, attendee)).contains("id=\"summary-gallery\"")
                .contains("/activity-results/photos/" + photos.get(0).get("id") + "/thumb")
                .contains("/activity-results/photos/" + photos.get(1).get("id") + "\"");
    }

    @Test
    void aFileThatIsNotAPhotoRefusesTheWholeSummary() throws Exception {
        long id = pastActivity("混入文档");
        byte[] good = Pictures.picture(800, 600, "png");
        String page = text(publish(id, leadOfficer, photo(good, "a.png"),
                photo("这不是照片".getBytes(StandardCharsets.UTF_8), "b.jpg")));
        assertThat(page).contains("只能上传 JPEG、PNG 或 WebP 格式的照片").contains("三个单位的职工参加，增进了交流。");
        byte[] broken = Arrays.copyOf(Pictures.picture(800, 600, "png"), 60);
        assertThat(text(publish(id, leadOfficer, photo(good, "a.png"), photo(broken, "c.png"))))
                .contains("有照片无法读取");
        MockMultipartFile[] many = new MockMultipartFile[21];
        Arrays.fill(many, photo(Pictures.picture(20, 20, "png"), "d.png"));
        assertThat(text(publish(id, leadOfficer, many)))
                .contains("照片最多 20 张");
        assertThat(summaries(id)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM activity_photo WHERE activity_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(status(id)).isEqualTo("PUBLISHED");
    }

    @Test
    void theSummaryShowsOnTheLeadsAndEveryCoHostsUnitPage() throws Exception {
        long id = pastActivity("联合主办的联谊会");
        perform(publish(id, leadOfficer, photo(Pictures.picture(1200, 900, "jpg"), "a.jpg")));
        long photoId = jdbc.sql("SELECT id FROM activity_photo WHERE activity_id = ?").param(id).query(Long.class).single();
        for (Map.Entry<Viewer, Long> host : Map.of(leadOfficer, lead.unit().id(), coHostOfficer, coHost.unit().id())
                .entrySet()) {
            assertThat(page("/org/units/" + host.getValue(), host.getKey())).contains("id=\"results-panel\"")
                    .contains("联合主办的联谊会").contains("href=\"/activity-results/" + id + "\"")
                    .contains("/activity-results/photos/" + photoId + "/thumb");
        }
        assertThat(page("/org/units/" + other.unit().id(), otherOfficer)).contains("id=\"results-panel\"")
                .doesNotContain("联合主办的联谊会");
        assertThat(page("/activity-results/" + id, coHostOfficer)).contains("id=\"activity-summary\"")
                .contains("成果主办工会").contains("成果协办工会");
    }

    @Test
    void theAudienceSeesHowManyCameAndOnlyTheHostsOfficersSeeWho() throws Exception {
        long id = pastActivity("签到统计");
        perform(publish(id, leadOfficer, photo(Pictures.picture(600, 400, "png"), "a.png")));
        long photoId = jdbc.sql("SELECT id FROM activity_photo WHERE activity_id = ?").param(id).query(Long.class).single();
        String names = attendees.get(1).name();
        assertThat(page("/activity-results/" + id, attendee)).contains("3 人签到参加").doesNotContain(names)
                .doesNotContain("id=\"summary-attendees\"");
        assertThat(page("/activity-results/" + id, leadOfficer)).contains("id=\"summary-attendees\"").contains(names);
        assertThat(page("/activity-results/" + id, coHostOfficer)).contains(names);
        assertThat(page("/activity-results", attendee)).contains("签到统计");
        for (Viewer stranger : List.of(outsider, otherOfficer)) {
            assertThat(perform(get("/activity-results/" + id).with(as(stranger))).getStatus()).isEqualTo(404);
            assertThat(perform(get("/activity-results/photos/" + photoId).with(as(stranger))).getStatus())
                    .isEqualTo(404);
            assertThat(page("/activity-results", stranger)).doesNotContain("签到统计");
        }
    }
}
