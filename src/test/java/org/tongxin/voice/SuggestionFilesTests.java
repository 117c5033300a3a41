package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.Pictures;

/**
 * Pictures and PDFs sent with a suggestion: checked all before any is stored, stripped of what could name the
 * sender (camera data, PDF author), shown numbered to the submitter and the officers handling it, 404 to others.
 */
class SuggestionFilesTests extends IntegrationTestSupport {

    Fixtures.UnitWithDepartment unit;
    Viewer employee;
    Viewer officer;
    Viewer outsider;

    @BeforeEach
    void aUnitWithAnEmployee() {
        unit = fixtures.grassroots("建议附件工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("建议附件旁站");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(unit.departmentCode()), Fixtures.row(other.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "voice-files.csv", rows);
        long id = fixtures.employeeId(rows.get(0).employeeNo());
        employee = Fixtures.employee(fixtures.accountId(id), id);
        long otherId = fixtures.employeeId(rows.get(1).employeeNo());
        outsider = Fixtures.employee(fixtures.accountId(otherId), otherId);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
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

    private MockMultipartHttpServletRequestBuilder form(String title, boolean anonymous, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart("/voice/new");
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.param("title", title).param("problem", "收费亭夏天太热。").param("proposal", "加装遮阳棚。")
                .param("anonymous", Boolean.toString(anonymous)).param("seen", "true");
        return b;
    }

    private long suggestions(String title) {
        return jdbc.sql("SELECT count(*) FROM voice_suggestion WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void anAnonymousSuggestionKeepsItsFilesWithoutWhatCouldNameTheSender() throws Exception {
        String title = "遮阳棚附件建议" + System.nanoTime();
        MockMultipartFile photo = new MockMultipartFile("files", "IMG_张三_0001.jpg", "image/jpeg",
                Pictures.withOrientation(Pictures.picture(1600, 1200, "jpg"), 6, true));
        MockMultipartFile pdf = new MockMultipartFile("files", "张三的方案.pdf", "application/pdf", pdfByAuthor("张三"));
        String location = mvc.perform(form(title, true, photo, pdf).with(csrf()).with(as(employee))).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/voice/suggestions/");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        List<Long> files = jdbc.sql("SELECT id FROM voice_suggestion_file WHERE suggestion_id = ? ORDER BY position")
                .param(id).query(Long.class).list();
        assertThat(files).hasSize(2);

        String officersPage = mvc.perform(get("/voice-admin/suggestions/" + id).with(as(officer))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(officersPage).contains("id=\"file-1\"", "id=\"file-2\"", "附件 2（PDF").doesNotContain("张三");
        MockHttpServletResponse picture = mvc.perform(get("/voice/suggestions/" + id + "/files/" + files.get(0))
                .with(as(officer))).andReturn().getResponse();
        assertThat(picture.getContentType()).isEqualTo("image/jpeg");
        assertThat(new String(photo.getBytes(), StandardCharsets.ISO_8859_1)).contains("Exif");
        assertThat(new String(picture.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).as("no EXIF block")
                .doesNotContain("Exif");
        MockHttpServletResponse thumb = mvc.perform(get("/voice/suggestions/" + id + "/files/" + files.get(0))
                .param("thumb", "true").with(as(employee))).andReturn().getResponse();
        assertThat(thumb.getContentAsByteArray().length).isLessThan(picture.getContentAsByteArray().length);
        MockHttpServletResponse document = mvc.perform(get("/voice/suggestions/" + id + "/files/" + files.get(1))
                .with(as(officer))).andReturn().getResponse();
        assertThat(document.getContentType()).isEqualTo("application/pdf");
        assertThat(document.getHeader("Cache-Control")).contains("no-store");
        try (PDDocument read = Loader.loadPDF(document.getContentAsByteArray())) {
            assertThat(read.getNumberOfPages()).isOne();
            assertThat(read.getDocumentInformation().getAuthor()).isNull();
            assertThat(read.getDocumentInformation().getCreator()).isNull();
        }
        assertThat(mvc.perform(get("/voice/suggestions/" + id + "/files/" + files.get(1)).with(as(outsider)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/voice/suggestions/" + (id + 100000) + "/files/" + files.get(1)).with(as(officer)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aBadFileOrTooManyRefuseTheWholeSuggestionAndStoreNothing() throws Exception {
        String title = "附件有误的建议" + System.nanoTime();
        MockMultipartFile text = new MockMultipartFile("files", "a.pdf", "application/pdf",
                "not really a pdf".getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(form(title, false, new MockMultipartFile("files", "p.png", "image/png",
                        Pictures.picture(200, 200, "png")), text).with(csrf()).with(as(employee))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"flash-error\"", "id=\"files-again\"");
        assertThat(suggestions(title)).isZero();

        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new MockMultipartFile("files", i + ".png", "image/png", Pictures.picture(100, 100, "png"));
        }
        assertThat(mvc.perform(form(title, false, six).with(csrf()).with(as(employee))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("附件最多 5 个");
        byte[] broken = "%PDF-1.7\n这不是一个 PDF 文件".getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.perform(form(title, false, new MockMultipartFile("files", "b.pdf", "application/pdf", broken))
                .with(csrf()).with(as(employee))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"flash-error\"");
        assertThat(suggestions(title)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM voice_suggestion_file f JOIN voice_suggestion s ON s.id = f.suggestion_id WHERE s.title = ?")
                .param(title).query(Long.class).single()).isZero();
    }
}
