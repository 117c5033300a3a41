package org.tongxin.care.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.care.internal.CareCase;
import org.tongxin.care.internal.CareRecords;
import org.tongxin.care.internal.CareService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Refusal;

/** HR's moves (through the committee) and the officers' care cases. */
@Controller
class CareController {

    private final CareService care;
    private final CareRecords records;
    private final OrgDirectory org;

    CareController(CareService care, CareRecords records, OrgDirectory org) {
        this.care = care;
        this.records = records;
        this.org = org;
    }

    @GetMapping("/care/moves")
    String moves(Model model) {
        model.addAttribute("grades", records.grades().keySet());
        model.addAttribute("moves", records.recentMoves(30));
        return "care/moves";
    }

    @PostMapping("/care/moves")
    String record(@RequestParam String employeeNo, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedOn,
                  @RequestParam String fromGrade, @RequestParam(defaultValue = "") String toDepartment,
                  @RequestParam(defaultValue = "") String toPost, @RequestParam(defaultValue = "") String toGrade,
                  @RequestParam(defaultValue = "") String exitType, @RequestParam String reason,
                  RedirectAttributes redirect) {
        try {
            long employeeId = org.employeeIdsByNumber(List.of(employeeNo.trim())).getOrDefault(employeeNo.trim(), -1L);
            if (employeeId < 0) {
                throw new Refusal("care.move.unknownEmployee");
            }
            care.recordMove(CurrentViewer.get(), new CareService.MoveForm(employeeId, movedOn, fromGrade, toDepartment,
                    toPost, toGrade, exitType, reason));
            redirect.addFlashAttribute("flash", "care.move.recorded");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/care/moves";
    }

    /** A case as the list shows it: no personal details beyond the name. */
    record Row(long id, String name, String unitName, LocalDate openedOn, LocalDate due, boolean overdue, boolean open) {
    }

    @GetMapping("/care/cases")
    String cases(Model model) {
        LocalDate today = LocalDate.now();
        Map<Long, String> unitNames = new HashMap<>();
        List<Row> rows = care.casesFor(CurrentViewer.get()).stream().map((CareCase c) -> new Row(c.id(),
                org.employee(c.employeeId()).map(e -> e.name()).orElse(""),
                unitNames.computeIfAbsent(c.unitId(), id -> org.unit(id).map(OrgUnit::name).orElse("")),
                c.openedOn(), c.firstContactDue(), c.firstContactOverdue(today), c.isOpen())).toList();
        model.addAttribute("rows", rows);
        return "care/cases";
    }

    @GetMapping("/care/cases/{caseId}")
    String show(@PathVariable long caseId, Model model) {
        model.addAttribute("view", care.view(CurrentViewer.get(), caseId));
        model.addAttribute("today", LocalDate.now());
        return "care/case";
    }

    @PostMapping("/care/cases/{caseId}/notes")
    String note(@PathVariable long caseId, @RequestParam String kind,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate happenedOn,
                @RequestParam String content, RedirectAttributes redirect) {
        return act(caseId, redirect, "care.note.recorded",
                () -> care.addNote(CurrentViewer.get(), caseId, kind, happenedOn, content));
    }

    @PostMapping("/care/cases/{caseId}/close")
    String close(@PathVariable long caseId, @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
        return act(caseId, redirect, "care.case.closedDone", () -> care.close(CurrentViewer.get(), caseId, outcome));
    }

    private static String act(long caseId, RedirectAttributes redirect, String doneKey, Runnable action) {
        FormOutcome.flash(redirect, doneKey, action);
        return "redirect:/care/cases/" + caseId;
    }
}
