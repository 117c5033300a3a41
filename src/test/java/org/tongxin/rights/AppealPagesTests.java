package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.AppealFiles;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;
import org.tongxin.support.Pictures;

/**
 * The appeal pages: an employee raises a concern with pictures and PDFs (stripped of what could name them, sealed,
 * all or nothing) and follows it from the hub; the station's officer handles it through their pages; the employee
 * rates it and reopens it at the unit above; an officer of another unit gets not found on every page, file and action;
 * a confidential appellant's name never shows to officers not handling it, an anonymous one's to nobody.
 */
class AppealPagesTests extends PageTestSupport {

    @Autowired
    Appeals appeals;
    @Autowired
    AppealFiles files;

    Fixtures.UnitWithDepartment station;
    Viewer worker;
    String workerName;
    Viewer colleague;
    Viewer chair;
    Viewer otherChair;
    Viewer committee;
    long root;

    @BeforeEach
    void aStationWithItsChairAnotherStationAndTheCommittee() {
        station = fixtures.grassroots("诉求页面收费站");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("诉求页面服务区");
        OrgSetup.HrRow w = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow k = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow c = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow o = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "appeal-pages.csv", List.of(w, k, c, o));
        long workerId = fixtures.employeeId(w.employeeNo());
        workerName = w.name();
        worker = Fixtures.employee(fixtures.accountId(workerId), workerId);
        long colleagueId = fixtures.employeeId(k.employeeNo());
        colleague = Fixtures.employee(fixtures.accountId(colleagueId), colleagueId);
        long chairAccount = fixtures.accountId(fixtures.employeeId(c.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        long otherAccount = fixtures.accountId(fixtures.employeeId(o.employeeNo()));
        fixtures.chair(otherAccount, other.unit().id(), false);
        otherChair = Fixtures.officerWithoutCare(otherAccount, other.unit().id());
        committee = Fixtures.committee(fixtures.adminAccountId());
        root = station.unit().parentId();
    }

    private static byte[] pdfByAuthor(String author) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setAuthor(author);
            doc.getDocumentInformation().setCreator("WPS " + author);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static MockMultipartHttpServletRequestBuilder form(String category, String identity, String happened,
                                                               MockMultipartFile... uploads) {
        MockMultipartHttpServletRequestBuilder b = multipart("/rights/appeals/new");
        for (MockMultipartFile f : uploads) {
            b.file(f);
        }
        b.param("category", category).param("identity", identity).param("happened", happened)
                .param("wanted", "按规定补发加班费。");
        return b;
    }

    private long raise(AppealCategory category, Appeal.Identity identity) {
        return appeals.raise(worker, new Appeals.Raise(category, identity, "连续三个月夜班加班费没有发。", "补发加班费。"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM rights_appeal WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void anEmployeeRaisesAConcernWithFilesThatNameNobodyAndFollowsItFromTheHub() throws Exception {
        String form = page("/rights/appeals/new", worker);
        assertThat(form).contains("id=\"c-WAGES\"", "id=\"c-HARASSMENT\"", "id=\"i-ANONYMOUS\"", "/js/rights-",
                "直接交公司工会委员会和女职工委员会办理，不经过你所在的基层工会", "交你所在的工会办理",
                "不能匿名（可以保密）", "受理后 5 个工作日内答复", "只有正在办理的干部能看到你的姓名");

        MockMultipartFile photo = new MockMultipartFile("files", "IMG_张三_0001.jpg", "image/jpeg",
                Pictures.withOrientation(Pictures.picture(1600, 1200, "jpg"), 6, true));
        MockMultipartFile pdf = new MockMultipartFile("files", "张三的工资条.pdf", "application/pdf", pdfByAuthor("张三"));
        String location = mvc.perform(form("WAGES", "NAMED", "连续三个月夜班加班费没有发。", photo, pdf).with(csrf())
                .with(as(worker))).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/rights/appeals/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        List<String> stored = jdbc.sql("SELECT name || ' ' || content_type || ' ' || file_key FROM rights_appeal_file "
                + "WHERE appeal_id = ? ORDER BY id").param(id).query(String.class).list();
        assertThat(stored).hasSize(2).noneMatch(s -> s.contains("张三"));
        assertThat(stored.get(0)).startsWith("1.jpg image/jpeg rights/").endsWith(".sealed");
        assertThat(stored.get(1)).startsWith("2.pdf application/pdf rights/").endsWith(".sealed");
        List<Long> fileIds = jdbc.sql("SELECT id FROM rights_appeal_file WHERE appeal_id = ? ORDER BY id").param(id)
                .query(Long.class).list();

        String mine = page(location, worker);
        assertThat(mine).contains("诉求 #" + id, "工资与加班", "待受理", "受理期限 ", "由 " + station.unit().name() + " 办理",
                "连续三个月夜班加班费没有发。", "按规定补发加班费。", "提出诉求", "附件 1（图片", "附件 2（PDF",
                "署名：实名").doesNotContain("id=\"rate-form\"");
        MockHttpServletResponse picture = perform(get(location + "/files/" + fileIds.get(0)).with(as(worker)));
        assertThat(picture.getStatus()).isEqualTo(200);
        assertThat(picture.getContentType()).startsWith("image/jpeg");
        assertThat(picture.getHeader("Cache-Control")).contains("no-store");
        assertThat(new String(photo.getBytes(), StandardCharsets.ISO_8859_1)).contains("Exif");
        assertThat(new String(picture.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).as("no EXIF block")
                .doesNotContain("Exif");
        MockHttpServletResponse document = perform(get("/rights/handle/" + id + "/files/" + fileIds.get(1))
                .with(as(chair)));
        assertThat(document.getStatus()).isEqualTo(200);
        assertThat(document.getContentType()).startsWith("application/pdf");
        try (PDDocument read = Loader.loadPDF(document.getContentAsByteArray())) {
            assertThat(read.getNumberOfPages()).isOne();
            assertThat(read.getDocumentInformation().getAuthor()).isNull();
            assertThat(read.getDocumentInformation().getCreator()).isNull();
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'rights.appeal.file' AND target_id = '"
                + id + "'")).as("an officer opening a file is audited").isOne();
        assertThat(perform(get(location + "/files/" + fileIds.get(0)).with(as(colleague))).getStatus()).isEqualTo(404);
        assertThat(perform(get("/rights/handle/" + id + "/files/" + fileIds.get(0)).with(as(otherChair))).getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/rights/appeals/" + raise(AppealCategory.HOURS, Appeal.Identity.NAMED) + "/files/"
                + fileIds.get(0)).with(as(worker))).getStatus()).as("a file of another appeal").isEqualTo(404);
        assertThat(perform(get(location).with(as(colleague))).getStatus()).as("someone else's appeal").isEqualTo(404);
        assertThat(perform(get(location).with(as(chair))).getStatus()).as("officers read it on their own pages")
                .isEqualTo(404);

        String hub = page("/rights", worker);
        assertThat(hub).contains("id=\"new-appeal\"", "href=\"/rights/legal-aid\"", "href=\"/rights/mailbox\"",
                "id=\"mine-" + id + "\"", "诉求 #" + id, "待受理", "受理期限 ").doesNotContain("已逾期");
        jdbc.sql("UPDATE rights_appeal SET accept_due = current_date - 3 WHERE id = ?").param(id).update();
        assertThat(page("/rights", worker)).contains("已逾期", "tx-card-overdue");
        assertThat(page("/", worker)).contains("id=\"rights-home\"", "2 件办理中");
        assertThat(page("/me", worker)).contains("id=\"me-appeals\"");
    }

    @Test
    void anAnonymousWageConcernOrBadFilesAreRefusedWithTheFormKeptAndNothingSaved() throws Exception {
        long appealsBefore = count("SELECT count(*) FROM rights_appeal");
        long filesBefore = count("SELECT count(*) FROM rights_appeal_file");
        MockHttpServletResponse refused = perform(form("WAGES", "ANONYMOUS", "工资被无故扣了五百元。",
                new MockMultipartFile("files", "a.png", "image/png", Pictures.picture(100, 100, "png")))
                .with(csrf()).with(as(worker)));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"flash-error\"",
                "这一类诉求不能匿名", "工资被无故扣了五百元。", "id=\"files-again\"");

        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new MockMultipartFile("files", i + ".png", "image/png", Pictures.picture(100, 100, "png"));
        }
        assertThat(perform(form("WAGES", "NAMED", "工资被扣。", six).with(csrf()).with(as(worker)))
                .getContentAsString(StandardCharsets.UTF_8)).contains("附件最多 5 个");
        byte[] broken = "%PDF-1.7\n这不是一个 PDF 文件".getBytes(StandardCharsets.UTF_8);
        assertThat(perform(form("WAGES", "NAMED", "工资被扣。", new MockMultipartFile("files", "b.pdf",
                "application/pdf", broken)).with(csrf()).with(as(worker))).getContentAsString(StandardCharsets.UTF_8))
                .contains("无法读取该 PDF");
        assertThat(perform(form("WAGES", "NAMED", "工资被扣。", new MockMultipartFile("files", "c.pdf",
                "application/pdf", "不是文件".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(worker)))
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"flash-error\"");
        assertThat(perform(form("", "NAMED", "工资被扣。").with(csrf()).with(as(worker)))
                .getContentAsString(StandardCharsets.UTF_8)).contains("请选择诉求类别和署名方式");

        // A file that fails while being stored, after the appeal and the first file: nothing of it stays.
        List<AppealFiles.Prepared> prepared = List.of(files.check(List.of(Pictures.picture(80, 60, "png"))).getFirst(),
                new AppealFiles.Prepared("不是图片".getBytes(StandardCharsets.UTF_8), "image/jpeg"));
        assertThatThrownBy(() -> files.raise(worker, new Appeals.Raise(AppealCategory.WAGES, Appeal.Identity.NAMED,
                "工资被扣。", "补发。"), prepared)).isInstanceOf(Refusal.class);
        assertThat(count("SELECT count(*) FROM rights_appeal")).isEqualTo(appealsBefore);
        assertThat(count("SELECT count(*) FROM rights_appeal_file")).isEqualTo(filesBefore);

        String location = perform(form("LIVING", "ANONYMOUS", "宿舍热水器坏了一个月没人修。").with(csrf()).with(as(worker)))
                .getRedirectedUrl();
        assertThat(location).matches("/rights/appeals/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String list = page("/rights/handle", chair);
        String row = list.substring(list.indexOf("id=\"appeal-" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</a>"))).contains("诉求人：匿名");
        assertThat(page("/rights/handle/" + id, chair)).contains("诉求人：匿名", "宿舍热水器坏了一个月没人修。", "id=\"accept\"")
                .doesNotContain(workerName).doesNotContain("id=\"appellant-details\"");
    }

    @Test
    void theStationHandlesItOnItsPagesAndTheEmployeeReopensItAboveWhenUnsatisfied() throws Exception {
        long id = raise(AppealCategory.WAGES, Appeal.Identity.NAMED);
        String list = page("/rights/handle", chair);
        assertThat(list).contains("id=\"appeal-" + id + "\"", "诉求人：" + workerName, "待受理", "受理期限 ");
        assertThat(page("/", chair)).contains("id=\"rights-officer-home\"", "件待受理或办理中");
        String detail = page("/rights/handle/" + id, chair);
        assertThat(detail).contains("诉求人：" + workerName, "连续三个月夜班加班费没有发。", "id=\"accept\"",
                "受理后须在 15 个工作日内答复").doesNotContain("id=\"reply-form\"");

        assertThat(outcome(post("/rights/handle/" + id + "/accept"), chair)).isEqualTo("flash:rights.handle.done.accepted");
        assertThat(outcome(post("/rights/handle/" + id + "/accept"), chair)).isEqualTo("error:rights.error.notWaiting");
        assertThat(outcome(post("/rights/handle/" + id + "/step").param("kind", "CONTACTED").param("note", " "), chair))
                .isEqualTo("error:rights.error.note");
        assertThat(outcome(post("/rights/handle/" + id + "/step").param("kind", "CONTACTED")
                .param("note", "已联系收费站站长核对考勤。"), chair)).isEqualTo("flash:rights.handle.done.step");
        assertThat(page("/rights/handle/" + id, chair)).contains("id=\"step-form\"", "id=\"reply-form\"", "答复期限 ",
                "已联系相关部门", "已联系收费站站长核对考勤。");
        assertThat(outcome(post("/rights/handle/" + id + "/reply").param("reply", "已核实，下月随工资补发。"), chair))
                .isEqualTo("flash:rights.handle.done.replied");
        assertThat(page("/rights/handle/" + id, chair)).contains("id=\"waiting-rating\"", "已核实，下月随工资补发。");

        String mine = page("/rights/appeals/" + id, worker);
        assertThat(mine).contains("已答复", "已核实，下月随工资补发。", "id=\"rate-form\"", "id=\"rating-SATISFIED\"",
                "id=\"rating-PARTLY\"", "id=\"rating-UNSATISFIED\"", "id=\"reopen\"", "已联系收费站站长核对考勤。");
        assertThat(outcome(post("/rights/appeals/" + id + "/rate").param("rating", "PARTLY").param("reopen", "true"),
                worker)).isEqualTo("error:rights.error.reopen");
        assertThat(status(post("/rights/appeals/" + id + "/rate").param("rating", "UNSATISFIED"), colleague))
                .as("someone else's appeal").isEqualTo(404);
        assertThat(status(id)).isEqualTo("REPLIED");
        assertThat(outcome(post("/rights/appeals/" + id + "/rate").param("rating", "UNSATISFIED").param("reopen", "true"),
                worker)).isEqualTo("flash:rights.page.reopened");
        assertThat(jdbc.sql("SELECT route_unit_id FROM rights_appeal WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(root);

        assertThat(page("/rights/appeals/" + id, worker)).contains("待受理", "不满意，转上一级重办", "你的评价：不满意", "此前的答复")
                .doesNotContain("id=\"rate-form\"");
        String readOnly = page("/rights/handle/" + id, chair);
        assertThat(readOnly).contains("id=\"not-handler\"").doesNotContain("id=\"accept\"");
        assertThat(outcome(post("/rights/handle/" + id + "/accept"), committee)).isEqualTo("flash:rights.handle.done.accepted");
        assertThat(page("/rights/handle", committee)).contains("id=\"appeal-" + id + "\"");
        assertThat(status(id)).isEqualTo("ACCEPTED");
        appeals.reply(committee, id, "公司工会已督促补发。");
        String reopened = page("/rights/appeals/" + id, worker);
        assertThat(reopened).contains("id=\"rate-form\"", "公司工会已督促补发。").doesNotContain("id=\"reopen\"");
        assertThat(outcome(post("/rights/appeals/" + id + "/rate").param("rating", "SATISFIED"), worker))
                .isEqualTo("flash:rights.page.rated");
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(page("/rights/handle", chair)).doesNotContain("id=\"appeal-" + id + "\"");
        assertThat(page("/rights/handle?all=true", chair)).contains("id=\"appeal-" + id + "\"", "已办结");
    }

    @Test
    void anAppealReferredToMediationLinksToOpeningTheMediationCase() throws Exception {
        long id = raise(AppealCategory.CONTRACT, Appeal.Identity.NAMED);
        assertThat(page("/rights/handle/" + id, chair)).doesNotContain("id=\"to-mediation\"");
        appeals.accept(chair, id);
        assertThat(page("/rights/handle/" + id, chair)).contains("id=\"to-mediation\"");
        assertThat(outcome(post("/rights/handle/" + id + "/mediation"), chair))
                .isEqualTo("flash:rights.handle.done.mediation");
        assertThat(status(id)).isEqualTo("MEDIATION");
        assertThat(page("/rights/handle/" + id, chair)).contains("href=\"/rights/mediation/new?appeal=" + id + "\"",
                "转入劳动争议调解");
        assertThat(page("/rights/appeals/" + id, worker)).contains("调解中", "转入劳动争议调解");
    }

    @Test
    void anOfficerOfAnotherUnitGetsNotFoundOnThePagesFilesAndEveryAction() throws Exception {
        long id = files.raise(worker, new Appeals.Raise(AppealCategory.WAGES, Appeal.Identity.NAMED, "加班费没有发。",
                "补发。"), files.check(List.of(Pictures.picture(80, 60, "png"))));
        long file = jdbc.sql("SELECT id FROM rights_appeal_file WHERE appeal_id = ?").param(id).query(Long.class).single();
        String base = "/rights/handle/" + id;
        assertThat(perform(get(base).with(as(otherChair))).getStatus()).isEqualTo(404);
        assertThat(perform(get(base + "/files/" + file).with(as(otherChair))).getStatus()).isEqualTo(404);
        assertThat(status(post(base + "/accept"), otherChair)).isEqualTo(404);
        assertThat(status(post(base + "/step").param("kind", "NOTE").param("note", "越权记录"), otherChair)).isEqualTo(404);
        assertThat(status(post(base + "/reply").param("reply", "越权答复"), otherChair)).isEqualTo(404);
        assertThat(status(post(base + "/mediation"), otherChair)).isEqualTo(404);
        appeals.accept(chair, id);
        assertThat(status(post(base + "/step").param("kind", "NOTE").param("note", "越权记录"), otherChair)).isEqualTo(404);
        assertThat(status(post(base + "/reply").param("reply", "越权答复"), otherChair)).isEqualTo(404);
        assertThat(status(post(base + "/mediation"), otherChair)).isEqualTo(404);
        assertThat(status(post("/rights/appeals/" + id + "/rate").param("rating", "SATISFIED"), otherChair))
                .isEqualTo(404);
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("SELECT string_agg(kind, ',' ORDER BY id) FROM rights_appeal_step WHERE appeal_id = ?")
                .param(id).query(String.class).single()).isEqualTo("RAISED,ACCEPTED");
        assertThat(page("/rights/handle?all=true", otherChair)).doesNotContain("id=\"appeal-" + id + "\"");
        assertThat(perform(get("/rights/handle").with(as(worker))).getStatus()).as("not an officer").isEqualTo(403);
    }

    @Test
    void aConfidentialNameShowsOnlyToTheOfficersHandlingItNow() throws Exception {
        long id = raise(AppealCategory.WAGES, Appeal.Identity.CONFIDENTIAL);
        assertThat(page("/rights/handle", chair)).contains("诉求人：" + workerName);
        assertThat(page("/rights/handle/" + id, chair)).contains("诉求人：" + workerName, "id=\"appellant-details\"");

        assertThat(appeals.escalateOverdue(appeals.today().plusDays(40))).isPositive();

        String list = page("/rights/handle?all=true", chair);
        String row = list.substring(list.indexOf("id=\"appeal-" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</a>"))).contains("诉求人：保密", "超期上转 1 次");
        assertThat(list).doesNotContain(workerName);
        String detail = page("/rights/handle/" + id, chair);
        assertThat(detail).contains("诉求人：保密", "id=\"not-handler\"", "连续三个月夜班加班费没有发。")
                .doesNotContain(workerName).doesNotContain("id=\"appellant-details\"");
        assertThat(page("/rights/handle/" + id, committee)).contains("诉求人：" + workerName);

        long harassment = raise(AppealCategory.HARASSMENT, Appeal.Identity.CONFIDENTIAL);
        assertThat(perform(get("/rights/handle/" + harassment).with(as(chair))).getStatus())
                .as("never the person's own line").isEqualTo(404);
        assertThat(page("/rights/handle?all=true", chair)).doesNotContain("id=\"appeal-" + harassment + "\"");
        List<String> audit = jdbc.sql("SELECT concat_ws(' ', summary, before::text, after::text) FROM audit_event "
                + "WHERE target_type = 'rights_appeal' AND target_id IN (?, ?)")
                .params(String.valueOf(id), String.valueOf(harassment)).query(String.class).list();
        assertThat(audit).isNotEmpty().noneMatch(line -> line.contains(workerName));
    }
}
