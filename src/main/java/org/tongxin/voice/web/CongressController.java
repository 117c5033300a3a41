package org.tongxin.voice.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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

/**
 * The employees' side of the workers' congress (职代会提案): the sessions one is a representative of, motions waiting
 * for one's co-signature, one's own motions and where they stand, the formal motions of the sessions of one's units
 * with their answers (representatives' motions are not secret); filing a motion, co-signing, rating an answer.
 */
@Controller
class CongressController {

    /** A session in a list: its unit's name, whether it takes motions today, and its formal motions so far. */
    record SessionLine(Congress c, String unitName, boolean open, boolean representative, long formal) {
    }

    /** The filing form as typed. */
    record Form(String title, String reason, String proposal, String category) {
        static Form empty() {
            return new Form("", "", "", "");
        }
    }

    private final Motions motions;
    private final MotionQueries queries;
    private final MotionPages pages;
    private final OrgDirectory org;

    CongressController(Motions motions, MotionQueries queries, MotionPages pages, OrgDirectory org) {
        this.motions = motions;
        this.queries = queries;
        this.pages = pages;
        this.org = org;
    }

    @GetMapping("/voice/congress")
    String overview(Model model) {
        Viewer viewer = CurrentViewer.get();
        Long me = viewer.employeeId();
        model.addAttribute("hasEmployee", me != null);
        if (me == null) {
            model.addAttribute("sessions", List.of());
            model.addAttribute("toCosign", List.of());
            model.addAttribute("mine", List.of());
            return "voice/congress";
        }
        LocalDate today = pages.today();
        List<Congress> mineAsRep = queries.asRepresentative(me);
        Map<Long, Congress> all = new LinkedHashMap<>();
        mineAsRep.forEach(c -> all.put(c.id(), c));
        queries.ofEmployeesUnits(me).forEach(c -> all.putIfAbsent(c.id(), c));
        Map<Long, String> names = pages.unitNames(all.values().stream().map(Congress::unitId).toList());
        model.addAttribute("sessions", all.values().stream().map(c -> new SessionLine(c, names.get(c.unitId()),
                c.open(today), mineAsRep.contains(c), queries.counts(c.id()).entrySet().stream()
                .filter(e -> Motions.PUBLIC.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum())).toList());
        model.addAttribute("toCosign", pages.rows(queries.toCosign(me, today)));
        model.addAttribute("mine", pages.rows(queries.mine(me)));
        return "voice/congress";
    }

    /** A session's formal motions, for its representatives and the people of its unit. */
    @GetMapping("/voice/congress/sessions/{congressId}")
    String session(@PathVariable long congressId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Congress c = motions.congress(congressId);
        boolean representative = motions.isRepresentative(congressId, viewer.employeeId());
        if (!representative && !inUnit(viewer, c)) {
            if (motions.onCommittee(viewer, c)) {
                return "redirect:/voice-admin/congress/sessions/" + congressId;
            }
            throw new NotFoundException("congress " + congressId);
        }
        model.addAttribute("c", c);
        model.addAttribute("unitName", pages.unitNames(List.of(c.unitId())).get(c.unitId()));
        model.addAttribute("open", c.open(pages.today()));
        model.addAttribute("representative", representative);
        model.addAttribute("rows", pages.rows(queries.publicOf(List.of(congressId))));
        model.addAttribute("satisfaction", queries.satisfaction(congressId));
        return "voice/congress-session";
    }

    private boolean inUnit(Viewer viewer, Congress c) {
        Long me = viewer.employeeId();
        if (me == null) {
            return false;
        }
        Long unit = org.unitIdsOf(List.of(me)).get(me);
        return unit != null && org.unit(unit).map(OrgUnit::pathIds).orElse(List.of()).contains(c.unitId());
    }

    @GetMapping("/voice/congress/new")
    String form(@RequestParam(defaultValue = "0") long congress, Model model) {
        Congress c = representedSession(congress);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty());
        }
        return filing(model, c);
    }

    private String filing(Model model, Congress c) {
        model.addAttribute("c", c);
        model.addAttribute("open", c.open(pages.today()));
        model.addAttribute("categories", Motions.CATEGORIES);
        return "voice/congress-new";
    }

    private Congress representedSession(long congressId) {
        Viewer viewer = CurrentViewer.get();
        Congress c = motions.congress(congressId);
        if (!motions.isRepresentative(congressId, viewer.employeeId())) {
            throw new NotFoundException("congress " + congressId);
        }
        return c;
    }

    @PostMapping("/voice/congress/new")
    String file(@RequestParam(defaultValue = "0") long congress, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String proposal,
                @RequestParam(defaultValue = "") String category, Model model, RedirectAttributes redirect) {
        Congress c = representedSession(congress);
        try {
            long id = motions.file(CurrentViewer.get(), c.id(), new Motions.Draft(title, reason, proposal, category));
            redirect.addFlashAttribute("flash", "voice.motion.done.filed");
            return "redirect:/voice/congress/motions/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", new Form(title, reason, proposal, category));
            return filing(model, c);
        }
    }

    @GetMapping("/voice/congress/motions/{motionId}")
    String motion(@PathVariable long motionId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Motion m = motions.motion(motionId);
        if (!motions.visibleToEmployee(viewer, m)) {
            if (motions.visibleToOfficer(viewer, m)) {
                return "redirect:/voice-admin/congress/motions/" + motionId;
            }
            throw new NotFoundException("motion " + motionId);
        }
        pages.fill(model, m);
        Congress c = motions.congress(m.congressId());
        Long me = viewer.employeeId();
        boolean mine = me == m.proposerId();
        boolean cosigned = motions.cosigners(motionId).stream().anyMatch(x -> x.employeeId() == me);
        model.addAttribute("mine", mine);
        model.addAttribute("cosigned", cosigned);
        model.addAttribute("canCosign", !mine && !cosigned && m.status().equals("FILED") && c.open(pages.today())
                && motions.isRepresentative(c.id(), me));
        model.addAttribute("canRate", mine && m.status().equals("ANSWERED"));
        model.addAttribute("ratings", Motions.RATINGS);
        model.addAttribute("officerToo", motions.visibleToOfficer(viewer, m));
        return "voice/congress-motion";
    }

    @PostMapping("/voice/congress/motions/{motionId}/cosign")
    String cosign(@PathVariable long motionId, RedirectAttributes redirect) {
        return act(motionId, redirect, "voice.motion.done.cosigned", v -> motions.cosign(v, motionId));
    }

    @PostMapping("/voice/congress/motions/{motionId}/rate")
    String rate(@PathVariable long motionId, @RequestParam(defaultValue = "") String rating,
                @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        String done = act(motionId, redirect, "voice.motion.done.closed", v -> motions.rate(v, motionId, rating, note));
        if (redirect.getFlashAttributes().containsKey("flash")
                && motions.motion(motionId).status().equals("REOPENED")) {
            redirect.addFlashAttribute("flash", "voice.motion.done.reopened");
        }
        return done;
    }

    private String act(long motionId, RedirectAttributes redirect, String done,
                       java.util.function.Consumer<Viewer> step) {
        Viewer viewer = CurrentViewer.get();
        if (!motions.visibleToEmployee(viewer, motions.motion(motionId))) {
            throw new NotFoundException("motion " + motionId);
        }
        try {
            step.accept(viewer);
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/voice/congress/motions/" + motionId;
    }
}
