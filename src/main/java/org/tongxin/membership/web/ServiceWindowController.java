package org.tongxin.membership.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.Member;
import org.tongxin.membership.internal.Members;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/**
 * The mobile service window (流动服务窗口): an officer on site with a tablet looks people up, signs them
 * up on the spot, and settles leaving and retirement, all within the officer's own units.
 */
@Controller
class ServiceWindowController {

    private final MembershipService membership;
    private final Members members;
    private final Applications applications;
    private final OrgDirectory org;

    ServiceWindowController(MembershipService membership, Members members, Applications applications,
                            OrgDirectory org) {
        this.membership = membership;
        this.members = members;
        this.applications = applications;
        this.org = org;
    }

    /** One person as the window lists them. */
    record Person(EmployeeSummary employee, Member member, boolean applicationOpen) {
    }

    @GetMapping("/membership/window")
    String window(@RequestParam(required = false) String q, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Person> people = org.searchEmployees(viewer, q, 20).stream()
                .map(e -> new Person(e, members.current(e.id()).orElse(null), applications.openOf(e.id()).isPresent()))
                .toList();
        model.addAttribute("people", people);
        model.addAttribute("units", people.stream().anyMatch(p -> p.member() != null) ? org.manageableUnits(viewer)
                : List.of());
        return "membership/window";
    }

    @PostMapping("/membership/window/{employeeId}/join")
    String join(@PathVariable long employeeId, @RequestParam(defaultValue = "false") boolean declaration,
                @RequestParam(defaultValue = "") String q, RedirectAttributes redirect) {
        return act(q, redirect, () -> redirect.addFlashAttribute("joinedNo",
                membership.joinAtWindow(CurrentViewer.get(), employeeId, declaration)));
    }

    @PostMapping("/membership/window/{employeeId}/transfer")
    String transfer(@PathVariable long employeeId, @RequestParam long unitId, @RequestParam(defaultValue = "") String q,
                    RedirectAttributes redirect) {
        return act(q, redirect, () -> {
            membership.transferByOfficer(CurrentViewer.get(), employeeId, unitId);
            redirect.addFlashAttribute("flash", "membership.transferred");
        });
    }

    @PostMapping("/membership/window/{employeeId}/end")
    String end(@PathVariable long employeeId, @RequestParam String reason, @RequestParam(defaultValue = "") String q,
               RedirectAttributes redirect) {
        return act(q, redirect, () -> {
            membership.endMembership(CurrentViewer.get(), employeeId, reason);
            redirect.addFlashAttribute("flash", "membership.ended");
        });
    }

    /** Runs a window action and returns to the same search, with the refusal shown when there is one. */
    private static String act(String q, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        redirect.addAttribute("q", q);
        return "redirect:/membership/window";
    }
}
