package org.tongxin.activity.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.activity.internal.VolunteerProjects;
import org.tongxin.activity.internal.VolunteerService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.Refusal;

/**
 * The organisers' pages: projects of the bodies an officer manages, their shifts, the hours form after a
 * shift and its confirmation, and each body's totals for a year. Every parameter is optional so that the
 * scope check, not the binding, answers a request about another unit's project.
 */
@Controller
class VolunteerAdminController {

    private static final String HOURS = "hours-";
    private static final String PRESENT = "present-";

    private final VolunteerService service;

    VolunteerAdminController(VolunteerService service) {
        this.service = service;
    }

    @GetMapping("/volunteering/manage")
    String overview(@RequestParam(required = false) Integer year, Model model) {
        var officer = CurrentViewer.get();
        model.addAttribute("overview", service.overview(officer, Years.shown(year)));
        model.addAttribute("years", Years.choices());
        model.addAttribute("choices", service.choices(officer));
        return "volunteering/manage";
    }

    @PostMapping("/volunteering/manage/projects")
    String create(@RequestParam(required = false) Long leadUnitId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String place,
                  @RequestParam(defaultValue = "") String audience, @RequestParam(required = false) Long audienceUnitId,
                  @RequestParam(required = false) List<Long> coHostIds, RedirectAttributes redirect) {
        if (leadUnitId == null) {
            redirect.addFlashAttribute("flashError", "volunteer.error.incomplete");
            return "redirect:/volunteering/manage";
        }
        try {
            long id = service.create(CurrentViewer.get(), draft(title, description, place, audience, audienceUnitId,
                    leadUnitId), coHostIds == null ? List.of() : coHostIds);
            redirect.addFlashAttribute("flash", "volunteer.project.created");
            return "redirect:/volunteering/manage/projects/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/volunteering/manage";
        }
    }

    private static VolunteerProjects.Draft draft(String title, String description, String place, String audience,
                                                 Long audienceUnitId, long leadUnitId) {
        return new VolunteerProjects.Draft(title.strip(), description.strip(), place.isBlank() ? null : place.strip(),
                audience, audienceUnitId, leadUnitId);
    }

    @GetMapping("/volunteering/manage/projects/{volunteerProjectId}")
    String project(@PathVariable("volunteerProjectId") long projectId, Model model) {
        var officer = CurrentViewer.get();
        model.addAttribute("view", service.view(officer, projectId));
        model.addAttribute("choices", service.choices(officer));
        return "volunteering/manage-project";
    }

    @PostMapping("/volunteering/manage/projects/{volunteerProjectId}")
    String update(@PathVariable("volunteerProjectId") long projectId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String place,
                  @RequestParam(defaultValue = "") String audience, @RequestParam(required = false) Long audienceUnitId,
                  @RequestParam(required = false) List<Long> coHostIds, RedirectAttributes redirect) {
        return onProject(projectId, redirect, "volunteer.project.saved", () -> service.update(CurrentViewer.get(),
                projectId, draft(title, description, place, audience, audienceUnitId, 0),
                coHostIds == null ? List.of() : coHostIds));
    }

    @PostMapping("/volunteering/manage/projects/{volunteerProjectId}/publish")
    String publish(@PathVariable("volunteerProjectId") long projectId, RedirectAttributes redirect) {
        return onProject(projectId, redirect, "volunteer.project.published",
                () -> service.publish(CurrentViewer.get(), projectId));
    }

    @PostMapping("/volunteering/manage/projects/{volunteerProjectId}/close")
    String close(@PathVariable("volunteerProjectId") long projectId, RedirectAttributes redirect) {
        return onProject(projectId, redirect, "volunteer.project.closedDone",
                () -> service.close(CurrentViewer.get(), projectId));
    }

    @PostMapping("/volunteering/manage/projects/{volunteerProjectId}/shifts")
    String addShift(@PathVariable("volunteerProjectId") long projectId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                    @RequestParam(defaultValue = "") String place, @RequestParam(required = false) Integer needed,
                    RedirectAttributes redirect) {
        return onProject(projectId, redirect, "volunteer.shift.added", () -> service.addShift(CurrentViewer.get(),
                projectId, new VolunteerService.ShiftForm(at(startsAt), at(endsAt), place, needed)));
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static String onProject(long projectId, RedirectAttributes redirect, String doneKey, Runnable action) {
        return FormOutcome.flash(redirect, doneKey, "/volunteering/manage/projects/" + projectId, action);
    }

    @GetMapping("/volunteering/manage/shifts/{shiftId}")
    String shift(@PathVariable long shiftId, Model model) {
        model.addAttribute("page", service.shiftPage(CurrentViewer.get(), shiftId));
        return "volunteering/manage-shift";
    }

    @PostMapping("/volunteering/manage/shifts/{shiftId}/places")
    String places(@PathVariable long shiftId, @RequestParam(required = false) Integer needed,
                  RedirectAttributes redirect) {
        return onShift(shiftId, redirect, "volunteer.shift.placesSaved",
                () -> service.changePlaces(CurrentViewer.get(), shiftId, needed));
    }

    @PostMapping("/volunteering/manage/shifts/{shiftId}/cancel")
    String cancel(@PathVariable long shiftId, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        return onShift(shiftId, redirect, "volunteer.shift.cancelledDone",
                () -> service.cancelShift(CurrentViewer.get(), shiftId, reason));
    }

    /** One line per volunteer: {@code hours-<signup>} as typed and {@code present-<signup>} when ticked. */
    @PostMapping("/volunteering/manage/shifts/{shiftId}/hours")
    String hours(@PathVariable long shiftId, @RequestParam MultiValueMap<String, String> form,
                 RedirectAttributes redirect) {
        Map<Long, VolunteerService.HoursEntry> entries = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(HOURS) && name.substring(HOURS.length()).matches("\\d{1,18}")) {
                entries.put(Long.parseLong(name.substring(HOURS.length())), new VolunteerService.HoursEntry(
                        form.containsKey(PRESENT + name.substring(HOURS.length())), values.getFirst()));
            }
        });
        return onShift(shiftId, redirect, "volunteer.hours.recorded",
                () -> service.recordHours(CurrentViewer.get(), shiftId, entries));
    }

    @PostMapping("/volunteering/manage/shifts/{shiftId}/confirm")
    String confirm(@PathVariable long shiftId, RedirectAttributes redirect) {
        return onShift(shiftId, redirect, "volunteer.hours.confirmed",
                () -> service.confirmHours(CurrentViewer.get(), shiftId));
    }

    private static String onShift(long shiftId, RedirectAttributes redirect, String doneKey, Runnable action) {
        return FormOutcome.flash(redirect, doneKey, "/volunteering/manage/shifts/" + shiftId, action);
    }
}
