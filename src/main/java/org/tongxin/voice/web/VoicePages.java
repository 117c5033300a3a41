package org.tongxin.voice.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.SuggestionScheme.Suggestion;
import org.tongxin.voice.internal.VoiceQueries;

/** What the employees' and the officers' suggestion pages share: unit names, the timeline, who may act. */
@Component
class VoicePages {

    /** A suggestion in a list, with the name of the unit holding it and whether its step is overdue. */
    record Row(Suggestion s, String holderName, boolean overdue) {
    }

    /**
     * One step of the timeline: the message key of what happened, the unit holding it after, the note, the due date
     * of the step it opened, and whether that step was late (moved on after its due date) or is overdue now.
     */
    record TimelineStep(String key, String holderName, String note, LocalDate dueOn, OffsetDateTime at, boolean late,
                        boolean overdueNow) {
    }

    /** A round open to a member: how many officers they may evaluate and how many they have. */
    record OpenRound(Evaluations.Evaluation round, String unitName, int officers, int voted) {
    }

    private final OrgDirectory org;
    private final VoiceQueries queries;
    private final Evaluations evaluations;

    VoicePages(OrgDirectory org, VoiceQueries queries, Evaluations evaluations) {
        this.org = org;
        this.queries = queries;
        this.evaluations = evaluations;
    }

    /** Open rounds in which the member has officers to evaluate. */
    List<OpenRound> openRounds(Viewer viewer) {
        List<OpenRound> out = new ArrayList<>();
        for (Evaluations.Evaluation e : queries.openRounds()) {
            List<Long> officers = evaluations.evalueesFor(viewer, e.id());
            if (!officers.isEmpty()) {
                int voted = (int) officers.stream().filter(o -> evaluations.hasVoted(viewer, e.id(), o)).count();
                out.add(new OpenRound(e, unitNames(List.of(e.unitId())).get(e.unitId()), officers.size(), voted));
            }
        }
        return out;
    }

    LocalDate today() {
        return queries.today();
    }

    Map<Long, String> unitNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : Set.copyOf(ids)) {
            if (id != null) {
                names.put(id, org.unit(id).map(OrgUnit::name).orElse("#" + id));
            }
        }
        return names;
    }

    List<Row> rows(List<Suggestion> list) {
        Map<Long, String> names = unitNames(list.stream().map(Suggestion::holderUnitId).toList());
        LocalDate today = today();
        return list.stream().map(s -> new Row(s, names.get(s.holderUnitId()), open(s) && s.overdue(today))).toList();
    }

    static boolean open(Suggestion s) {
        return !Set.of("RETURNED", "DECLINED", "RECOGNISED").contains(s.status());
    }

    /** The steps, in order, for the submitter's page and the officers'. */
    List<TimelineStep> timeline(Suggestion s, List<SuggestionScheme.Step> steps) {
        Map<Long, String> names = unitNames(steps.stream().map(SuggestionScheme.Step::holderUnitId).toList());
        LocalDate today = today();
        ZoneId zone = ZoneId.systemDefault();
        List<TimelineStep> out = new ArrayList<>();
        boolean implementedSeen = false;
        for (int i = 0; i < steps.size(); i++) {
            SuggestionScheme.Step step = steps.get(i);
            String key = "voice.page.status." + step.status();
            if (step.status().equals("IMPLEMENTED")) {
                // The owner's value entry is recorded as a second IMPLEMENTED step, handing it to the committee.
                key = implementedSeen ? "voice.page.step.value" : key;
                implementedSeen = true;
            }
            boolean last = i == steps.size() - 1;
            boolean late = !last && step.dueOn() != null
                    && steps.get(i + 1).at().atZoneSameInstant(zone).toLocalDate().isAfter(step.dueOn());
            boolean overdueNow = last && open(s) && s.overdue(today);
            String holder = names.get(step.holderUnitId());
            // An assignment's note is the owner's name, already shown as the holder.
            String note = step.status().equals("ASSIGNED") && step.note().equals(holder) ? "" : step.note();
            out.add(new TimelineStep(key, holder, note, step.dueOn(), step.at(), late, overdueNow));
        }
        return out;
    }

    boolean manages(Viewer viewer, Long unitId) {
        return unitId != null && org.unit(unitId).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    /**
     * The suggestion for an officer's page: one their units review, hold or carry out (the committee: any); 404
     * otherwise — also for its submitter, who has their own page.
     */
    Suggestion forOfficer(Viewer viewer, SuggestionScheme scheme, long id) {
        Suggestion s = scheme.visible(viewer, id);
        if (viewer.has(Role.COMMITTEE) || manages(viewer, s.unitId()) || manages(viewer, s.holderUnitId())
                || manages(viewer, s.ownerUnitId())) {
            return s;
        }
        throw new NotFoundException("suggestion " + id);
    }
}
