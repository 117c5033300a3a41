package org.tongxin.voice.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.MotionQueries;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.Motions.Congress;
import org.tongxin.voice.internal.Motions.Motion;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * The officers' side of the workers' congress: the sessions of the units they manage (opening one, its window and
 * co-signers, its representatives by employee number, its motions by status with the counts and the satisfaction
 * totals), the review of a motion by the motions committee (accept, convert to a suggestion, decline; assign a formal
 * one), and the answer of the handling unit. Scoped and audited by {@link Motions}; another unit's session or motion is
 * 404.
 */
@Controller
class CongressAdminController {

    /** A session in the officer's list. */
    record SessionLine(Congress c, String unitName, boolean open, int representatives, Map<String, Long> counts,
                       long toReview) {

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Motions motions;
    private final MotionQueries queries;
    private final MotionPages pages;
    private final OrgDirectory org;
    private final SuggestionScheme suggestions;

    CongressAdminController(Motions motions, MotionQueries queries, MotionPages pages, OrgDirectory org,
                            SuggestionScheme suggestions) {
        this.motions = motions;
        this.queries = queries;
        this.pages = pages;
        this.org = org;
        this.suggestions = suggestions;
    }

    @GetMapping("/voice-admin/congress")
    String sessions(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Congress> list = queries.ofOfficer(viewer);
        Map<Long, String> names = pages.unitNames(list.stream().map(Congress::unitId).toList());
        LocalDate today = pages.today();
        model.addAttribute("sessions", list.stream().map(c -> new SessionLine(c, names.get(c.unitId()), c.open(today),
                motions.representatives(c.id()).size(), queries.counts(c.id()),
                pages.rows(queries.ofCongress(c.id())).stream().filter(MotionPages.Row::readyForReview).count()))
                .toList());
        model.addAttribute("toAnswer", pages.rows(queries.toAnswer(viewer)));
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("opensOn", today);
        model.addAttribute("closesOn", today.plusDays(14));
        return "voice-admin/congress";
    }

    @PostMapping("/voice-admin/congress")
    String create(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String opensOn, @RequestParam(defaultValue = "") String closesOn,
                  @RequestParam(defaultValue = "2") String cosigners, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = org.managedUnit(viewer, unitId);
        try {
            long id = motions.createCongress(viewer, unit.id(), title, date(opensOn), date(closesOn), count(cosigners));
            redirect.addFlashAttribute("flash", "voice.motion.admin.created");
            return "redirect:/voice-admin/congress/sessions/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/voice-admin/congress";
        }
    }

    @GetMapping("/voice-admin/congress/sessions/{congressId}")
    String session(@PathVariable long congressId, @RequestParam(required = false) String status, Model model) {
        Viewer viewer = CurrentViewer.get();
        Congress c = motions.managed(viewer, congressId);
        Map<String, Long> counts = queries.counts(congressId);
        String filter = status != null && counts.containsKey(status) ? status : null;
        List<MotionPages.Row> rows = pages.rows(queries.ofCongress(congressId));
        model.addAttribute("c", c);
        model.addAttribute("unitName", pages.unitNames(List.of(c.unitId())).get(c.unitId()));
        model.addAttribute("open", c.open(pages.today()));
        model.addAttribute("counts", counts);
        model.addAttribute("total", rows.size());
        model.addAttribute("status", filter);
        model.addAttribute("rows", filter == null ? rows : rows.stream().filter(r -> r.m().status().equals(filter))
                .toList());
        model.addAttribute("toReview", rows.stream().filter(MotionPages.Row::readyForReview).count());
        model.addAttribute("satisfaction", queries.satisfaction(congressId));
        Map<Long, EmployeeSummary> people = pages.people(motions.representatives(congressId));
        model.addAttribute("representatives", motions.representatives(congressId).stream().map(people::get)
                .filter(p -> p != null).toList());
        return "voice-admin/congress-session";
    }

    @PostMapping("/voice-admin/congress/sessions/{congressId}/settings")
    String settings(@PathVariable long congressId, @RequestParam(defaultValue = "") String opensOn,
                    @RequestParam(defaultValue = "") String closesOn, @RequestParam(defaultValue = "") String cosigners,
                    RedirectAttributes redirect) {
        return onSession(congressId, redirect, "voice.motion.admin.saved",
                v -> motions.updateCongress(v, congressId, date(opensOn), date(closesOn), count(cosigners)));
    }

    @PostMapping("/voice-admin/congress/sessions/{congressId}/representatives")
    String addRepresentatives(@PathVariable long congressId, @RequestParam(defaultValue = "") String numbers,
                              RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        motions.managed(viewer, congressId);
        try {
            int added = motions.addRepresentatives(viewer, congressId, numbers);
            redirect.addFlashAttribute("flash", "voice.motion.admin.repsAdded");
            redirect.addFlashAttribute("added", added);
        } catch (Motions.NumbersRefused e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("unknownNumbers", String.join(" ", e.unknown()));
            redirect.addFlashAttribute("outsideNumbers", String.join(" ", e.outside()));
            redirect.addFlashAttribute("numbers", numbers);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("numbers", numbers);
        }
        return "redirect:/voice-admin/congress/sessions/" + congressId + "#representatives";
    }

    @PostMapping("/voice-admin/congress/sessions/{congressId}/representatives/remove")
    String removeRepresentative(@PathVariable long congressId, @RequestParam(defaultValue = "0") long employeeId,
                                RedirectAttributes redirect) {
        return onSession(congressId, redirect, "voice.motion.admin.repRemoved",
                v -> motions.removeRepresentative(v, congressId, employeeId));
    }

    private String onSession(long congressId, RedirectAttributes redirect, String done, Consumer<Viewer> step) {
        Viewer viewer = CurrentViewer.get();
        motions.managed(viewer, congressId);
        try {
            step.accept(viewer);
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/voice-admin/congress/sessions/" + congressId;
    }

    @GetMapping("/voice-admin/congress/motions/{motionId}")
    String motion(@PathVariable long motionId, @RequestParam(required = false) String q, Model model) {
        Viewer viewer = CurrentViewer.get();
        Motion m = visible(viewer, motionId);
        pages.fill(model, m);
        Congress c = motions.congress(m.congressId());
        boolean committee = motions.onCommittee(viewer, c);
        boolean handles = m.handlingUnitId() != null && org.unit(m.handlingUnitId())
                .map(u -> viewer.manages(u.pathIds())).orElse(false);
        String action = switch (m.status()) {
            case "FILED" -> committee ? "review" : null;
            case "ACCEPTED" -> committee ? "assign" : null;
            case "ASSIGNED", "REOPENED" -> handles ? "answer" : null;
            default -> null;
        };
        model.addAttribute("action", action);
        model.addAttribute("committee", committee);
        boolean assigning = "assign".equals(action) || committee && m.status().equals("ASSIGNED");
        model.addAttribute("assigning", assigning);
        if (assigning) {
            String query = q == null ? "" : q.strip();
            model.addAttribute("q", query);
            List<OrgUnit> found = query.isEmpty()
                    ? org.unit(m.handlingUnitId() != null ? m.handlingUnitId() : c.unitId()).map(List::of).orElse(List.of())
                    : org.searchUnits(query, 20).stream().filter(u -> !u.isClosed()).toList();
            model.addAttribute("units", found);
            model.addAttribute("dueOn", m.dueOn() != null ? m.dueOn() : pages.today().plusDays(30));
        }
        model.addAttribute("suggestionLink", m.suggestionId() != null && seesSuggestion(viewer, m.suggestionId()));
        return "voice-admin/congress-motion";
    }

    private boolean seesSuggestion(Viewer viewer, long suggestionId) {
        try {
            suggestions.visible(viewer, suggestionId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Motion visible(Viewer viewer, long motionId) {
        Motion m = motions.motion(motionId);
        if (!motions.visibleToOfficer(viewer, m)) {
            throw new NotFoundException("motion " + motionId);
        }
        return m;
    }

    private String act(long motionId, RedirectAttributes redirect, String done, Consumer<Viewer> step) {
        Viewer viewer = CurrentViewer.get();
        visible(viewer, motionId);
        try {
            step.accept(viewer);
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/voice-admin/congress/motions/" + motionId;
    }

    @PostMapping("/voice-admin/congress/motions/{motionId}/accept")
    String accept(@PathVariable long motionId, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        return act(motionId, redirect, "voice.motion.admin.accepted", v -> motions.accept(v, motionId, note));
    }

    @PostMapping("/voice-admin/congress/motions/{motionId}/convert")
    String convert(@PathVariable long motionId, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect) {
        return act(motionId, redirect, "voice.motion.admin.converted", v -> motions.convert(v, motionId, note));
    }

    @PostMapping("/voice-admin/congress/motions/{motionId}/decline")
    String decline(@PathVariable long motionId, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        return act(motionId, redirect, "voice.motion.admin.declined", v -> motions.decline(v, motionId, reason));
    }

    @PostMapping("/voice-admin/congress/motions/{motionId}/assign")
    String assign(@PathVariable long motionId, @RequestParam(defaultValue = "0") long handlingUnitId,
                  @RequestParam(defaultValue = "") String dueOn, RedirectAttributes redirect) {
        return act(motionId, redirect, "voice.motion.admin.assigned",
                v -> motions.assign(v, motionId, handlingUnitId, date(dueOn)));
    }

    @PostMapping("/voice-admin/congress/motions/{motionId}/answer")
    String answer(@PathVariable long motionId, @RequestParam(defaultValue = "") String text,
                  RedirectAttributes redirect) {
        return act(motionId, redirect, "voice.motion.admin.answered", v -> motions.answer(v, motionId, text));
    }

    private static LocalDate date(String typed) {
        try {
            return typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("voice.error.motion.badDates");
        }
    }

    private static int count(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("voice.error.motion.badCosigners");
        }
    }
}
