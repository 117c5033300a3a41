package org.tongxin.publicity.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.identity.OfficerAccounts;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.publicity.internal.Items;
import org.tongxin.publicity.internal.PublicityDesk;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/**
 * Review: the queue of submitted items a reviewer may decide on (the committee all, a named reviewer those of the
 * units below the unit named for), publishing now or at a set moment, sending back with a comment; and naming the
 * reviewers of a unit from the officers of its subtree. Nobody decides on their own work: the service refuses it
 * and the refusal shows as a message.
 */
@Controller
class PublicityReviewController {

    static final int QUEUE_LIMIT = 200;

    /** A submitted item in the queue; {@code own} when the viewer wrote or submitted it. */
    record Waiting(Items.Item item, String unitName, boolean own) {
    }

    /** An officer who may be named reviewer (or is one), by account. */
    record Person(long accountId, String name, String employeeNo, String unitName, String post) {
    }

    private final PublicityService publicity;
    private final PublicityDesk desk;
    private final OfficerAccounts officers;
    private final OrgDirectory org;

    PublicityReviewController(PublicityService publicity, PublicityDesk desk, OfficerAccounts officers,
                              OrgDirectory org) {
        this.publicity = publicity;
        this.desk = desk;
        this.officers = officers;
        this.org = org;
    }

    @GetMapping("/publicity-admin/review")
    String queue(Model model) {
        Viewer viewer = CurrentViewer.get();
        Map<Long, String> names = new HashMap<>();
        List<Waiting> waiting = desk.reviewQueue(viewer, QUEUE_LIMIT).stream()
                .map(i -> new Waiting(i, names.computeIfAbsent(i.unitId(),
                        k -> org.unit(k).map(OrgUnit::name).orElse("#" + k)),
                        i.createdBy() == viewer.accountId()
                                || i.submittedBy() != null && i.submittedBy() == viewer.accountId()))
                .toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("reviews", desk.reviewsAnything(viewer));
        model.addAttribute("earliest", earliest());
        return "publicity-admin/review";
    }

    /** The earliest moment the approve-for-later field offers (a few minutes ahead, on the platform's clock). */
    static LocalDateTime earliest() {
        return LocalDateTime.now().plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Publishes a submitted item now, or approves it for the moment given (a datetime-local field). */
    @PostMapping("/publicity-admin/items/{itemId}/approve")
    String approve(@PathVariable long itemId, @RequestParam(defaultValue = "") String publishAt,
                   RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        try {
            OffsetDateTime at = moment(publishAt);
            publicity.approve(viewer, itemId, at);
            redirect.addFlashAttribute("flash", at != null && at.isAfter(publicity.now())
                    ? "publicity.desk.scheduled" : "publicity.desk.published");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/publicity-admin/review";
    }

    private static OffsetDateTime moment(String local) {
        if (local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new Refusal("publicity.desk.badMoment");
        }
    }

    @PostMapping("/publicity-admin/items/{itemId}/send-back")
    String sendBack(@PathVariable long itemId, @RequestParam(defaultValue = "") String comment,
                    RedirectAttributes redirect) {
        try {
            publicity.sendBack(CurrentViewer.get(), itemId, comment);
            redirect.addFlashAttribute("flash", "publicity.desk.sentBack");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/publicity-admin/review";
    }

    /** The reviewers of a unit the officer manages, and the officers of its subtree who may be named. */
    @GetMapping("/publicity-admin/reviewers")
    String reviewers(@RequestParam(required = false) Long unit, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<OrgUnit> units = org.manageableUnits(viewer);
        model.addAttribute("units", units);
        if (units.isEmpty() && unit == null) {
            return "publicity-admin/reviewers";
        }
        OrgUnit chosen = org.managedUnit(viewer, unit != null ? unit : units.getFirst().id());
        Map<Long, Person> candidates = candidates(chosen);
        Map<Long, Long> employees = officers.employeeIds(desk.reviewersOf(List.of(chosen.id())).stream()
                .map(PublicityDesk.Reviewer::accountId).toList());
        List<Person> named = desk.reviewersOf(List.of(chosen.id())).stream()
                .map(r -> candidates.getOrDefault(r.accountId(), person(r.accountId(), employees.get(r.accountId()))))
                .toList();
        model.addAttribute("unit", chosen);
        model.addAttribute("named", named);
        model.addAttribute("candidates", candidates.values().stream()
                .filter(c -> named.stream().noneMatch(n -> n.accountId() == c.accountId())).toList());
        return "publicity-admin/reviewers";
    }

    private Person person(long accountId, Long employeeId) {
        Optional<EmployeeSummary> e = employeeId == null ? Optional.empty() : org.employee(employeeId);
        return e.map(p -> new Person(accountId, p.name(), p.employeeNo(), p.unitName(), ""))
                .orElse(new Person(accountId, "#" + accountId, "", "", ""));
    }

    /** Officer accounts of the unit's subtree, by account (one row per person: their first post there). */
    private Map<Long, Person> candidates(OrgUnit unit) {
        Map<Long, String> unitNames = new HashMap<>();
        org.subtreeCounts(unit).stream().map(UnitCount::unit).forEach(u -> unitNames.put(u.id(), u.name()));
        Map<Long, Person> out = new LinkedHashMap<>();
        for (OfficerAccounts.OfficerAccount o : officers.inUnits(unitNames.keySet())) {
            if (!out.containsKey(o.accountId())) {
                org.employee(o.employeeId()).ifPresent(e -> out.put(o.accountId(), new Person(o.accountId(), e.name(),
                        e.employeeNo(), unitNames.get(o.unitId()), o.post() == null ? "" : o.post())));
            }
        }
        return out;
    }

    /** Names an officer of the unit's subtree reviewer for the unit, or removes one. */
    @PostMapping("/publicity-admin/reviewers")
    String nameOrRemove(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "0") long accountId,
                        @RequestParam(defaultValue = "name") String action, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = org.managedUnit(viewer, unitId);
        try {
            if (action.equals("remove")) {
                publicity.removeReviewer(viewer, unit.id(), accountId);
                redirect.addFlashAttribute("flash", "publicity.desk.reviewerRemoved");
            } else {
                if (!candidates(unit).containsKey(accountId)) {
                    throw new Refusal("publicity.desk.notAnOfficerHere");
                }
                publicity.nameReviewer(viewer, unit.id(), accountId);
                redirect.addFlashAttribute("flash", "publicity.desk.reviewerNamed");
            }
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/publicity-admin/reviewers?unit=" + unit.id();
    }
}
