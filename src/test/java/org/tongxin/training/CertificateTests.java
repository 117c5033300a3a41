package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.CertificatePdf;
import org.tongxin.training.internal.Certificates;
import org.tongxin.training.internal.CourseService;
import org.tongxin.training.internal.Courses;
import org.tongxin.training.internal.TrainingAdmin;

/** A completed course's certificate: the holder's printable page and PDF, and the public check page. */
class CertificateTests extends IntegrationTestSupport {

    @Autowired
    TrainingAdmin admin;
    @Autowired
    CourseService courseService;
    @Autowired
    Certificates certificates;
    @Autowired
    CertificatePdf pdf;

    Viewer holder;
    Viewer other;
    String holderName;
    Certificates.Certificate certificate;

    @BeforeEach
    void aCompletedCourse() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("证书测试工会");
        OrgSetup.HrRow row = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow otherRow = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "certificates.csv", List.of(row, otherRow));
        long id = fixtures.employeeId(row.employeeNo());
        holder = Fixtures.employee(fixtures.accountId(id), id);
        holderName = row.name();
        long otherId = fixtures.employeeId(otherRow.employeeNo());
        other = Fixtures.employee(fixtures.accountId(otherId), otherId);
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        long course = admin.createCourse(officer, new Courses.Draft("工会财务知识", "", "EMPLOYEES", unit.unit().id(),
                unit.unit().id(), 12));
        long lesson = admin.addLesson(officer, course, "经费使用", "TEXT", "正文", null, null, null);
        admin.publishCourse(officer, course);
        courseService.enrolSelf(holder, course);
        assertThat(courseService.recordProgress(holder, course, lesson, 0, 0, true)).isTrue();
        certificate = certificates.of(id).getFirst();
    }

    private MockHttpServletResponse response(String url, Viewer viewer) throws Exception {
        var request = get(url);
        if (viewer != null) {
            request.with(as(viewer));
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    private String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theHolderPrintsTheCertificateWithTheQrCodeOfItsCheckPage() throws Exception {
        MockHttpServletResponse r = response("/training/certificates/" + certificate.id(), holder);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(text(r)).contains(holderName, "工会财务知识", "id=\"certificate-qr\"", "<svg",
                "http://localhost/verify/" + certificate.code(), "有效期至 " + certificate.validUntil(), "证书测试工会");
        assertThat(text(r).contains("id=\"certificate-pdf\"")).isEqualTo(pdf.available());
        assertThat(response("/training/certificates/" + certificate.id(), other).getStatus()).isEqualTo(404);
        assertThat(text(response("/training/certificates", holder))).contains("工会财务知识", "有效");
        assertThat(text(response("/training", holder))).contains("/training/certificates/" + certificate.id());
    }

    @Test
    void thePdfIsAPdfWhenAChineseFontIsInstalled() throws Exception {
        MockHttpServletResponse r = response("/training/certificates/" + certificate.id() + "/pdf", holder);
        if (!pdf.available()) {
            assertThat(r.getStatus()).isEqualTo(404);
            return;
        }
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/pdf");
        byte[] bytes = r.getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(2000);
        assertThat(response("/training/certificates/" + certificate.id() + "/pdf", other).getStatus()).isEqualTo(404);
        // A character the font lacks and a title too long for one line still give a PDF.
        byte[] odd = pdf.render(new CertificatePdf.Content("结业证书", "张三", "完成了培训课程",
                "「庆祝🎉" + "很长的课程名称".repeat(14) + "」", List.of("发证日期 2026-01-01"), "http://localhost/verify/X"));
        assertThat(new String(odd, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void theCheckPageNeedsNoLogInAndShowsOnlyTheSurname() throws Exception {
        MockHttpServletResponse r = response("/verify/" + certificate.code(), null);
        assertThat(r.getStatus()).isEqualTo(200);
        String page = text(r);
        String masked = holderName.substring(0, 1) + "*";
        assertThat(page).contains("该证书有效", masked, "工会财务知识", "证书测试工会")
                .doesNotContain(holderName).doesNotContain("/training/certificates");
        // Lower case works too: people type codes.
        assertThat(response("/verify/" + certificate.code().toLowerCase(), null).getStatus()).isEqualTo(200);

        MockHttpServletResponse missing = response("/verify/NOSUCHCODE2345678", null);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(text(missing)).contains("id=\"verify-missing\"", "没有找到该证书");
    }

    @Test
    void anExpiredOrRevokedCertificateSaysSo() throws Exception {
        jdbc.sql("UPDATE training_certificate SET valid_until = current_date - 1 WHERE id = ?").param(certificate.id())
                .update();
        assertThat(text(response("/verify/" + certificate.code(), null))).contains("该证书已过期")
                .doesNotContain("该证书有效");
        assertThat(text(response("/training/certificates/" + certificate.id(), holder))).contains("已过期");
        jdbc.sql("UPDATE training_certificate SET revoked_at = now(), revoke_reason = '测试' WHERE id = ?")
                .param(certificate.id()).update();
        assertThat(text(response("/verify/" + certificate.code(), null))).contains("该证书已被撤销");
    }
}
