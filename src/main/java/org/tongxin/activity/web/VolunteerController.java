package org.tongxin.activity.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.activity.internal.Volunteering;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/** Volunteering on the phone: projects open to me, a place on a shift, and my own hours. */
@Controller
class VolunteerController {

    private final Volunteering volunteering;

    VolunteerController(Volunteering volunteering) {
        this.volunteering = volunteering;
    }

    @GetMapping("/volunteering")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        int year = LocalDate.now().getYear();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("projects", volunteering.open(viewer));
        model.addAttribute("year", year);
        model.addAttribute("totals", viewer.employeeId() == null ? null
                : volunteering.yearTotals(viewer.employeeId(), year));
        return "volunteering/list";
    }

    @GetMapping("/volunteering/mine")
    String mine(@RequestParam(required = false) Integer year, Model model) {
        Viewer viewer = CurrentViewer.get();
        int shown = Years.shown(year);
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("mine", volunteering.mine(viewer, shown));
        model.addAttribute("years", Years.choices());
        model.addAttribute("now", OffsetDateTime.now());
        return "volunteering/mine";
    }

    @GetMapping("/volunteering/projects/{volunteerProjectId}")
    String project(@PathVariable("volunteerProjectId") long projectId, Model model) {
        model.addAttribute("page", volunteering.page(CurrentViewer.get(), projectId));
        return "volunteering/project";
    }

    @PostMapping("/volunteering/shifts/{shiftId}/signup")
    String signUp(@PathVariable long shiftId, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        long projectId = volunteering.visibleShift(viewer, shiftId).projectId();
        try {
            Volunteering.Result result = volunteering.signUp(viewer, shiftId);
            redirect.addFlashAttribute("flash", result == Volunteering.Result.TAKEN ? "volunteer.signedUp"
                    : "volunteer.alreadySignedUp");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/volunteering/projects/" + projectId;
    }

    /** Back to "my volunteering" when cancelled from there ({@code from=mine}), else to the project. */
    @PostMapping("/volunteering/shifts/{shiftId}/cancel")
    String cancel(@PathVariable long shiftId, @RequestParam(defaultValue = "") String from,
                  RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        long projectId = volunteering.visibleShift(viewer, shiftId).projectId();
        try {
            volunteering.cancel(viewer, shiftId);
            redirect.addFlashAttribute("flash", "volunteer.cancelled");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return from.equals("mine") ? "redirect:/volunteering/mine" : "redirect:/volunteering/projects/" + projectId;
    }
}
