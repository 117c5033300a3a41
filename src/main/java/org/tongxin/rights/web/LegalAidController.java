package org.tongxin.rights.web;

import java.time.LocalDateTime;
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
import org.tongxin.rights.internal.LegalAid;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * Legal aid (法律援助): the employee's page to ask for a consultation and follow their requests, and the company-level
 * desk's list and page of a request, to book it, mark it done with the outcome, or call it off. A refused form comes
 * back with what was typed.
 */
@Controller
class LegalAidController {

    static final int PAGE_SIZE = 30;
    private static final Set<String> SHOWS = Set.of("open", "closed", "all");

    private final LegalAid aid;

    LegalAidController(LegalAid aid) {
        this.aid = aid;
    }

    @GetMapping("/rights/legal-aid")
    String mine(Model model) {
        return minePage(Map.of(), model);
    }

    @PostMapping("/rights/legal-aid")
    String ask(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        try {
            aid.request(CurrentViewer.get(), new LegalAid.Ask(typed.get("topic"), typed.get("question"),
                    provider(typed.get("provider"))));
            redirect.addFlashAttribute("flash", "rights.aid.requested");
            return "redirect:/rights/legal-aid";
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return minePage(typed, model);
        }
    }

    @PostMapping("/rights/legal-aid/{legalAidId}/withdraw")
    String withdraw(@PathVariable long legalAidId, RedirectAttributes redirect) {
        try {
            aid.withdraw(CurrentViewer.get(), legalAidId);
            redirect.addFlashAttribute("flash", "rights.aid.withdrawn");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/rights/legal-aid";
    }

    @GetMapping("/rights/legal-aid/desk")
    String desk(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Viewer viewer = CurrentViewer.get();
        String s = SHOWS.contains(show) ? show : "open";
        model.addAttribute("requests", aid.desk(viewer, s, Page.clamp(page), PAGE_SIZE));
        model.addAttribute("waiting", aid.waiting(viewer));
        model.addAttribute("show", s);
        return "rights/aid-desk";
    }

    @GetMapping("/rights/legal-aid/desk/{legalAidId}")
    String request(@PathVariable long legalAidId, Model model) {
        return deskPage(legalAidId, Map.of(), model);
    }

    @PostMapping("/rights/legal-aid/desk/{legalAidId}/book")
    String book(@PathVariable long legalAidId, @RequestParam Map<String, String> typed, Model model,
                RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(legalAidId, typed, model, redirect, "rights.aid.booked",
                () -> aid.book(viewer, legalAidId, when(typed.get("at")), typed.get("adviser")));
    }

    @PostMapping("/rights/legal-aid/desk/{legalAidId}/done")
    String done(@PathVariable long legalAidId, @RequestParam Map<String, String> typed, Model model,
                RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(legalAidId, typed, model, redirect, "rights.aid.done",
                () -> aid.done(viewer, legalAidId, typed.get("outcome")));
    }

    @PostMapping("/rights/legal-aid/desk/{legalAidId}/cancel")
    String cancel(@PathVariable long legalAidId, @RequestParam Map<String, String> typed, Model model,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(legalAidId, typed, model, redirect, "rights.aid.cancelled",
                () -> aid.cancel(viewer, legalAidId, typed.get("reason")));
    }

    private String act(long id, Map<String, String> typed, Model model, RedirectAttributes redirect, String done,
                       Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/rights/legal-aid/desk/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return deskPage(id, typed, model);
        }
    }

    private String minePage(Map<String, String> typed, Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("requests", aid.mine(viewer));
        model.addAttribute("providers", LegalAid.Provider.values());
        model.addAttribute("typed", typed);
        return "rights/aid";
    }

    private String deskPage(long id, Map<String, String> typed, Model model) {
        LegalAid.DeskView view = aid.view(CurrentViewer.get(), id);
        model.addAttribute("v", view);
        model.addAttribute("r", view.request());
        model.addAttribute("typed", typed);
        return "rights/aid-case";
    }

    private static LegalAid.Provider provider(String typed) {
        try {
            return typed == null ? null : LegalAid.Provider.valueOf(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDateTime when(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDateTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("rights.aid.error.when");
        }
    }
}
