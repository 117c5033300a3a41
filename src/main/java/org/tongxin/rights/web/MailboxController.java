package org.tongxin.rights.web;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.rights.internal.Letters;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * The chair's mailbox (主席信箱): the employee's page to write and to read the answers to their letters (and give or
 * withdraw consent to publish), the public questions and answers, and the chair's office's list and page of a letter
 * to answer it and publish it anonymised. A refused form comes back with what was typed.
 */
@Controller
class MailboxController {

    static final int PAGE_SIZE = 30;
    private static final Set<String> SHOWS = Set.of("open", "answered", "all");

    private final Letters letters;

    MailboxController(Letters letters) {
        this.letters = letters;
    }

    @GetMapping("/rights/mailbox")
    String mine(Model model) {
        return minePage(Map.of(), model);
    }

    @PostMapping("/rights/mailbox")
    String write(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        try {
            letters.write(CurrentViewer.get(), new Letters.Draft(typed.get("subject"), typed.get("body"),
                    "true".equals(typed.get("publishOk"))));
            redirect.addFlashAttribute("flash", "rights.mailbox.sent");
            return "redirect:/rights/mailbox";
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return minePage(typed, model);
        }
    }

    @PostMapping("/rights/mailbox/letters/{letterId}/consent")
    String consent(@PathVariable long letterId, @RequestParam(defaultValue = "false") boolean ok,
                   RedirectAttributes redirect) {
        letters.consent(CurrentViewer.get(), letterId, ok);
        redirect.addFlashAttribute("flash", ok ? "rights.mailbox.consentGiven" : "rights.mailbox.consentWithdrawn");
        return "redirect:/rights/mailbox";
    }

    @GetMapping("/rights/mailbox/answers")
    String answers(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("answers", letters.published(Page.clamp(page), PAGE_SIZE));
        return "rights/mailbox-answers";
    }

    @GetMapping("/rights/mailbox/office")
    String office(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        Viewer viewer = CurrentViewer.get();
        String s = SHOWS.contains(show) ? show : "open";
        model.addAttribute("letters", letters.forOffice(viewer, s, Page.clamp(page), PAGE_SIZE));
        model.addAttribute("counts", letters.counts(viewer));
        model.addAttribute("show", s);
        return "rights/mailbox-office";
    }

    @GetMapping("/rights/mailbox/office/{letterId}")
    String letter(@PathVariable long letterId, Model model) {
        return letterPage(letterId, Map.of(), model);
    }

    @PostMapping("/rights/mailbox/office/{letterId}/answer")
    String answer(@PathVariable long letterId, @RequestParam Map<String, String> typed, Model model,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(letterId, typed, model, redirect, "rights.mailbox.answered",
                () -> letters.answer(viewer, letterId, typed.get("answer")));
    }

    @PostMapping("/rights/mailbox/office/{letterId}/publish")
    String publish(@PathVariable long letterId, @RequestParam Map<String, String> typed, Model model,
                   RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(letterId, typed, model, redirect, "rights.mailbox.published",
                () -> letters.publish(viewer, letterId, typed.get("question"), typed.get("publicAnswer")));
    }

    @PostMapping("/rights/mailbox/office/{letterId}/unpublish")
    String unpublish(@PathVariable long letterId, Model model, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        return act(letterId, Map.of(), model, redirect, "rights.mailbox.unpublished",
                () -> letters.unpublish(viewer, letterId));
    }

    private String act(long id, Map<String, String> typed, Model model, RedirectAttributes redirect, String done,
                       Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/rights/mailbox/office/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return letterPage(id, typed, model);
        }
    }

    private String minePage(Map<String, String> typed, Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("letters", letters.mine(viewer));
        model.addAttribute("typed", typed);
        return "rights/mailbox";
    }

    private String letterPage(long id, Map<String, String> typed, Model model) {
        Letters.OfficeView view = letters.view(CurrentViewer.get(), id);
        model.addAttribute("v", view);
        model.addAttribute("l", view.letter());
        model.addAttribute("typed", typed);
        return "rights/mailbox-letter";
    }
}
