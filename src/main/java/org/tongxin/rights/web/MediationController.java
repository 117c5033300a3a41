package org.tongxin.rights.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.rights.internal.Mediation;
import org.tongxin.rights.internal.Mediations;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * The mediation committee's pages (劳动争议调解): its cases with the days left, opening one (from an appeal it handles,
 * or for an employee by number), a case with its sessions, the extension and the closing; and the applicant's own
 * small page of their cases. A refused form comes back with what was typed.
 */
@Controller
class MediationController {

    static final int PAGE_SIZE = 30;
    private static final Set<String> SHOWS = Set.of("open", "closed", "all");

    private final Mediations mediations;

    MediationController(Mediations mediations) {
        this.mediations = mediations;
    }

    @GetMapping("/rights/mediation")
    String list(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Viewer viewer = CurrentViewer.get();
        String s = SHOWS.contains(show) ? show : "open";
        model.addAttribute("cases", mediations.list(viewer, s, Page.clamp(page), PAGE_SIZE));
        model.addAttribute("counts", mediations.counts(viewer));
        model.addAttribute("show", s);
        return "rights/mediation-list";
    }

    @GetMapping("/rights/mediation/new")
    String form(@RequestParam(required = false) Long appeal, Model model) {
        Viewer viewer = CurrentViewer.get();
        if (!mediations.acts(viewer)) {
            throw new NotFoundException("mediation committee");
        }
        Mediations.FromAppeal from = appeal == null ? null : mediations.fromAppeal(viewer, appeal);
        model.addAttribute("from", from);
        model.addAttribute("typed", Map.of("claim", from == null || from.wanted() == null ? "" : from.wanted()));
        return "rights/mediation-new";
    }

    @PostMapping("/rights/mediation")
    String open(@RequestParam(required = false) Long appeal, @RequestParam Map<String, String> typed, Model model,
                RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        try {
            long id = mediations.open(viewer, new Mediations.Opening(appeal, typed.get("applicantNo"),
                    typed.get("respondent"), typed.get("claim")));
            redirect.addFlashAttribute("flash", "rights.mediation.opened");
            return "redirect:/rights/mediation/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("from", appeal == null ? null : mediations.fromAppeal(viewer, appeal));
            model.addAttribute("typed", typed);
            return "rights/mediation-new";
        }
    }

    @GetMapping("/rights/mediation/mine")
    String mine(Model model) {
        model.addAttribute("cases", mediations.forApplicant(CurrentViewer.get()));
        model.addAttribute("today", mediations.today());
        return "rights/mediation-mine";
    }

    @GetMapping("/rights/mediation/{mediationId}")
    String view(@PathVariable long mediationId, Model model) {
        return casePage(mediationId, Map.of(), model);
    }

    @PostMapping("/rights/mediation/{mediationId}/sessions")
    String session(@PathVariable long mediationId, @RequestParam Map<String, String> typed, Model model,
                   RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(mediationId, typed, model, redirect, "rights.mediation.sessionAdded", () -> mediations.addSession(
                viewer, mediationId, date(typed.get("heldOn"), "rights.mediation.error.sessionDate"),
                typed.get("attendees"), typed.get("minutes")));
    }

    @PostMapping("/rights/mediation/{mediationId}/extend")
    String extend(@PathVariable long mediationId, @RequestParam Map<String, String> typed, Model model,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(mediationId, typed, model, redirect, "rights.mediation.extended", () -> mediations.extend(viewer,
                mediationId, days(typed.get("days")), typed.get("reason")));
    }

    @PostMapping("/rights/mediation/{mediationId}/close")
    String close(@PathVariable long mediationId, @RequestParam Map<String, String> typed, Model model,
                 RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(mediationId, typed, model, redirect, "rights.mediation.closed", () -> mediations.close(viewer,
                mediationId, outcome(typed.get("outcome")), typed.get("text"),
                date(typed.get("agreedOn"), "rights.mediation.error.agreedOn")));
    }

    private String act(long id, Map<String, String> typed, Model model, RedirectAttributes redirect, String done,
                       Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/rights/mediation/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return casePage(id, typed, model);
        }
    }

    private String casePage(long id, Map<String, String> typed, Model model) {
        Mediations.CaseView view = mediations.view(CurrentViewer.get(), id);
        model.addAttribute("c", view);
        model.addAttribute("m", view.mediation());
        model.addAttribute("today", mediations.today());
        model.addAttribute("typed", typed);
        return "rights/mediation-case";
    }

    private static LocalDate date(String typed, String refusal) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(refusal);
        }
    }

    private static int days(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Mediation.Status outcome(String typed) {
        try {
            return typed == null ? null : Mediation.Status.valueOf(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
