package org.tongxin.membership.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.membership.internal.Coverage;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitSection;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Panel;

/** Coverage of a unit: on its page, as a ranked table of its sub-units, and as an Excel file. */
@Controller
class CoverageController implements UnitSection {

    private final Coverage coverage;
    private final MessageSource messages;

    CoverageController(Coverage coverage, MessageSource messages) {
        this.coverage = coverage;
        this.messages = messages;
    }

    @Override
    public Optional<Panel> panel(Viewer viewer, OrgUnit unit) {
        if (unit.kind().isPartner()) {
            return Optional.empty();
        }
        return Optional.of(new Panel("membership/coverage", Map.of("node", coverage.of(viewer, unit.id()).node())));
    }

    @GetMapping("/membership/coverage/{unitId}")
    String page(@PathVariable long unitId, Model model) {
        model.addAttribute("report", coverage.of(CurrentViewer.get(), unitId));
        return "membership/coverage-page";
    }

    @GetMapping("/membership/coverage/{unitId}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long unitId, Locale locale) throws IOException {
        Coverage.Report report = coverage.of(CurrentViewer.get(), unitId);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("membership.coverage", locale));
            String[] titles = {"membership.coverage.unit", "membership.coverage.employees", "membership.coverage.members",
                    "membership.coverage.rate", "membership.coverage.pending", "membership.coverage.retired"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(text(titles[i], locale));
            }
            int r = 1;
            write(sheet.createRow(r++), report.node());
            for (Coverage.UnitCoverage child : report.children()) {
                write(sheet.createRow(r++), child);
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("coverage-" + unitId + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        }
    }

    private static void write(Row row, Coverage.UnitCoverage u) {
        Coverage.Counts c = u.subtree();
        row.createCell(0).setCellValue(u.unit().name());
        row.createCell(1).setCellValue(c.employees());
        row.createCell(2).setCellValue(c.members());
        if (c.rate() != null) {
            row.createCell(3).setCellValue(c.rate());
        }
        row.createCell(4).setCellValue(c.pending());
        row.createCell(5).setCellValue(c.retired());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
