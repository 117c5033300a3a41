package org.tongxin.org.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tongxin.org.internal.imports.Column;
import org.tongxin.org.internal.imports.EmployeeImporter;
import org.tongxin.org.internal.imports.ImportRun;
import org.tongxin.org.internal.imports.ImportRuns;
import org.tongxin.org.internal.imports.RowError;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Uploads;

/** HR import: upload, the result with its error report, the report as .xlsx and a template to start from. */
@Controller
class ImportController {

    private final EmployeeImporter importer;
    private final ImportRuns runs;
    private final MessageSource messages;

    ImportController(EmployeeImporter importer, ImportRuns runs, MessageSource messages) {
        this.importer = importer;
        this.runs = runs;
        this.messages = messages;
    }

    @GetMapping("/org/import")
    String form(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("runs", runs.recent(viewer.seesWholeTree() ? null : viewer.accountId(), 10));
        return "org/import";
    }

    @PostMapping("/org/import")
    String upload(@RequestParam("file") MultipartFile file) throws IOException {
        EmployeeImporter.Outcome outcome = importer.importFile(CurrentViewer.get(), Uploads.fileName(file),
                file.getBytes());
        return "redirect:/org/import/" + outcome.runId();
    }

    @GetMapping("/org/import/{runId}")
    String result(@PathVariable long runId, Model model) {
        ImportRun run = visibleRun(runId);
        model.addAttribute("run", run);
        model.addAttribute("shownErrors", run.errors().stream().limit(200).toList());
        return "org/import-result";
    }

    @GetMapping("/org/import/{runId}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable long runId, Locale locale) throws IOException {
        ImportRun run = visibleRun(runId);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("import.report.sheet", null, locale));
            Row header = sheet.createRow(0);
            String[] titles = {"import.report.line", "import.report.field", "import.report.problem",
                    "import.report.value"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(titles[i], null, locale));
            }
            int r = 1;
            for (RowError e : run.errors()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.line());
                row.createCell(1).setCellValue(e.column() == null ? ""
                        : messages.getMessage(e.column().messageKey(), null, locale));
                row.createCell(2).setCellValue(messages.getMessage(e.messageKey(), new Object[]{e.value()}, locale));
                row.createCell(3).setCellValue(e.value());
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("import-" + runId + "-report.xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        }
    }

    /** A CSV with the header row (UTF-8 with BOM so that Excel opens the Chinese headers correctly). */
    @GetMapping("/org/import/template.csv")
    ResponseEntity<byte[]> template() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (Column c : Column.values()) {
            csv.append(c.ordinal() == 0 ? "" : ",").append(c.chinese());
        }
        csv.append("\r\n");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("employees-template.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Import runs are seen by whoever ran them and by the committee; other officers get 404. */
    private ImportRun visibleRun(long runId) {
        Viewer viewer = CurrentViewer.get();
        ImportRun run = runs.find(runId).orElseThrow(() -> new NotFoundException("import " + runId));
        if (!viewer.seesWholeTree() && run.actorId() != viewer.accountId()) {
            throw new OutOfScopeException("import " + runId);
        }
        return run;
    }
}
