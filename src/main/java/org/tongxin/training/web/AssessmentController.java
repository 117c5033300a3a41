package org.tongxin.training.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.training.internal.AssessmentStandings;
import org.tongxin.training.internal.ExamService;

/**
 * An employee's assessment: where they stand in the loop, and the button that starts (or resumes) an attempt.
 * Someone not assessed in it gets 404.
 */
@Controller
class AssessmentController {

    private final AssessmentStandings standings;
    private final ExamService exams;

    AssessmentController(AssessmentStandings standings, ExamService exams) {
        this.standings = standings;
        this.exams = exams;
    }

    @GetMapping("/training/assessments/{assessmentId}")
    String standing(@PathVariable long assessmentId, Model model) {
        model.addAttribute("my", standings.of(CurrentViewer.get(), assessmentId));
        return "training/assessment";
    }

    /** Starts an attempt, or returns to the one in progress; a refusal (retrain first, closed, passed) is flashed. */
    @PostMapping("/training/assessments/{assessmentId}/start")
    String start(@PathVariable long assessmentId, RedirectAttributes redirect) {
        var viewer = CurrentViewer.get();
        var my = standings.of(viewer, assessmentId);
        try {
            long attempt = exams.start(viewer, my.assessment().examId(), assessmentId);
            return "redirect:/training/attempts/" + attempt;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/training/assessments/" + assessmentId;
        }
    }
}
