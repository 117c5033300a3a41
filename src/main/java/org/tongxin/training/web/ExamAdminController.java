package org.tongxin.training.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.Exams;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * Exams of the units an officer manages: the settings, the parts (rules drawing from the bank, fixed questions
 * picked from it) with what the bank holds for each rule, publishing, and the results of the exam's attempts.
 */
@Controller
class ExamAdminController {

    private static final int RESULTS_PAGE = 50;
    private static final int PICKER_SIZE = 30;

    private final TrainingAdmin admin;
    private final Exams exams;
    private final Questions questions;
    private final Attempts attempts;
    private final OrgDirectory org;

    ExamAdminController(TrainingAdmin admin, Exams exams, Questions questions, Attempts attempts, OrgDirectory org) {
        this.admin = admin;
        this.exams = exams;
        this.questions = questions;
        this.attempts = attempts;
        this.org = org;
    }

    /** An exam in the list, with its owner unit's name. */
    record Listed(Exams.Exam exam, String unitName) {
    }

    @GetMapping("/training-admin/exams")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Exams.Exam> mine = org.manageableUnitIds(viewer).map(ids -> exams.ofUnits(ids)).orElseGet(exams::all);
        Map<Long, String> names = new HashMap<>();
        model.addAttribute("exams", mine.stream().map(e -> new Listed(e, names.computeIfAbsent(e.ownerUnitId(),
                id -> org.unit(id).map(OrgUnit::name).orElse("")))).toList());
        return "training/exams";
    }

    @GetMapping("/training-admin/exams/new")
    String newExam(Model model) {
        List<OrgUnit> units = org.manageableUnits(CurrentViewer.get());
        return form(model, ExamForm.blank(units.isEmpty() ? null : units.getFirst().id()), null, blankRows(List.of()));
    }

    @PostMapping("/training-admin/exams")
    String create(@ModelAttribute ExamForm form, Model model, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        try {
            long owner = form.ownerUnitId() == null ? -1 : form.ownerUnitId();
            long id = admin.createExam(viewer, form.draft(owner), form.parts());
            redirect.addFlashAttribute("flash", "training.exam.created");
            return "redirect:/training-admin/exams/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return form(model, form, null, blankRows(postedRows(form)));
        }
    }

    @GetMapping("/training-admin/exams/{examId}")
    String edit(@PathVariable long examId, @RequestParam(defaultValue = "") String pickSkill,
                @RequestParam(defaultValue = "") String pickType, Model model) {
        Exams.Exam exam = admin.managedExam(CurrentViewer.get(), examId);
        List<Exams.Part> parts = exams.parts(examId);
        List<PartRow> rows = storedRows(parts);
        if (exam.status().equals("DRAFT")) {
            Set<Long> fixed = new HashSet<>();
            parts.stream().map(Exams.Part::questionId).filter(q -> q != null).forEach(fixed::add);
            List<Questions.Question> found = questions.filtered(pickSkill.isBlank() ? null : pickSkill,
                    BankController.TYPES.contains(pickType) ? pickType : null, true, 0, PICKER_SIZE + fixed.size());
            model.addAttribute("picker", found.stream().filter(q -> !fixed.contains(q.id())).limit(PICKER_SIZE).toList());
            model.addAttribute("pickSkill", pickSkill);
            model.addAttribute("pickType", pickType);
            rows = blankRows(rows);
        }
        model.addAttribute("questionCount", parts.stream().mapToInt(Exams.Part::count).sum());
        model.addAttribute("maxScore", parts.stream().map(p -> p.points().multiply(BigDecimal.valueOf(p.count())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString());
        model.addAttribute("bankShort", rows.stream().anyMatch(r -> r.available() != null && !r.enough()));
        return form(model, ExamForm.of(exam), exam, rows);
    }

    private String form(Model model, ExamForm form, Exams.Exam exam, List<PartRow> rows) {
        model.addAttribute("form", form);
        model.addAttribute("exam", exam);
        model.addAttribute("rows", rows);
        model.addAttribute("units", org.manageableUnits(CurrentViewer.get()));
        model.addAttribute("skills", questions.allSkills());
        model.addAttribute("types", BankController.TYPES);
        return "training/exam-form";
    }

    @PostMapping("/training-admin/exams/{examId}")
    String update(@PathVariable long examId, @ModelAttribute ExamForm form, RedirectAttributes redirect) {
        try {
            Viewer viewer = CurrentViewer.get();
            Exams.Exam exam = admin.managedExam(viewer, examId);
            admin.updateExam(viewer, examId, form.draft(exam.ownerUnitId()),
                    exam.status().equals("DRAFT") ? form.parts() : List.of());
            redirect.addFlashAttribute("flash", "training.exam.saved");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training-admin/exams/" + examId;
    }

    /** Adds the questions ticked in the picker as fixed questions, each worth the points given. */
    @PostMapping("/training-admin/exams/{examId}/questions")
    String addFixed(@PathVariable long examId, @RequestParam(name = "questionIds", required = false) List<Long> ids,
                    @RequestParam(defaultValue = "") String points, RedirectAttributes redirect) {
        try {
            Viewer viewer = CurrentViewer.get();
            Exams.Exam exam = admin.managedExam(viewer, examId);
            if (!exam.status().equals("DRAFT")) {
                throw new Refusal("training.error.notDraft");
            }
            if (ids == null || ids.isEmpty()) {
                throw new Refusal("training.exam.pickNone");
            }
            BigDecimal worth;
            try {
                worth = new BigDecimal(points.strip());
            } catch (NumberFormatException e) {
                throw new Refusal("training.error.badPart");
            }
            List<Exams.Part> parts = new ArrayList<>(exams.parts(examId));
            Set<Long> already = parts.stream().map(Exams.Part::questionId).filter(q -> q != null)
                    .collect(Collectors.toSet());
            for (Questions.Question q : questions.byIds(ids)) {
                if (already.add(q.id())) {
                    parts.add(new Exams.Part(parts.size() + 1, q.type(), null, null, q.id(), 1, worth));
                }
            }
            admin.updateExam(viewer, examId, ExamForm.draftOf(exam), parts);
            redirect.addFlashAttribute("flash", "training.exam.picked");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training-admin/exams/" + examId + "#parts";
    }

    @PostMapping("/training-admin/exams/{examId}/publish")
    String publish(@PathVariable long examId, RedirectAttributes redirect) {
        try {
            admin.publishExam(CurrentViewer.get(), examId);
            redirect.addFlashAttribute("flash", "training.exam.published");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training-admin/exams/" + examId;
    }

    /** A person's line in the results, with their name and number. */
    record ResultRow(Attempts.PersonResult result, String name, String employeeNo) {
    }

    @GetMapping("/training-admin/exams/{examId}/results")
    String results(@PathVariable long examId, @RequestParam(defaultValue = "0") int page, Model model) {
        Exams.Exam exam = admin.managedExam(CurrentViewer.get(), examId);
        int p = Page.clamp(page);
        Attempts.Totals totals = attempts.totals(examId);
        List<ResultRow> rows = attempts.results(examId, p * RESULTS_PAGE, RESULTS_PAGE).stream().map(r -> {
            EmployeeSummary e = org.employee(r.employeeId()).orElse(null);
            return new ResultRow(r, e == null ? "#" + r.employeeId() : e.name(), e == null ? "" : e.employeeNo());
        }).toList();
        model.addAttribute("exam", exam);
        model.addAttribute("totals", totals);
        model.addAttribute("page", new Page<>(rows, p, RESULTS_PAGE, totals.people()));
        return "training/exam-results";
    }

    /**
     * A row of the parts table as shown: a rule or a fixed question (with its stem), and for a rule, how many active
     * questions the bank holds for it (null when it cannot tell, e.g. a row typed wrongly).
     */
    record PartRow(String type, String skill, String difficulty, String count, String points, Long questionId,
                   String stem, Integer available, boolean enough) {

        public boolean fixed() {
            return questionId != null;
        }

        public boolean blank() {
            return questionId == null && count.isEmpty();
        }
    }

    private List<PartRow> storedRows(List<Exams.Part> parts) {
        Map<Long, Questions.Question> fixed = questions.byIds(parts.stream().map(Exams.Part::questionId)
                .filter(q -> q != null).toList()).stream().collect(Collectors.toMap(Questions.Question::id,
                Function.identity()));
        List<Questions.Stock> stock = questions.stock();
        List<PartRow> rows = new ArrayList<>();
        for (Exams.Part p : parts) {
            String points = p.points().stripTrailingZeros().toPlainString();
            if (p.questionId() != null) {
                Questions.Question q = fixed.get(p.questionId());
                boolean active = q != null && q.active();
                rows.add(new PartRow(p.type(), "", "", "1", points, p.questionId(), q == null ? "" : q.stem(),
                        active ? 1 : 0, active));
            } else {
                int available = available(stock, p.type(), p.skill(), p.difficulty());
                rows.add(new PartRow(p.type(), p.skill() == null ? "" : p.skill(),
                        p.difficulty() == null ? "" : p.difficulty().toString(), Integer.toString(p.count()), points,
                        null, null, available, available >= p.count()));
            }
        }
        return rows;
    }

    /** The rows a refused form posted, as typed, so nothing typed is lost. */
    private static List<PartRow> postedRows(ExamForm form) {
        List<PartRow> rows = new ArrayList<>();
        int n = form.partType() == null ? 0 : form.partType().size();
        for (int i = 0; i < n; i++) {
            PartRow row = new PartRow(form.partType().get(i), at(form.partSkill(), i), at(form.partDifficulty(), i),
                    at(form.partCount(), i), at(form.partPoints(), i), null, null, null, true);
            if (!row.blank() && (form.partRemove() == null || !form.partRemove().contains(i))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    /** The rows plus three blank rule rows to add rules with, without any script. */
    private static List<PartRow> blankRows(List<PartRow> rows) {
        List<PartRow> out = new ArrayList<>(rows);
        for (int i = 0; i < 3; i++) {
            out.add(new PartRow("SINGLE", "", "", "", "", null, null, null, true));
        }
        return out;
    }

    /** Active questions of the type (and of the skill and difficulty when the rule names them). */
    static int available(List<Questions.Stock> stock, String type, String skill, Integer difficulty) {
        return stock.stream().filter(s -> s.type().equals(type) && (skill == null || s.skill().equals(skill))
                && (difficulty == null || s.difficulty() == difficulty)).mapToInt(Questions.Stock::count).sum();
    }
}
