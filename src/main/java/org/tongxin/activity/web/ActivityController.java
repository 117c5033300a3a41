package org.tongxin.activity.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.Activity;
import org.tongxin.activity.internal.ActivityService;
import org.tongxin.activity.internal.Registrations;
import org.tongxin.activity.internal.SignUp;
import org.tongxin.activity.results.ResultsService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/** Employees on their phones: activities open to them, signing up, cancelling, checking in. */
@Controller
class ActivityController {

    private final Activities activities;
    private final ActivityService service;
    private final SignUp signUp;
    private final Registrations registrations;
    private final OrgDirectory org;
    private final FileStore files;
    private final ResultsService results;

    ActivityController(Activities activities, ActivityService service, SignUp signUp, Registrations registrations,
                       OrgDirectory org, FileStore files, ResultsService results) {
        this.results = results;
        this.activities = activities;
        this.service = service;
        this.signUp = signUp;
        this.registrations = registrations;
        this.org = org;
        this.files = files;
    }

    /** An activity in a list, with what the viewer has to do with it. */
    record Card(ActivityService.View view, boolean eligible, String mine) {
    }

    @GetMapping("/activities")
    String list(@RequestParam(required = false) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) Long host, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Card> cards = List.of();
        List<OrgUnit> hosts = new ArrayList<>();
        if (viewer.employeeId() != null) {
            long employeeId = viewer.employeeId();
            List<Long> path = org.employee(employeeId).flatMap(e -> org.unit(e.unitId())).map(OrgUnit::pathIds)
                    .orElse(List.of());
            // The bodies that may host something for this person: their own units up the tree, and the partners.
            path.forEach(id -> org.unit(id).ifPresent(hosts::add));
            hosts.addAll(org.partnerBodies());
            OffsetDateTime start = from == null ? OffsetDateTime.now()
                    : from.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
            List<Activity> open = activities.openTo(employeeId, path, start, blankToNull(type), host, 100).stream()
                    .filter(signUp.eligibility(employeeId)).toList();
            Map<Long, Registrations.Entry> mine = registrations.active(employeeId,
                    open.stream().map(Activity::id).toList());
            cards = service.views(open).stream().map(v -> new Card(v, true, badge(mine.get(v.activity().id()))))
                    .toList();
        }
        model.addAttribute("cards", cards);
        model.addAttribute("types", ActivityForms.TYPES);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("host", host);
        model.addAttribute("hosts", hosts);
        return "activity/list";
    }

    /** CONFIRMED, WAITLISTED (with place) or null, for the badge on a card and the detail page. */
    private String mine(long activityId, long employeeId) {
        return registrations.active(activityId, employeeId).map(ActivityController::badge).orElse(null);
    }

    private static String badge(Registrations.Entry registration) {
        return registration == null ? null : registration.confirmed() ? "CONFIRMED" : "WAITLISTED";
    }

    @GetMapping("/activities/mine")
    String mine(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Card> cards = viewer.employeeId() == null ? List.of() : registrations.ofEmployee(viewer.employeeId())
                .stream().map(r -> activities.find(r.activityId()).orElseThrow())
                .map(a -> new Card(service.view(a), true, mine(a.id(), viewer.employeeId()))).toList();
        model.addAttribute("cards", cards);
        return "activity/mine";
    }

    @GetMapping("/activities/{activityId}")
    String show(@PathVariable long activityId, Model model) {
        long employeeId = employee();
        Activity a = signUp.visible(activityId, employeeId);
        model.addAttribute("view", service.view(a));
        model.addAttribute("mine", mine(activityId, employeeId));
        model.addAttribute("place", registrations.waitlistPlace(activityId, employeeId).orElse(null));
        model.addAttribute("now", service.now());
        model.addAttribute("result", results.published(CurrentViewer.get(), activityId).orElse(null));
        return "activity/detail";
    }

    @GetMapping("/activities/{activityId}/cover")
    ResponseEntity<byte[]> cover(@PathVariable long activityId) {
        Activity a = signUp.visible(activityId, employee());
        FileStore.Image image = Optional.ofNullable(a.coverKey()).flatMap(files::readImage)
                .orElseThrow(() -> new NotFoundException("cover"));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Type", image.mediaType()).body(image.content());
    }

    @PostMapping("/activities/{activityId}/register")
    String register(@PathVariable long activityId, RedirectAttributes redirect) {
        try {
            SignUp.Result result = signUp.register(CurrentViewer.get(), activityId);
            redirect.addFlashAttribute("flash", "activity.signup." + result.name());
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/activities/" + activityId;
    }

    @PostMapping("/activities/{activityId}/cancel")
    String cancel(@PathVariable long activityId, RedirectAttributes redirect) {
        try {
            signUp.cancel(CurrentViewer.get(), activityId);
            redirect.addFlashAttribute("flash", "activity.signup.cancelled");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/activities/" + activityId;
    }

    /** The page the check-in QR opens: one tap checks in (a GET never changes anything). */
    @GetMapping("/activities/{activityId}/check-in")
    String checkInPage(@PathVariable long activityId, @RequestParam(name = "t", defaultValue = "") String token,
                       Model model) {
        Activity a = activities.find(activityId).filter(x -> x.checkinToken().equals(token))
                .orElseThrow(() -> new NotFoundException("activity " + activityId));
        model.addAttribute("view", service.view(a));
        model.addAttribute("token", token);
        return "activity/check-in";
    }

    @PostMapping("/activities/{activityId}/check-in")
    String checkIn(@PathVariable long activityId, @RequestParam(name = "t", defaultValue = "") String token,
                   RedirectAttributes redirect) {
        try {
            SignUp.CheckIn result = signUp.checkIn(CurrentViewer.get(), activityId, token);
            redirect.addFlashAttribute("flash", "activity.checkin." + result.name());
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/activities/" + activityId + "/check-in?t=" + token;
    }

    private static long employee() {
        Long id = CurrentViewer.get().employeeId();
        if (id == null) {
            throw new NotFoundException("activities are for employees");
        }
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
