package org.tongxin.training.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.Assessments;
import org.tongxin.training.internal.Attempts;
import org.tongxin.training.internal.ExamService;
import org.tongxin.training.internal.PostedAnswer;

/**
 * Taking an exam on the phone. Every question is on one page, named {@code q-{position}}; the page's script saves each
 * answer the moment it is given (a fetch POST answered with JSON) and retries while the phone is offline. Without the
 * script the same page still works: each question has a save button posting the whole form to that question's answer
 * endpoint, and the final submit carries every answer on the page ({@code carries}), which are saved before grading.
 * After grading the same URL shows the result and, when the exam allows, the review.
 */
@Controller
class AttemptController {

    private final ExamService exams;
    private final Assessments assessments;
    private final MessageSource messages;

    AttemptController(ExamService exams, Assessments assessments, MessageSource messages) {
        this.exams = exams;
        this.assessments = assessments;
        this.messages = messages;
    }

    /** Standalone exams open to the employee. */
    @GetMapping("/training/exams")
    String open(Model model) {
        model.addAttribute("exams", exams.openExams(employee()));
        return "training/exams-open";
    }

    @GetMapping("/training/exams/{examId}")
    String exam(@PathVariable long examId, Model model) {
        model.addAttribute("entry", exams.entry(employee(), examId));
        model.addAttribute("now", exams.now());
        return "training/exam";
    }

    @PostMapping("/training/exams/{examId}/start")
    String start(@PathVariable long examId, RedirectAttributes redirect) {
        try {
            return "redirect:/training/attempts/" + exams.start(employee(), examId, null);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/training/exams/" + examId;
        }
    }

    @GetMapping("/training/attempts/{attemptId}")
    String attempt(@PathVariable long attemptId, Model model) {
        ExamService.AttemptView view = exams.view(employee(), attemptId);
        Attempts.Attempt a = view.attempt();
        boolean review = !a.inProgress() && view.exam().review().equals("AFTER_SUBMIT");
        model.addAttribute("view", view);
        model.addAttribute("questions", view.items().stream().map(i -> Shown.of(i, review)).toList());
        model.addAttribute("review", review);
        model.addAttribute("unanswered", view.items().stream().filter(i -> i.answeredAt() == null)
                .map(Attempts.Item::position).toList());
        model.addAttribute("passPercent", a.assessmentId() == null ? view.exam().passPercent()
                : assessments.find(a.assessmentId()).map(Assessments.Assessment::passPercent)
                .orElse(view.exam().passPercent()));
        return "training/attempt";
    }

