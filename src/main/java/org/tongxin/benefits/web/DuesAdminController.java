package org.tongxin.benefits.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.benefits.internal.DuesArrears;
import org.tongxin.benefits.internal.DuesColumn;
import org.tongxin.benefits.internal.DuesExemptions;
import org.tongxin.benefits.internal.DuesImport;
import org.tongxin.benefits.internal.DuesRecords;
import org.tongxin.benefits.internal.DuesRule;
import org.tongxin.benefits.internal.DuesService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;

/**
 * The officers' side of dues (会费管理), each page within the units the officer manages (the committee: all): arrears
 * per unit with Excel, a member's account with cash payments and exemptions, the payroll import and its runs, and
 * totals per unit and month.
 */
@Controller
class DuesAdminController {

    private static final String BASE = "/benefits/dues/manage";

    private final DuesService dues;
    private final DuesArrears arrears;
    private final DuesImport importer;
    private final DuesRecords records;
    private final OrgDirectory org;
    private final MessageSource messages;

    DuesAdminController(DuesService dues, DuesArrears arrears, DuesImport importer, DuesRecords records,
                        OrgDirectory org, MessageSource messages) {
        this.dues = dues;
        this.arrears = arrears;
        this.importer = importer;
        this.records = records;
        this.org = org;
        this.messages = messages;
    }

    /** The union units the viewer manages; 404 for anyone who manages none. */
    private List<OrgUnit> units(Viewer viewer) {
        List<OrgUnit> units = org.manageableUnits(viewer);
        if (units.isEmpty()) {
            throw new NotFoundException("dues management");
        }
        return units;
    }

    private OrgUnit chosen(Viewer viewer, List<OrgUnit> units, Long unit) {
        return unit == null ? units.getFirst() : org.managedUnit(viewer, unit);
    }

