package org.tongxin.membership.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.membership.internal.Application;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/** The officer's queue of applications in their subtree, oldest deadline first, with approve and reject. */
@Controller
class ApplicationsController {

    private final MembershipService membership;
    private final Applications applications;
    private final OrgDirectory org;

    ApplicationsController(MembershipService membership, Applications applications, OrgDirectory org) {
        this.membership = membership;
        this.applications = applications;
        this.org = org;
    }

    /** One application as the queue shows it. */
    record Row(long id, String name, String employeeNo, String unitName, OffsetDateTime submittedAt, LocalDate dueOn,
               boolean overdue, boolean escalated) {
    }

    @GetMapping("/membership/applications")
    String queue(Model model) {
        Viewer viewer = CurrentViewer.get();
        LocalDate today = membership.today();
        List<Row> rows = applications.pending().stream()
                .filter(a -> org.unit(a.unitId()).map(u -> viewer.manages(u.pathIds())).orElse(false))
                .map(a -> row(a, today)).toList();
        model.addAttribute("rows", rows);
        return "membership/applications";
    }

    private Row row(Application a, LocalDate today) {
        EmployeeSummary e = org.employee(a.employeeId()).orElseThrow();
        return new Row(a.id(), e.name(), e.employeeNo(), org.unit(a.unitId()).map(OrgUnit::name).orElse(""),
                a.submittedAt(), a.dueOn(), a.isOverdue(today), a.escalatedAt() != null);
    }

    @PostMapping("/membership/applications/{applicationId}/approve")
    String approve(@PathVariable long applicationId, RedirectAttributes redirect) {
        membership.decidable(CurrentViewer.get(), applicationId);
        try {
            membership.approve(CurrentViewer.get(), applicationId);
            redirect.addFlashAttribute("flash", "membership.approved");
        } catch (MembershipService.Refused e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/membership/applications";
    }

    @PostMapping("/membership/applications/{applicationId}/reject")
    String reject(@PathVariable long applicationId, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        membership.decidable(CurrentViewer.get(), applicationId);
        try {
            membership.reject(CurrentViewer.get(), applicationId, reason);
            redirect.addFlashAttribute("flash", "membership.rejected");
        } catch (MembershipService.Refused e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/membership/applications";
    }
}
