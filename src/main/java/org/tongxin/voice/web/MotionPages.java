package org.tongxin.voice.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.voice.internal.Motions;
import org.tongxin.voice.internal.Motions.Congress;
import org.tongxin.voice.internal.Motions.Motion;

/** What the employees' and the officers' congress pages share: a motion in a list, its page, names. */
@Component
class MotionPages {

    /** A motion in a list: its session's title, the proposer's name, the handling unit's, and whether it is late. */
    record Row(Motion m, String congressTitle, int cosignersNeeded, String proposerName, String handlingName,
               boolean overdue) {

        /** Filed with the co-signers it needs: waiting for the motions committee. */
        public boolean readyForReview() {
            return m.status().equals("FILED") && m.cosigns() >= cosignersNeeded;
        }
    }

    /** One step of a motion's timeline, with the unit's name. */
    record Line(String kind, String unitName, String note, String rating, LocalDate dueOn, OffsetDateTime at) {
    }

    /** An answer with the answering unit's name. */
    record AnswerLine(Motions.Answer a, String unitName) {
    }

    private final Motions motions;
    private final OrgDirectory org;
    private final VoicePages pages;

    MotionPages(Motions motions, OrgDirectory org, VoicePages pages) {
        this.motions = motions;
        this.org = org;
        this.pages = pages;
    }

    LocalDate today() {
        return motions.today();
    }

    Map<Long, String> unitNames(Collection<Long> ids) {
        return pages.unitNames(ids);
    }

    Map<Long, EmployeeSummary> people(Collection<Long> ids) {
        return org.employees(Set.copyOf(ids));
    }

    List<Row> rows(List<Motion> list) {
        Map<Long, Congress> congresses = new HashMap<>();
        list.forEach(m -> congresses.computeIfAbsent(m.congressId(), motions::congress));
        Map<Long, EmployeeSummary> people = people(list.stream().map(Motion::proposerId).toList());
        Map<Long, String> units = unitNames(list.stream().map(Motion::handlingUnitId).filter(u -> u != null).toList());
        LocalDate today = today();
        return list.stream().map(m -> {
            Congress c = congresses.get(m.congressId());
            EmployeeSummary p = people.get(m.proposerId());
            boolean waiting = m.status().equals("ASSIGNED") || m.status().equals("REOPENED");
            return new Row(m, c.title(), c.cosignersNeeded(), p == null ? "#" + m.proposerId() : p.name(),
                    m.handlingUnitId() == null ? null : units.get(m.handlingUnitId()), waiting && m.overdue(today));
        }).toList();
    }

    /** What both motion pages show: the motion, its session, proposer, co-signers, answers and timeline. */
    Motion fill(Model model, Motion m) {
        Congress c = motions.congress(m.congressId());
        List<Motions.Cosign> cosigns = motions.cosigners(m.id());
        List<Long> ids = new ArrayList<>(cosigns.stream().map(Motions.Cosign::employeeId).toList());
        ids.add(m.proposerId());
        Map<Long, EmployeeSummary> people = people(ids);
        List<Motions.Step> steps = motions.timeline(m.id());
        List<Motions.Answer> answers = motions.answers(m.id());
        List<Long> unitIds = new ArrayList<>();
        unitIds.add(c.unitId());
        steps.stream().map(Motions.Step::unitId).filter(u -> u != null).forEach(unitIds::add);
        answers.forEach(a -> unitIds.add(a.unitId()));
        if (m.handlingUnitId() != null) {
            unitIds.add(m.handlingUnitId());
        }
        Map<Long, String> names = unitNames(unitIds);
        model.addAttribute("m", m);
        model.addAttribute("row", rows(List.of(m)).getFirst());
        model.addAttribute("congress", c);
        model.addAttribute("congressUnit", names.get(c.unitId()));
        model.addAttribute("proposer", people.get(m.proposerId()));
        model.addAttribute("cosigners", cosigns.stream().map(x -> people.get(x.employeeId())).filter(p -> p != null)
                .toList());
        model.addAttribute("answers", answers.stream().map(a -> new AnswerLine(a, names.get(a.unitId()))).toList());
        model.addAttribute("handlingName", m.handlingUnitId() == null ? null : names.get(m.handlingUnitId()));
        model.addAttribute("steps", steps.stream().map(s -> new Line(s.kind(),
                s.unitId() == null ? null : names.get(s.unitId()),
                // An assignment's note is the unit's name, already shown.
                s.kind().equals("ASSIGNED") ? "" : s.note(), s.rating(), s.dueOn(), s.at())).toList());
        model.addAttribute("today", today());
        return m;
    }
}
