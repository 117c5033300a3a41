package org.tongxin.voice.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.SuggestionFiles;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.SuggestionScheme.Suggestion;
import org.tongxin.voice.internal.VoiceQueries;

/**
 * The officers' side of suggestions: those the units they manage hold, by step, overdue first; and one suggestion with
 * the actions its step allows — accept or return, assign to a unit found by name, adopt or decline, implemented, the
 * measured value, and for the committee confirming the value and recognising it. An anonymous suggestion never shows
 * who wrote it. Every action is scoped and audited by {@link SuggestionScheme}; a suggestion of another unit is 404.
 */
@Controller
class SuggestionAdminController {

    static final int QUEUE = 300;

    private final SuggestionScheme scheme;
    private final SuggestionFiles attachments;
    private final Motions motions;
    private final VoiceQueries queries;
    private final VoicePages pages;
    private final OrgDirectory org;

    SuggestionAdminController(SuggestionScheme scheme, SuggestionFiles attachments, Motions motions,
                              VoiceQueries queries, VoicePages pages, OrgDirectory org) {
        this.scheme = scheme;
        this.attachments = attachments;
        this.motions = motions;
        this.queries = queries;
        this.pages = pages;
        this.org = org;
    }

    @GetMapping("/voice-admin")
    String queue(@RequestParam(required = false) String status, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<VoicePages.Row> rows = pages.rows(queries.held(viewer, QUEUE));
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String s : List.of("SUBMITTED", "ACCEPTED", "ASSIGNED", "ADOPTED", "IMPLEMENTED", "VERIFIED")) {
            counts.put(s, new long[]{0, 0});
        }
        for (VoicePages.Row r : rows) {
            long[] c = counts.get(r.s().status());
            c[0]++;
            c[1] += r.overdue() ? 1 : 0;
        }
        model.addAttribute("counts", counts);
        model.addAttribute("status", status != null && counts.containsKey(status) ? status : null);
        model.addAttribute("rows", status != null && counts.containsKey(status)
                ? rows.stream().filter(r -> r.s().status().equals(status)).toList() : rows);
        model.addAttribute("overdue", rows.stream().filter(VoicePages.Row::overdue).count());
        return "voice-admin/queue";
    }

    @GetMapping("/voice-admin/suggestions/{voiceSuggestionId}")
    String suggestion(@PathVariable long voiceSuggestionId, @RequestParam(required = false) String q, Model model) {
        Viewer viewer = CurrentViewer.get();
        Suggestion s = pages.forOfficer(viewer, scheme, voiceSuggestionId);
        model.addAttribute("s", s);
        model.addAttribute("row", pages.rows(List.of(s)).getFirst());
        model.addAttribute("steps", pages.timeline(s, scheme.timeline(voiceSuggestionId)));
        model.addAttribute("files", attachments.of(voiceSuggestionId));
        Map<Long, String> names = pages.unitNames(s.ownerUnitId() == null ? List.of(s.unitId())
                : List.of(s.unitId(), s.ownerUnitId()));
        model.addAttribute("unitName", names.get(s.unitId()));
        model.addAttribute("ownerName", s.ownerUnitId() == null ? null : names.get(s.ownerUnitId()));
        // Who wrote it, never when anonymous (not even the unit or department below the reviewing unit).
        EmployeeSummary submitter = s.anonymous() ? null : org.employee(s.submitterId()).orElse(null);
        model.addAttribute("submitter", submitter);
        boolean holds = pages.manages(viewer, s.holderUnitId());
        boolean committee = viewer.has(Role.COMMITTEE);
        String action = switch (s.status()) {
            case "SUBMITTED" -> holds ? "review" : null;
            case "ACCEPTED" -> holds ? "assign" : null;
            case "ASSIGNED" -> holds ? "decide" : null;
            case "ADOPTED" -> holds ? "implement" : null;
            case "IMPLEMENTED" -> s.valueYuan() == null ? (holds ? "value" : null) : (committee ? "confirm" : null);
            case "VERIFIED" -> committee ? "recognise" : null;
            default -> null;
        };
        model.addAttribute("action", action);
        model.addAttribute("open", VoicePages.open(s));
        model.addAttribute("motion", motions.fromSuggestion(voiceSuggestionId).orElse(null));
        if ("assign".equals(action)) {
            String query = q == null ? "" : q.strip();
            model.addAttribute("q", query);
            List<OrgUnit> found = query.isEmpty() ? org.unit(s.holderUnitId()).map(List::of).orElse(List.of())
                    : org.searchUnits(query, 20).stream().filter(u -> !u.isClosed()).toList();
            model.addAttribute("units", found);
        }
        return "voice-admin/suggestion";
    }

    private String act(long id, RedirectAttributes redirect, String done, Consumer<Viewer> step) {
        Viewer viewer = CurrentViewer.get();
        pages.forOfficer(viewer, scheme, id);
        try {
            step.accept(viewer);
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/voice-admin/suggestions/" + id;
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/accept")
    String accept(@PathVariable long voiceSuggestionId, RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.accepted", v -> scheme.accept(v, voiceSuggestionId));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/return")
    String returnIt(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "") String reason,
                    RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.returned",
                v -> scheme.returnIt(v, voiceSuggestionId, reason));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/assign")
    String assign(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "0") long ownerUnitId,
                  RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.assigned",
                v -> scheme.assign(v, voiceSuggestionId, ownerUnitId));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/adopt")
    String adopt(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "") String note,
                 RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.adopted",
                v -> scheme.adopt(v, voiceSuggestionId, note));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/decline")
    String decline(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.declined",
                v -> scheme.decline(v, voiceSuggestionId, reason));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/implemented")
    String implemented(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "") String note,
                       RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.implemented",
                v -> scheme.implemented(v, voiceSuggestionId, note));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/value")
    String value(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "") String yuan,
                 @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.value",
                v -> scheme.enterValue(v, voiceSuggestionId, amount(yuan), note));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/confirm")
    String confirm(@PathVariable long voiceSuggestionId, RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.verified",
                v -> scheme.confirmValue(v, voiceSuggestionId));
    }

    @PostMapping("/voice-admin/suggestions/{voiceSuggestionId}/recognise")
    String recognise(@PathVariable long voiceSuggestionId, @RequestParam(defaultValue = "") String note,
                     RedirectAttributes redirect) {
        return act(voiceSuggestionId, redirect, "voice.admin.done.recognised",
                v -> scheme.recognise(v, voiceSuggestionId, note));
    }

    /** The yuan typed (commas and a trailing 元 allowed); a refusal when it is not a number. */
    private static BigDecimal amount(String typed) {
        String t = typed.replace(",", "").replace("，", "").replace("元", "").strip();
        try {
            return t.isEmpty() ? null : new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new Refusal("voice.error.badValue");
        }
    }
}
