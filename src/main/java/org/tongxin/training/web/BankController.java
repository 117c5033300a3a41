package org.tongxin.training.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Uploads;
import org.tongxin.training.internal.Questions;
import org.tongxin.training.internal.TrainingAdmin;

/**
 * The question bank (题库), shared by the whole enterprise: any officer may add, correct, retire and restore questions
 * (each change audited by {@link TrainingAdmin}), import a file of them all or nothing, and export the list as filtered.
 */
@Controller
class BankController {

    static final List<String> TYPES = List.of("SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL");
    private static final int PAGE_SIZE = 30;

    private final TrainingAdmin admin;
    private final Questions questions;
    private final MessageSource messages;

    BankController(TrainingAdmin admin, Questions questions, MessageSource messages) {
        this.admin = admin;
        this.questions = questions;
        this.messages = messages;
    }

    /** The list's filters as the query string carries them; blank means any. */
    record Filter(String skill, String type, String state) {

        String skillOrNull() {
            return skill == null || skill.isBlank() ? null : skill.strip();
        }

        String typeOrNull() {
            return type != null && TYPES.contains(type) ? type : null;
        }

        /** "active" (the default), "retired" or "all". */
        Boolean active() {
            return "all".equals(state) ? null : !"retired".equals(state);
        }
    }

    @GetMapping("/training-admin/questions")
    String list(@ModelAttribute Filter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Page.clamp(page);
        List<Questions.Question> items = questions.filtered(filter.skillOrNull(), filter.typeOrNull(),
                filter.active(), p * PAGE_SIZE, PAGE_SIZE);
        long total = questions.countFiltered(filter.skillOrNull(), filter.typeOrNull(), filter.active());
        model.addAttribute("page", new Page<>(items, p, PAGE_SIZE, total));
        model.addAttribute("filter", filter);
        model.addAttribute("skills", questions.allSkills());
        model.addAttribute("types", TYPES);
        model.addAttribute("stock", Stock.of(questions.stock()));
        return "training/bank";
    }

    @GetMapping("/training-admin/questions/new")
    String newQuestion(@RequestParam(defaultValue = "") String type, Model model) {
        if (!TYPES.contains(type)) {
            model.addAttribute("types", TYPES);
            return "training/question-type";
        }
        return form(model, BankForm.blank(type), null);
    }

    private String form(Model model, BankForm form, Questions.Question question) {
        model.addAttribute("form", form);
        model.addAttribute("question", question);
        model.addAttribute("skills", questions.allSkills());
        model.addAttribute("letters", BankForm.LETTERS);
        return "training/question";
    }

    @PostMapping("/training-admin/questions")
    String create(@ModelAttribute BankForm form, Model model, RedirectAttributes redirect) {
        if (form.type() == null || !TYPES.contains(form.type())) {
            throw new NotFoundException("question type " + form.type());
        }
        try {
            long id = admin.addQuestion(CurrentViewer.get(), form.draft());
            redirect.addFlashAttribute("flash", "training.bank.added");
            redirect.addFlashAttribute("addedId", id);
            return "redirect:/training-admin/questions/new?type=" + form.type();
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return form(model, form, null);
        }
    }

    @GetMapping("/training-admin/questions/{questionId}")
    String edit(@PathVariable long questionId, Model model) {
        Questions.Question q = questions.find(questionId).orElseThrow(() -> new NotFoundException("question " + questionId));
        return form(model, BankForm.of(q), q);
    }

    @PostMapping("/training-admin/questions/{questionId}")
    String update(@PathVariable long questionId, @ModelAttribute BankForm form, Model model,
                  RedirectAttributes redirect) {
        Questions.Question q = questions.find(questionId).orElseThrow(() -> new NotFoundException("question " + questionId));
        // The form is the question's own type: a question changes its type by being retired and written anew.
        BankForm sameType = new BankForm(q.type(), form.stem(), form.options(), form.correct(), form.truth(),
                form.accepted(), form.skill(), form.difficulty(), form.explanation());
        try {
            admin.updateQuestion(CurrentViewer.get(), questionId, sameType.draft());
            redirect.addFlashAttribute("flash", "training.bank.saved");
            return "redirect:/training-admin/questions/" + questionId;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return form(model, sameType, q);
        }
    }

    @PostMapping("/training-admin/questions/{questionId}/retire")
    String retire(@PathVariable long questionId, RedirectAttributes redirect) {
        admin.setQuestionActive(CurrentViewer.get(), questionId, false);
        redirect.addFlashAttribute("flash", "training.bank.retired");
        return "redirect:/training-admin/questions/" + questionId;
    }

    @PostMapping("/training-admin/questions/{questionId}/restore")
    String restore(@PathVariable long questionId, RedirectAttributes redirect) {
        admin.setQuestionActive(CurrentViewer.get(), questionId, true);
        redirect.addFlashAttribute("flash", "training.bank.restored");
        return "redirect:/training-admin/questions/" + questionId;
    }

    /** A file of questions: all added, or none and every problem named with its row. */
    @PostMapping("/training-admin/questions/import")
    String importFile(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                      RedirectAttributes redirect) {
        List<MultipartFile> chosen = Uploads.chosen(files);
        if (chosen.size() != 1) {
            redirect.addFlashAttribute("flashError", "training.import.chooseFile");
            return "redirect:/training-admin/questions";
        }
        MultipartFile file = chosen.getFirst();
        BankFile.Read read = BankFile.read(Uploads.fileName(file), Uploads.bytes(file), admin);
        if (read.ok()) {
            int added = admin.addQuestions(CurrentViewer.get(), read.drafts()).size();
            redirect.addFlashAttribute("imported", added);
        } else {
            redirect.addFlashAttribute("problems", read.problems());
        }
        return "redirect:/training-admin/questions?state=all";
    }

    /** The list as filtered, in the import's layout. */
    @GetMapping("/training-admin/questions/export.xlsx")
    ResponseEntity<byte[]> export(@ModelAttribute Filter filter) {
        List<Questions.Question> all = questions.filtered(filter.skillOrNull(), filter.typeOrNull(), filter.active(), 0,
                BankFile.MAX_EXPORT);
        return xlsx("question-bank.xlsx", BankFile.write(all));
    }

    @GetMapping("/training-admin/questions/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        return xlsx("question-bank-template.xlsx", BankFile.template(messages, locale));
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(BankFile.XLSX))
                .body(body);
    }

    /** Active questions per skill: a line per skill with its counts per type and difficulty. */
    record Stock(String skill, List<Questions.Stock> cells, int total) {

        static List<Stock> of(List<Questions.Stock> all) {
            return all.stream().map(Questions.Stock::skill).distinct()
                    .map(s -> {
                        List<Questions.Stock> cells = all.stream().filter(x -> x.skill().equals(s)).toList();
                        return new Stock(s, cells, cells.stream().mapToInt(Questions.Stock::count).sum());
                    }).toList();
        }

        /** Active questions of a type in this skill, of every difficulty. */
        public int ofType(String type) {
            return cells.stream().filter(c -> c.type().equals(type)).mapToInt(Questions.Stock::count).sum();
        }

        /** "1×3 2×5": how many of each difficulty, for a type. */
        public String byDifficulty(String type) {
            StringBuilder out = new StringBuilder();
            cells.stream().filter(c -> c.type().equals(type)).forEach(c -> out.append(out.isEmpty() ? "" : " ")
                    .append(c.difficulty()).append('×').append(c.count()));
            return out.toString();
        }
    }
}
