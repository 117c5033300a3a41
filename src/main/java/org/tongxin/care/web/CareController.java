package org.tongxin.care.web;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.care.internal.CareCase;
import org.tongxin.care.internal.CareRecords;
import org.tongxin.care.internal.CareService;
import org.tongxin.care.internal.Move;
import org.tongxin.care.internal.MoveImport;
import org.tongxin.care.internal.Projects;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;

/** HR's moves (through the committee, one by one or a file) and the officers' care cases. */
@Controller
class CareController {

    private final CareService care;
    private final CareRecords records;
    private final MoveImport moveImport;
    private final Projects projects;
    private final OrgDirectory org;

    CareController(CareService care, CareRecords records, MoveImport moveImport, Projects projects, OrgDirectory org) {
        this.care = care;
        this.records = records;
        this.moveImport = moveImport;
        this.projects = projects;
        this.org = org;
    }

    @GetMapping("/care/moves")
    String moves(Model model) {
        model.addAttribute("grades", records.grades().keySet());
        model.addAttribute("projects", records.projects());
        model.addAttribute("moves", records.movesOf(null, 30));
        return "care/moves";
    }

    @PostMapping("/care/moves")
    String record(@RequestParam String employeeNo, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedOn,
                  @RequestParam String fromGrade, @RequestParam(defaultValue = "") String toDepartment,
                  @RequestParam(defaultValue = "") String toPost, @RequestParam(defaultValue = "") String toGrade,
                  @RequestParam(defaultValue = "") String exitType, @RequestParam String reason,
                  @RequestParam(required = false) Long projectId, RedirectAttributes redirect) {
        try {
            long employeeId = org.employeeIdsByNumber(List.of(employeeNo.trim())).getOrDefault(employeeNo.trim(), -1L);
            if (employeeId < 0) {
                throw new Refusal("care.move.unknownEmployee");
            }
            care.recordMove(CurrentViewer.get(), new CareService.MoveForm(employeeId, movedOn, fromGrade, toDepartment,
                    toPost, toGrade, exitType, reason, projectId));
            redirect.addFlashAttribute("flash", "care.move.recorded");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/care/moves";
    }

    /** HR's file of moves: all recorded, or none and every problem listed with its row. */
    @PostMapping("/care/moves/import")
    String importMoves(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        MoveImport.Outcome outcome;
        try {
            outcome = moveImport.importFile(CurrentViewer.get(), Uploads.fileName(file), file.getBytes());
        } catch (MoveImport.RowRefused e) {
            outcome = new MoveImport.Outcome(0, 0, List.of(e.problem()));
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/care/moves";
    }

    /** A move as the officers caring for the employee see it, with the classification they may correct. */
    @GetMapping("/care/moves/{moveId}")
    String move(@PathVariable long moveId, Model model) {
        model.addAttribute("view", care.move(CurrentViewer.get(), moveId));
        return "care/move";
    }

    @PostMapping("/care/moves/{moveId}/reclassify")
    String reclassify(@PathVariable long moveId, @RequestParam(defaultValue = "") String direction,
                      @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            care.reclassify(CurrentViewer.get(), moveId, direction, note);
            redirect.addFlashAttribute("flash", "care.reclassify.done");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/care/moves/" + moveId;
    }

    /** A case as the list shows it: no personal details beyond the name. */
    record Row(long id, String name, String unitName, LocalDate openedOn, String ownerName, boolean overdue,
               boolean escalated, boolean open) {
    }

    /** A recent move of the officer's people, for a second look at its classification. */
    record MoveRow(long id, String name, LocalDate movedOn, String direction, boolean reclassified) {
    }

    @GetMapping("/care/cases")
    String cases(Model model) {
        LocalDate today = LocalDate.now();
        Map<Long, String> unitNames = new HashMap<>();
        var viewer = CurrentViewer.get();
        List<Row> rows = care.casesFor(viewer).stream().map((CareCase c) -> new Row(c.id(), name(c.employeeId()),
                unitNames.computeIfAbsent(c.unitId(), id -> org.unit(id).map(OrgUnit::name).orElse("")),
                c.openedOn(), c.ownerEmployeeId() == null ? null : name(c.ownerEmployeeId()), c.overdue(today),
                c.escalated(), c.isOpen())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("moves", records.movesOf(org.caredUnitIds(viewer).orElse(null), 20).stream()
                .map((Move m) -> new MoveRow(m.id(), name(m.employeeId()), m.movedOn(), m.direction(),
                        m.isReclassified())).toList());
        return "care/cases";
    }

    private String name(long employeeId) {
        return org.employee(employeeId).map(EmployeeSummary::name).orElse("");
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

    @PostMapping("/care/cases/{caseId}/owner")
    String owner(@PathVariable long caseId, @RequestParam long ownerId, RedirectAttributes redirect) {
        return act(caseId, redirect, "care.case.ownerSet", () -> care.assign(CurrentViewer.get(), caseId, ownerId));
    }

    @PostMapping("/care/cases/{caseId}/plan")
    String plan(@PathVariable long caseId, @RequestParam(defaultValue = "") String plan,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpDue,
                RedirectAttributes redirect) {
        return act(caseId, redirect, "care.plan.saved",
                () -> care.plan(CurrentViewer.get(), caseId, plan, followUpDue));
    }

    @PostMapping("/care/cases/{caseId}/close")
    String close(@PathVariable long caseId, @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
        return act(caseId, redirect, "care.case.closedDone", () -> care.close(CurrentViewer.get(), caseId, outcome));
    }

    private static String act(long caseId, RedirectAttributes redirect, String doneKey, Runnable action) {
        FormOutcome.flash(redirect, doneKey, action);
        return "redirect:/care/cases/" + caseId;
    }

    @GetMapping("/care/projects")
    String projects(Model model) {
        model.addAttribute("projects", projects.visibleTo(CurrentViewer.get()));
        return "care/projects";
    }

    @PostMapping("/care/projects")
    String createProject(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
                         @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            long id = projects.create(CurrentViewer.get(), name, kind, startedOn, note);
            return "redirect:/care/projects/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/care/projects";
        }
    }

    @GetMapping("/care/projects/{projectId}")
    String project(@PathVariable long projectId, Model model) {
        model.addAttribute("report", projects.report(CurrentViewer.get(), projectId));
        return "care/project";
    }
}
