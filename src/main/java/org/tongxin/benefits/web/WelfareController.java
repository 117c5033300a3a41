package org.tongxin.benefits.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.Refusal;

/**
 * The member's holiday welfare (节日福利): the rounds they are in; a round's packages to pick (or change) while the
 * window is open, with stock left and the closing time; after it closes what they hold, where they collect it and,
 * once the site has it, the button that signs for it. A round the person is not in is not found.
 */
@Controller
class WelfareController {

    private final Welfare welfare;

    WelfareController(Welfare welfare) {
        this.welfare = welfare;
    }

    @GetMapping("/benefits/welfare")
    String mine(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("rounds", welfare.mine(viewer).stream().map(Held::of).toList());
        model.addAttribute("now", welfare.now());
        return "benefits/welfare/mine";
    }

    @GetMapping("/benefits/welfare/{roundId}")
    String round(@PathVariable long roundId, Model model) {
        Welfare.MemberView view = welfare.forMember(CurrentViewer.get(), roundId);
        model.addAttribute("v", view);
        model.addAttribute("r", view.round());
        model.addAttribute("mine", view.mine());
        model.addAttribute("pickable", view.round().pickable(welfare.now()));
        model.addAttribute("notYet", welfare.now().isBefore(view.round().opensAt()));
        model.addAttribute("held", view.packages().stream()
                .filter(p -> view.mine().packageId() != null && p.id() == view.mine().packageId()).findFirst()
                .orElse(null));
        return "benefits/welfare/round";
    }

    /** Picks a package, or changes the one held, while the window is open. */
    @PostMapping("/benefits/welfare/{roundId}/pick")
    String pick(@PathVariable long roundId, @RequestParam(defaultValue = "0") long packageId,
                RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Welfare.MemberView view = welfare.forMember(viewer, roundId);
        try {
            boolean change = view.mine().packageId() != null;
            welfare.pick(viewer, roundId, packageId);
            redirect.addFlashAttribute("flash", change ? "benefits.welfare.flash.changed" : "benefits.welfare.flash.picked");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/benefits/welfare/" + roundId;
    }

    /** The member signs that they collected their package at the site. */
    @PostMapping("/benefits/welfare/{roundId}/sign")
    String sign(@PathVariable long roundId, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        welfare.forMember(viewer, roundId);
        FormOutcome.flash(redirect, "benefits.welfare.flash.signed", () -> welfare.sign(viewer, roundId));
        return "redirect:/benefits/welfare/" + roundId;
    }
}
