package org.tongxin.activity.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.Activity;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.Registrations;
import org.tongxin.activity.internal.SignUp;
import org.tongxin.activity.internal.VenueService;
import org.tongxin.activity.internal.Venues;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.QrCodes;
import org.tongxin.shared.web.Refusal;

/** Officers of the host bodies: drafting, publishing, cancelling, the check-in QR and the attendance list. */
@Controller
class ActivityAdminController {

    private static final int COVER_BYTES = 5 * 1024 * 1024;

    private final ActivityService service;
    private final Activities activities;
    private final Registrations registrations;
    private final SignUp signUp;
    private final OrgDirectory org;
    private final FileStore files;
    private final VenueService venues;
    private final Venues venueList;

    ActivityAdminController(ActivityService service, Activities activities, Registrations registrations, SignUp signUp,
                            OrgDirectory org, FileStore files,
                            VenueService venues, Venues venueList) {
        this.venueList = venueList;
        this.service = service;
        this.activities = activities;
        this.registrations = registrations;
        this.signUp = signUp;
        this.org = org;
        this.files = files;
        this.venues = venues;
    }

    @GetMapping("/activity-admin")
    String list(Model model) {
        model.addAttribute("views", service.hostedFor(CurrentViewer.get()).stream().map(service::view).toList());
        return "activity/admin-list";
    }

    @GetMapping("/activity-admin/new")
    String form(Model model) {
        formOptions(model, CurrentViewer.get());
        return "activity/form";
    }

    private void formOptions(Model model, Viewer viewer) {
        List<OrgUnit> leads = new ArrayList<>(org.manageableUnits(viewer));
        org.partnerBodies().stream().filter(p -> viewer.manages(p.pathIds())).forEach(leads::add);
        model.addAttribute("leads", leads);
        model.addAttribute("partners", org.partnerBodies());
        model.addAttribute("audienceUnits", org.manageableUnits(viewer));
        model.addAttribute("types", ActivityForms.TYPES);
        model.addAttribute("venues", venueList.search(null, null, 300));
    }

    @PostMapping("/activity-admin")
    String create(@ModelAttribute ActivityForms form, @RequestParam(name = "cover", required = false) MultipartFile cover,
                  Model model, RedirectAttributes redirect) throws IOException {
        Viewer viewer = CurrentViewer.get();
        try {
            // The picture is checked (and kept) first, so a refused picture leaves no activity behind.
            String coverKey = cover == null || cover.isEmpty() ? null
                    : files.storeImage("activity", cover.getBytes(), COVER_BYTES);
            long id = service.create(viewer, form.draft(form.leadUnitId() == null ? -1 : form.leadUnitId()),
                    form.coHostIds(), form.inviteeIds(org), coverKey);
            redirect.addFlashAttribute("flash", "activity.created");
            return "redirect:/activity-admin/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            formOptions(model, viewer);
            return "activity/form";
        }
    }

    /** The page the lead's and co-hosts' officers work from. */
    @GetMapping("/activity-admin/{activityId}")
    String manage(@PathVariable long activityId, HttpServletRequest request, Model model) {
        Viewer viewer = CurrentViewer.get();
        Activity a = service.led(viewer, activityId, false);
        model.addAttribute("view", service.view(a));
        model.addAttribute("canEdit", canEdit(viewer, a));
        model.addAttribute("form", ActivityForms.of(a, activities.hosts(activityId), activities.invitees(activityId), org));
        formOptions(model, viewer);
        model.addAttribute("attendance", attendance(activityId));
        String checkIn = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/activities/{id}/check-in").queryParam("t", a.checkinToken()).buildAndExpand(activityId).toUriString();
        model.addAttribute("checkInUrl", checkIn);
        model.addAttribute("checkInQr", QrCodes.svg(checkIn));
        model.addAttribute("now", service.now());
        model.addAttribute("venue", venues.activityVenue(activityId).orElse(null));
        return "activity/manage";
    }

