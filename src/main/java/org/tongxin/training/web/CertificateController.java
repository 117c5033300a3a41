package org.tongxin.training.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.QrCodes;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.CertificatePdf;
import org.tongxin.training.internal.Certificates;
import org.tongxin.training.internal.Certificates.Certificate;
import org.tongxin.training.internal.Courses;

/**
 * Certificates: the holder's list, a printable page (A4 landscape) with the QR code of the public check page, its
 * PDF when a CJK font is installed, and the check page itself, open to anyone with the code and showing nothing
 * personal beyond the surname.
 */
@Controller
class CertificateController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Two-character surnames, kept whole when a name is masked (欧阳明 → 欧阳*). */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐",
            "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "公孙", "轩辕", "端木", "独孤", "南宫", "西门", "澹台");

    private final Certificates certificates;
    private final Courses courses;
    private final Assessments assessments;
    private final OrgDirectory org;
    private final CertificatePdf pdf;
    private final MessageSource messages;

    CertificateController(Certificates certificates, Courses courses, Assessments assessments, OrgDirectory org,
                          CertificatePdf pdf, MessageSource messages) {
        this.certificates = certificates;
        this.courses = courses;
        this.assessments = assessments;
        this.org = org;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** A certificate with what the pages show of it. */
    record View(Certificate certificate, String issuer, String status, String verifyUrl) {

        public String qrSvg() {
            return QrCodes.svg(verifyUrl);
        }

        public boolean assessment() {
            return certificate.assessmentId() != null;
        }
    }

    @GetMapping("/training/certificates")
    String mine(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("views", viewer.employeeId() == null ? List.of()
                : certificates.of(viewer.employeeId()).stream().map(this::view).toList());
        return "training/certificates";
    }

    @GetMapping("/training/certificates/{certificateId}")
    String printable(@PathVariable long certificateId, Model model) {
        model.addAttribute("view", view(own(certificateId)));
        model.addAttribute("pdf", pdf.available());
        return "training/certificate";
    }

    @GetMapping("/training/certificates/{certificateId}/pdf")
    ResponseEntity<byte[]> asPdf(@PathVariable long certificateId, Locale locale) {
        Certificate c = own(certificateId);
        if (!pdf.available()) {
            throw new NotFoundException("certificate PDF");
        }
        View v = view(c);
        List<String> facts = new ArrayList<>();
        facts.add(text("training.cert.issued", locale, DAY.format(c.issuedAt())));
        facts.add(c.validUntil() == null ? text("training.cert.noExpiry", locale)
                : text("training.cert.validUntil", locale, DAY.format(c.validUntil())));
        facts.add(text("training.cert.issuer", locale, v.issuer()));
        facts.add(text("training.cert.code", locale, c.code()));
        byte[] bytes = pdf.render(new CertificatePdf.Content(text("training.cert.heading", locale), c.holderName(),
                text(v.assessment() ? "training.cert.passedAssessment" : "training.cert.completedCourse", locale),
                "「" + c.title() + "」", facts, v.verifyUrl()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificate-" + c.code() + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore()).body(bytes);
    }

    /** The public check page: the QR code on a certificate leads here. */
    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        Certificate c = certificates.byCode(code).orElse(null);
        if (c == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "training/verify-missing";
        }
        View v = view(c);
        model.addAttribute("achieved", c.title());
        model.addAttribute("assessment", v.assessment());
        model.addAttribute("holder", masked(c.holderName()));
        model.addAttribute("issuedOn", c.issuedAt().toLocalDate());
        model.addAttribute("validUntil", c.validUntil());
        model.addAttribute("issuer", v.issuer());
        model.addAttribute("status", v.status());
        return "training/verify";
    }

    private Certificate own(long certificateId) {
        Viewer viewer = CurrentViewer.get();
        return certificates.find(certificateId)
                .filter(c -> viewer.employeeId() != null && c.employeeId() == viewer.employeeId())
                .orElseThrow(() -> new NotFoundException("certificate " + certificateId));
    }

    private View view(Certificate c) {
        Long unitId = c.courseId() != null ? courses.find(c.courseId()).map(Courses.Course::ownerUnitId).orElse(null)
                : assessments.find(c.assessmentId()).map(Assessments.Assessment::ownerUnitId).orElse(null);
        String issuer = unitId == null ? "" : org.unit(unitId).map(OrgUnit::name).orElse("");
        String status = c.revokedAt() != null ? "REVOKED" : c.validOn(LocalDate.now()) ? "VALID" : "EXPIRED";
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify/{code}")
                .buildAndExpand(c.code()).toUriString();
        return new View(c, issuer, status, url);
    }

    /** The surname and a star: 张三丰 → 张*, 欧阳明 → 欧阳*. */
    static String masked(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "*";
        }
        int keep = n.length() > 2 && COMPOUND_SURNAMES.contains(n.substring(0, 2)) ? 2
                : Character.charCount(n.codePointAt(0));
        return n.substring(0, keep) + "*";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
