package org.tongxin.membership.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.membership.internal.Application;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.Flags;
import org.tongxin.membership.internal.Members;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/** The officer's queue: applications in their subtree, oldest deadline first, and members HR reported as gone. */
@Controller
class ApplicationsController {

    private final MembershipService membership;
    private final Applications applications;
    private final Flags flags;
    private final Members members;
    private final OrgDirectory org;

    ApplicationsController(MembershipService membership, Applications applications, Flags flags, Members members,
                           OrgDirectory org) {
        this.membership = membership;
        this.applications = applications;
        this.flags = flags;
        this.members = members;
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
        Map<Long, String> unitNames = new HashMap<>();
        List<Row> rows = applications.pending(org.manageableUnitIds(viewer), 200).stream()
                .map(a -> row(a, today, unitNames)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("units", org.manageableUnits(viewer).stream()
                .map(u -> new UnitDeadline(u.id(), u.name(), membership.decisionDays(u.id()))).limit(200).toList());
        model.addAttribute("flags", flags.open().stream()
                .filter(f -> org.unit(f.unitId()).map(u -> viewer.manages(u.pathIds())).orElse(false))
                .map(f -> new FlagRow(f.id(), members.currentById(f.memberId()).flatMap(m -> org.employee(m.employeeId()))
                        .map(EmployeeSummary::name).orElse("#" + f.memberId()),
                        org.unit(f.unitId()).map(OrgUnit::name).orElse(""), f.raisedAt()))
                .toList());
        return "membership/applications";
    }

    /** A unit with its decision deadline in working days. */
    record UnitDeadline(long id, String name, int days) {
    }

    /** A member HR reported as gone, waiting for an officer. */
    record FlagRow(long id, String name, String unitName, OffsetDateTime raisedAt) {
    }

    @PostMapping("/membership/settings")
    String deadline(@RequestParam long unitId, @RequestParam int days, RedirectAttributes redirect) {
        try {
            membership.setDecisionDays(CurrentViewer.get(), unitId, days);
            redirect.addFlashAttribute("flash", "membership.deadlineSaved");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/membership/applications";
    }

    @PostMapping("/membership/flags/{flagId}/settle")
    String settle(@PathVariable long flagId, @RequestParam String outcome, RedirectAttributes redirect) {
        membership.settleFlag(CurrentViewer.get(), flagId, "END".equals(outcome));
        redirect.addFlashAttribute("flash", "membership.flagSettled");
        return "redirect:/membership/applications";
    }

    private Row row(Application a, LocalDate today, Map<Long, String> unitNames) {
        EmployeeSummary e = org.employee(a.employeeId()).orElseThrow();
        String unitName = unitNames.computeIfAbsent(a.unitId(), id -> org.unit(id).map(OrgUnit::name).orElse(""));
        return new Row(a.id(), e.name(), e.employeeNo(), unitName,
                a.submittedAt(), a.dueOn(), a.isOverdue(today), a.escalatedAt() != null);
    }

    @PostMapping("/membership/applications/{applicationId}/approve")
    String approve(@PathVariable long applicationId, RedirectAttributes redirect) {
        try {
            membership.approve(CurrentViewer.get(), applicationId);
            redirect.addFlashAttribute("flash", "membership.approved");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/membership/applications";
    }

    @PostMapping("/membership/applications/{applicationId}/reject")
    String reject(@PathVariable long applicationId, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        try {
            membership.reject(CurrentViewer.get(), applicationId, reason);
            redirect.addFlashAttribute("flash", "membership.rejected");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/membership/applications";
    }
}