    private boolean canEdit(Viewer viewer, Activity a) {
        return viewer.manages(org.unit(a.leadUnitId()).map(OrgUnit::pathIds).orElse(List.of()));
    }

    /** One person on the attendance list: confirmed or waiting, checked in or not (and when). */
    record Attendee(String name, String employeeNo, boolean confirmed, Integer place, OffsetDateTime checkedInAt,
                    boolean late) {
    }

    private List<Attendee> attendance(long activityId) {
        Activity a = activities.find(activityId).orElseThrow();
        List<Attendee> list = new ArrayList<>();
        int place = 0;
        for (Registrations.Entry e : registrations.activeInQueueOrder(activityId)) {
            EmployeeSummary person = org.employee(e.employeeId()).orElse(null);
            boolean late = e.checkedInAt() != null && e.checkedInAt().isAfter(a.startsAt().plus(SignUp.LATE_AFTER));
            list.add(new Attendee(person == null ? "#" + e.employeeId() : person.name(),
                    person == null ? "" : person.employeeNo(), e.confirmed(), e.confirmed() ? null : ++place,
                    e.checkedInAt(), late));
        }
        return list;
    }

    @PostMapping("/activity-admin/{activityId}")
    String update(@PathVariable long activityId, @ModelAttribute ActivityForms form,
                  @RequestParam(name = "cover", required = false) MultipartFile cover, RedirectAttributes redirect)
            throws IOException {
        return act(activityId, redirect, "activity.saved", () -> {
            Viewer viewer = CurrentViewer.get();
            Activity a = service.led(viewer, activityId, true);
            String coverKey = cover == null || cover.isEmpty() ? null
                    : files.storeImage("activity", bytes(cover), COVER_BYTES);
            service.update(viewer, activityId, form.draft(a.leadUnitId()), form.coHostIds(), form.inviteeIds(org),
                    coverKey);
        });
    }

    @PostMapping("/activity-admin/{activityId}/publish")
    String publish(@PathVariable long activityId, RedirectAttributes redirect) {
        return act(activityId, redirect, "activity.published", () -> service.publish(CurrentViewer.get(), activityId));
    }

    @PostMapping("/activity-admin/{activityId}/cancel")
    String cancel(@PathVariable long activityId, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        return act(activityId, redirect, "activity.cancelled",
                () -> service.cancel(CurrentViewer.get(), activityId, reason));
    }

    @PostMapping("/activity-admin/{activityId}/held")
    String held(@PathVariable long activityId, RedirectAttributes redirect) {
        return act(activityId, redirect, "activity.heldDone", () -> service.markHeld(CurrentViewer.get(), activityId));
    }

    /** Draws a lottery as soon as its window has closed, without waiting for the scheduled draw. */
    @PostMapping("/activity-admin/{activityId}/draw")
    String draw(@PathVariable long activityId, RedirectAttributes redirect) {
        return act(activityId, redirect, "activity.drawn", () -> {
            Viewer viewer = CurrentViewer.get();
            service.led(viewer, activityId, true);
            if (!signUp.draw(viewer, activityId, SignUp.newSeed())) {
                throw new Refusal("activity.error.noDraw");
            }
        });
    }

    /** An officer scans a member's card QR with the phone and pastes or opens its code here. */
    @PostMapping("/activity-admin/{activityId}/scan")
    String scan(@PathVariable long activityId, @RequestParam(defaultValue = "") String card,
                RedirectAttributes redirect) {
        String token = card.contains("t=") ? card.substring(card.lastIndexOf("t=") + 2) : card.strip();
        try {
            SignUp.CheckIn result = signUp.checkInByCard(CurrentViewer.get(), activityId, token);
            redirect.addFlashAttribute("flash", "activity.checkin." + result.name());
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/activity-admin/" + activityId + "#attendance";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new Refusal("file.unreadable");
        }
    }

    private static String act(long activityId, RedirectAttributes redirect, String doneKey, Runnable action) {
        return FormOutcome.flash(redirect, doneKey, "/activity-admin/" + activityId, action);
    }
}