    /**
     * Saves one answer. The script asks for JSON ({@code Accept: application/json}) and gets the saved state or the
     * refusal's message with 409; a plain form post is sent back to the question on the page.
     */
    @PostMapping("/training/attempts/{attemptId}/answers/{position}")
    Object answer(@PathVariable long attemptId, @PathVariable int position,
                  @RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Locale locale,
                  RedirectAttributes redirect) {
        boolean json = String.valueOf(request.getHeader("Accept")).contains(MediaType.APPLICATION_JSON_VALUE);
        Viewer viewer = employee();
        String back = "redirect:/training/attempts/" + attemptId + "#question-" + position;
        try {
            exams.answer(viewer, attemptId, position, params.get("q-" + position));
            if (json) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("position", position, "saved", true));
            }
            redirect.addFlashAttribute("flash", "training.attempt.saved");
            return back;
        } catch (Refusal e) {
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("position", position);
                body.put("saved", false);
                body.put("error", e.messageKey());
                body.put("message", messages.getMessage(e.messageKey(), null, locale));
                return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(body);
            }
            redirect.addFlashAttribute("flashError", e.messageKey());
            return back;
        }
    }

    /**
     * Hands the attempt in. A form that carries the page's answers ({@code carries}) has those that differ from what
     * is saved saved first, as long as time allows; then the attempt is graded (once, however often this is sent).
     */
    @PostMapping("/training/attempts/{attemptId}/submit")
    String submit(@PathVariable long attemptId, @RequestParam MultiValueMap<String, String> params) {
        Viewer viewer = employee();
        if (params.containsKey("carries")) {
            ExamService.AttemptView view = exams.view(viewer, attemptId);
            if (view.attempt().inProgress()) {
                saveCarried(viewer, attemptId, view.items(), params);
            }
        }
        exams.submit(viewer, attemptId);
        return "redirect:/training/attempts/" + attemptId + "#result";
    }

    private void saveCarried(Viewer viewer, long attemptId, List<Attempts.Item> items,
                             MultiValueMap<String, String> params) {
        for (Attempts.Item item : items) {
            List<String> values = params.get("q-" + item.position());
            // A question with nothing chosen on the page is left as saved (a radio cannot be un-chosen anyway) …
            if (values == null && !item.type().equals("MULTIPLE")) {
                continue;
            }
            // … except multiple choice, where no box ticked on a page that carries its answers means none.
            PostedAnswer given = PostedAnswer.of(item.type(), values);
            if (given == null || given.sameAs(item)) {
                continue;
            }
            try {
                exams.answer(viewer, attemptId, item.position(), given.chosen(), given.typed());
            } catch (Refusal e) {
                // Time is up or the value was not one of the choices: the saved answer stands, and grading goes on.
            }
        }
    }

    /** The signed-in employee; someone who is not one (a technical admin account) has no exams here. */
    private static Viewer employee() {
        Viewer viewer = CurrentViewer.get();
        if (viewer.employeeId() == null) {
            throw new NotFoundException("exams of a non-employee");
        }
        return viewer;
    }

    /** A choice as shown: the value posted (the bank's number), the letter in this attempt's order, its text. */
    record Choice(int value, String letter, String text, boolean chosen, boolean correct) {
    }

    /**
     * A question as the page shows it: choices in the attempt's order. In review, also whether the answer scored in
     * full, the right answer (letters in this attempt's order, or the accepted answers) and the explanation; never
     * before the attempt is graded.
     */
    record Shown(Attempts.Item item, List<Choice> choices, boolean answered, String given, String right,
                 String verdict) {

        static Shown of(Attempts.Item item, boolean review) {
            List<Choice> choices = new ArrayList<>();
            int[] order = item.type().equals("TRUE_FALSE") ? new int[]{0, 1} : item.optionOrder();
            int[] chosen = item.chosen() == null ? new int[0] : item.chosen();
            for (int k = 0; k < order.length; k++) {
                int bank = order[k];
                boolean correct = review && contains(item.correct(), bank);
                String text = item.type().equals("TRUE_FALSE") ? null : item.options().get(bank);
                choices.add(new Choice(bank, Character.toString('A' + k), text, contains(chosen, bank), correct));
            }
            String given = null;
            String right = null;
            String verdict = null;
            if (review) {
                if (item.type().equals("FILL")) {
                    given = item.typed();
                    right = String.join(" / ", item.accepted());
                } else {
                    given = letters(choices, Choice::chosen);
                    right = letters(choices, Choice::correct);
                }
                BigDecimal scored = item.scored() == null ? BigDecimal.ZERO : item.scored();
                verdict = scored.compareTo(item.points()) >= 0 ? "RIGHT"
                        : scored.signum() > 0 ? "PARTLY" : "WRONG";
            }
            return new Shown(item, choices, item.answeredAt() != null, given, right, verdict);
        }

        private static String letters(List<Choice> choices, java.util.function.Predicate<Choice> which) {
            StringBuilder out = new StringBuilder();
            choices.stream().filter(which).forEach(c -> out.append(c.letter()));
            return out.toString();
        }

        private static boolean contains(int[] values, int v) {
            return values != null && Arrays.stream(values).anyMatch(x -> x == v);
        }

        /** The text typed so far for a fill-in. */
        public String typed() {
            return item.typed() == null ? "" : item.typed();
        }
    }
}
