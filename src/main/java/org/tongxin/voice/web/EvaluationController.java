package org.tongxin.voice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.Evaluations.Evaluation;
import org.tongxin.voice.internal.VoiceQueries;

/**
 * Democratic evaluation (民主评议) for members: the open rounds with officers they may evaluate, and one secret ballot
 * per officer — a score of 1 to 5 on each criterion and a comment. A second ballot on the same officer is refused.
 */
@Controller
class EvaluationController {

    /** An officer the member may evaluate: name, post and unit, and whether the member has voted on them. */
    record Officer(long employeeId, String name, String post, String unitName, boolean voted) {
    }

    private final Evaluations evaluations;
    private final VoiceQueries queries;
    private final VoicePages pages;
    private final OrgDirectory org;
    private final UnitOfficers unitOfficers;

    EvaluationController(Evaluations evaluations, VoiceQueries queries, VoicePages pages, OrgDirectory org,
                         UnitOfficers unitOfficers) {
        this.evaluations = evaluations;
        this.queries = queries;
        this.pages = pages;
        this.org = org;
        this.unitOfficers = unitOfficers;
    }

    @GetMapping("/voice/evaluations")
    String rounds(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("rounds", pages.openRounds(viewer));
        return "voice/evaluations";
    }

    @GetMapping("/voice/evaluations/{id}")
    String round(@PathVariable long id, Model model) {
        Viewer viewer = CurrentViewer.get();
        Evaluation e = evaluations.find(id);
        List<Long> evaluees = evaluations.evalueesFor(viewer, id);
        if (evaluees.isEmpty()) {
            throw new NotFoundException("evaluation " + id + " for this member");
        }
        Map<Long, Long> units = queries.evalueeUnits(id);
        Map<Long, EmployeeSummary> people = org.employees(evaluees);
        Map<Long, String> unitNames = pages.unitNames(units.values());
        List<Officer> officers = new ArrayList<>();
        for (long o : evaluees) {
            long unit = units.get(o);
            String post = unitOfficers.officersOf(unit).stream().filter(x -> x.employeeId() == o)
                    .map(UnitOfficers.Officer::post).findFirst().orElse("");
            officers.add(new Officer(o, people.containsKey(o) ? people.get(o).name() : "#" + o, post,
                    unitNames.get(unit), evaluations.hasVoted(viewer, id, o)));
        }
        model.addAttribute("round", e);
        model.addAttribute("open", e.open(queries.today()));
        model.addAttribute("officers", officers);
        model.addAttribute("scores", List.of(1, 2, 3, 4, 5));
        return "voice/evaluation";
    }

    /** One secret ballot: {@code score-0} … for the criteria in order, and a comment. */
    @PostMapping("/voice/evaluations/{id}/vote")
    String vote(@PathVariable long id, @RequestParam(defaultValue = "0") long evalueeId,
                @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Evaluation e = evaluations.find(id);
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < e.criteria().size(); i++) {
            String v = form.get("score-" + i);
            try {
                scores.add(v == null || v.isBlank() ? null : Integer.parseInt(v.strip()));
            } catch (NumberFormatException x) {
                scores.add(null);
            }
        }
        try {
            evaluations.vote(viewer, id, evalueeId, scores, form.getOrDefault("comment", ""));
            redirect.addFlashAttribute("flash", "voice.page.voted");
        } catch (Refusal r) {
            redirect.addFlashAttribute("flashError", r.messageKey());
        }
        return "redirect:/voice/evaluations/" + id + "#officer-" + evalueeId;
    }
}
