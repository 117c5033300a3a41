package org.tongxin.training.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.AssessmentBoard;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.Assessments;

/**
 * The officers' assessment pages: the list, the form to create one, the board per subtree with the form to assign
 * people, and the board as a spreadsheet. Every parameter is optional so that the scope check, not the binding,
 * answers a request about another unit's assessment.
 */
@Controller
class AssessmentAdminController {

    private static final String LIST = "/training-admin/assessments";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final AssessmentBoard boards;
    private final AssessmentService service;
    private final OrgDirectory org;
    private final MessageSource messages;

    AssessmentAdminController(AssessmentBoard boards, AssessmentService service, OrgDirectory org,
                              MessageSource messages) {
        this.boards = boards;
        this.service = service;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping(LIST)
    String list(Model model) {
        model.addAttribute("summaries", boards.list(CurrentViewer.get()));
        return "training/assessments";
    }

    @GetMapping(LIST + "/new")
    String form(Model model) {
        model.addAttribute("choices", boards.choices(CurrentViewer.get()));
        model.addAttribute("today", LocalDate.now());
        return "training/assessment-form";
    }

    @PostMapping(LIST)
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(required = false) Long examId,
                  @RequestParam(required = false) Long retrainingCourseId, @RequestParam(required = false) Long ownerUnitId,
                  @RequestParam(required = false) Integer passPercent,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @RequestParam(required = false) Integer certificateMonths, RedirectAttributes redirect) {
        if (examId == null || retrainingCourseId == null || ownerUnitId == null || passPercent == null) {
            redirect.addFlashAttribute("flashError", "training.assessment.incomplete");
            return "redirect:" + LIST + "/new";
        }
        if (certificateMonths != null && (certificateMonths < 1 || certificateMonths > 120)) {
            redirect.addFlashAttribute("flashError", "training.assessment.badCertificateMonths");
            return "redirect:" + LIST + "/new";
        }
        try {
            long id = service.create(CurrentViewer.get(), new Assessments.Draft(title, examId, retrainingCourseId,
                    ownerUnitId, passPercent, startsOn, endsOn, certificateMonths));
            redirect.addFlashAttribute("flash", "training.assessment.created");
            return "redirect:" + LIST + "/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:" + LIST + "/new";
        }
    }

    @GetMapping(LIST + "/{assessmentId}")
    String board(@PathVariable long assessmentId, @RequestParam(required = false) Long unitId, Model model) {
        var viewer = CurrentViewer.get();
        model.addAttribute("board", boards.board(viewer, assessmentId, unitId));
        return "training/assessment-board";
    }

    /** Assigns the employees or the officers of a unit's subtree, or the people listed by employee number. */
    @PostMapping(LIST + "/{assessmentId}/assign")
    String assign(@PathVariable long assessmentId, @RequestParam(defaultValue = "") String group,
                  @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String employeeNos,
                  RedirectAttributes redirect) {
        var viewer = CurrentViewer.get();
        service.managed(viewer, assessmentId);
        String back = "redirect:" + LIST + "/" + assessmentId;
        AssessmentService.Group g = Arrays.stream(AssessmentService.Group.values())
                .filter(x -> x.name().equals(group)).findFirst().orElse(null);
        List<Long> listed = new ArrayList<>();
        if (g == AssessmentService.Group.LIST) {
            List<String> numbers = Arrays.stream(employeeNos.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
            Map<String, Long> found = org.employeeIdsByNumber(numbers);
            List<String> unknown = numbers.stream().filter(n -> !found.containsKey(n)).toList();
            if (numbers.isEmpty() || !unknown.isEmpty()) {
                redirect.addFlashAttribute("flashError", "training.assessment.unknownNumbers");
                redirect.addFlashAttribute("unknownNumbers", String.join("、", unknown));
                return back;
            }
            numbers.forEach(n -> listed.add(found.get(n)));
        } else if (g == null || unitId == null) {
            redirect.addFlashAttribute("flashError", "training.assessment.chooseGroup");
            return back;
        }
        try {
            int added = service.assign(viewer, assessmentId, g, unitId, listed);
            redirect.addFlashAttribute("assigned", added);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return back;
    }

    /** The board as shown, as a spreadsheet. */
    @GetMapping(LIST + "/{assessmentId}/board.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long assessmentId, @RequestParam(required = false) Long unitId,
                                  Locale locale) {
        AssessmentBoard.Board board = boards.board(CurrentViewer.get(), assessmentId, unitId);
        List<String> headers = List.of("training.board.name", "training.board.employeeNo", "training.board.unit",
                        "training.board.stage", "training.board.rounds", "training.board.attempts",
                        "training.board.best", "training.board.passedOn", "training.board.retraining",
                        "training.board.deadline", "training.board.memberEvaluation")
                .stream().map(k -> text(k, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (AssessmentBoard.Line l : board.lines()) {
            List<Object> row = new ArrayList<>();
            row.add(l.name());
            row.add(l.employeeNo());
            row.add(l.unitName());
            row.add(text("training.stage." + l.stage(), locale));
            row.add(l.rounds());
            row.add(l.attempts());
            row.add(l.bestPercent() == null ? null : l.bestPercent().stripTrailingZeros());
            row.add(l.passedAt() == null ? null : DAY.format(l.passedAt()));
            row.add(l.retraining() == null ? null : l.retraining().done() + "/" + l.retraining().lessons());
            row.add(l.stage() == AssessmentBoard.Stage.PASSED ? null : DAY.format(l.deadline()));
            row.add(l.evaluation() == null ? null : l.evaluation().average());
            rows.add(row);
        }
        return Sheets.download("assessment-" + assessmentId + ".xlsx", board.assessment().title(), headers, rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