    @GetMapping(BASE)
    String manage(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String q, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<OrgUnit> units = units(viewer);
        OrgUnit root = chosen(viewer, units, unit);
        int thisYear = dues.thisMonth().getYear();
        int shown = DuesPages.year(year, thisYear);
        model.addAttribute("units", units);
        model.addAttribute("root", root);
        model.addAttribute("year", shown);
        model.addAttribute("years", DuesPages.years(thisYear));
        model.addAttribute("arrears", arrears.of(root, shown));
        model.addAttribute("exemptions", dues.liveExemptions(root, dues.thisMonth()));
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q.strip());
            model.addAttribute("found", org.searchEmployees(viewer, q.strip(), 20));
        }
        return "benefits/dues/manage";
    }

    @GetMapping(BASE + "/arrears.xlsx")
    ResponseEntity<byte[]> arrearsSheet(@RequestParam(required = false) Long unit,
                                        @RequestParam(required = false) Integer year, Locale locale) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit root = chosen(viewer, units(viewer), unit);
        DuesArrears.Arrears a = arrears.of(root, DuesPages.year(year, dues.thisMonth().getYear()));
        List<String> headers = List.of(msg("benefits.dues.sheet.unit", locale), msg("employee.no", locale),
                msg("benefits.dues.sheet.name", locale), msg("benefits.dues.sheet.monthsOwed", locale),
                msg("benefits.dues.sheet.count", locale), msg("benefits.dues.sheet.monthly", locale),
                msg("benefits.dues.sheet.sum", locale));
        List<List<Object>> rows = new ArrayList<>();
        for (DuesArrears.UnitArrears u : a.units()) {
            for (DuesArrears.PersonArrears p : u.people()) {
                rows.add(java.util.Arrays.asList(u.unitName(), p.employee().employeeNo(), p.employee().name(),
                        String.join(" ", p.owed().months().stream().map(YearMonth::toString).toList()),
                        p.owed().months().size(), p.owed().monthly(), p.owed().sum()));
            }
        }
        return Sheets.download("dues-arrears-" + a.year() + ".xlsx", msg("benefits.dues.arrears.title", locale),
                headers, rows);
    }

    @GetMapping(BASE + "/people/{employeeId}")
    String person(@PathVariable long employeeId, @RequestParam(required = false) Integer year, Model model) {
        Viewer viewer = CurrentViewer.get();
        int thisYear = dues.thisMonth().getYear();
        DuesService.Account account = dues.ofMember(viewer, employeeId, DuesPages.year(year, thisYear));
        model.addAttribute("account", account);
        model.addAttribute("years", DuesPages.years(thisYear));
        model.addAttribute("thisMonth", dues.thisMonth());
        model.addAttribute("reasons", DuesExemptions.Reason.values());
        return "benefits/dues/person";
    }

    @PostMapping(BASE + "/people/{employeeId}/cash")
    String cash(@PathVariable long employeeId, @RequestParam(required = false) String month,
                @RequestParam(required = false) String amount, RedirectAttributes redirect) {
        try {
            dues.recordCash(CurrentViewer.get(), employeeId, month, amount);
            redirect.addFlashAttribute("flash", "benefits.dues.cash.done");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("flashError", "benefits.dues.cash.recorded");
        }
        return "redirect:" + BASE + "/people/" + employeeId + yearOf(month);
    }

    @PostMapping(BASE + "/people/{employeeId}/exemptions")
    String grant(@PathVariable long employeeId, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String note, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, RedirectAttributes redirect) {
        try {
            dues.grantExemption(CurrentViewer.get(), employeeId, reason, note, from, to);
            redirect.addFlashAttribute("flash", "benefits.dues.exemption.granted");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("flashError", "benefits.dues.exemption.overlaps");
        }
        return "redirect:" + BASE + "/people/" + employeeId;
    }

    @PostMapping(BASE + "/exemptions/{duesExemptionId}/end")
    String end(@PathVariable long duesExemptionId, @RequestParam(required = false) String month,
               RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        long employeeId = dues.exemption(viewer, duesExemptionId).employeeId();
        FormOutcome.flash(redirect, "benefits.dues.exemption.ended",
                () -> dues.endExemption(viewer, duesExemptionId, month));
        return "redirect:" + BASE + "/people/" + employeeId;
    }

    @PostMapping(BASE + "/exemptions/{duesExemptionId}/revoke")
    String revoke(@PathVariable long duesExemptionId, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        long employeeId = dues.exemption(viewer, duesExemptionId).employeeId();
        FormOutcome.flash(redirect, "benefits.dues.exemption.revokedDone",
                () -> dues.revokeExemption(viewer, duesExemptionId));
        return "redirect:" + BASE + "/people/" + employeeId;
    }

    @GetMapping(BASE + "/import")
    String importForm(Model model) {
        Viewer viewer = CurrentViewer.get();
        units(viewer);
        model.addAttribute("runs", records.recentRuns(viewer.seesWholeTree() ? null : viewer.accountId(), 10));
        model.addAttribute("maxRows", DuesImport.MAX_ROWS);
        model.addAttribute("defaultRate", dues.rule().defaultRate());
        return "benefits/dues/import";
    }

    /** The payroll file: all recorded (then its run), or none and every problem listed with its row, here. */
    @PostMapping(BASE + "/import")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean replace,
                  Model model, RedirectAttributes redirect) throws IOException {
        Viewer viewer = CurrentViewer.get();
        units(viewer);
        DuesImport.Outcome outcome;
        try {
            outcome = importer.importFile(viewer, Uploads.fileName(file), file.getBytes(), replace);
        } catch (DataIntegrityViolationException e) {
            outcome = new DuesImport.Outcome(null, 0, BigDecimal.ZERO,
                    List.of(new DuesImport.Problem(0, null, "benefits.dues.import.conflict", null)));
        }
        if (outcome.ok()) {
            redirect.addFlashAttribute("flash", "benefits.dues.import.done");
            return "redirect:" + BASE + "/runs/" + outcome.runId();
        }
        model.addAttribute("outcome", outcome);
        model.addAttribute("fileName", Uploads.fileName(file));
        return importForm(model);
    }

    @GetMapping(BASE + "/runs/{duesRunId}")
    String run(@PathVariable long duesRunId, Model model) {
        Viewer viewer = CurrentViewer.get();
        DuesRecords.Run run = records.run(duesRunId).orElseThrow(() -> new NotFoundException("dues run"));
        if (!viewer.seesWholeTree() && run.actorId() != viewer.accountId()) {
            throw new OutOfScopeException("dues run " + duesRunId);
        }
        List<DuesRecords.Entry> entries = records.ofRun(duesRunId);
        model.addAttribute("run", run);
        model.addAttribute("entries", entries);
        model.addAttribute("people", org.employees(entries.stream().map(DuesRecords.Entry::employeeId).distinct().toList()));
        return "benefits/dues/run";
    }

    /** A CSV with the header row (UTF-8 with BOM so that Excel opens the Chinese headers correctly). */
    @GetMapping(BASE + "/template.csv")
    ResponseEntity<byte[]> template() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (DuesColumn c : DuesColumn.values()) {
            csv.append(c.ordinal() == 0 ? "" : ",").append(c.chinese());
        }
        csv.append("\r\n");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dues-template.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(BASE + "/totals")
    String totals(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String month, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<OrgUnit> units = units(viewer);
        OrgUnit root = chosen(viewer, units, unit);
        int thisYear = dues.thisMonth().getYear();
        int shown = DuesPages.year(year, thisYear);
        List<DuesService.TotalRow> rows = dues.totals(root, shown);
        List<YearMonth> months = rows.stream().map(DuesService.TotalRow::month).distinct().sorted().toList();
        YearMonth picked = months.isEmpty() ? null : months.getLast();
        if (month != null) {
            picked = months.stream().filter(m -> m.toString().equals(month)).findFirst().orElse(picked);
        }
        YearMonth finalPicked = picked;
        List<DuesService.TotalRow> ofMonth = rows.stream().filter(r -> r.month().equals(finalPicked)).toList();
        model.addAttribute("units", units);
        model.addAttribute("root", root);
        model.addAttribute("year", shown);
        model.addAttribute("years", DuesPages.years(thisYear));
        model.addAttribute("months", months);
        model.addAttribute("month", picked);
        model.addAttribute("rows", ofMonth);
        model.addAttribute("collected", ofMonth.stream().map(DuesService.TotalRow::collected)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("paying", ofMonth.stream().mapToLong(DuesService.TotalRow::paying).sum());
        model.addAttribute("exempt", ofMonth.stream().mapToLong(DuesService.TotalRow::exempt).sum());
        return "benefits/dues/totals";
    }

    @GetMapping(BASE + "/totals.xlsx")
    ResponseEntity<byte[]> totalsSheet(@RequestParam(required = false) Long unit,
                                       @RequestParam(required = false) Integer year, Locale locale) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit root = chosen(viewer, units(viewer), unit);
        int shown = DuesPages.year(year, dues.thisMonth().getYear());
        List<List<Object>> rows = new ArrayList<>();
        for (DuesService.TotalRow r : dues.totals(root, shown)) {
            rows.add(List.of(r.month().toString(), r.unit().name(), r.collected(), r.paying(), r.exempt()));
        }
        return Sheets.download("dues-totals-" + shown + ".xlsx", msg("benefits.dues.totals.title", locale),
                List.of(msg("benefits.dues.sheet.month", locale), msg("benefits.dues.sheet.unit", locale),
                        msg("benefits.dues.totals.collected", locale), msg("benefits.dues.totals.paying", locale),
                        msg("benefits.dues.totals.exempt", locale)), rows);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String yearOf(String month) {
        return DuesRule.month(month == null ? "" : month)
                .map(m -> "?year=" + m.getYear()).orElse("");
    }
}
