package org.tongxin.voice.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.Evaluations.Evaluation;
import org.tongxin.voice.internal.VoiceQueries;

/**
 * Democratic evaluation for officers: opening a round over the officers of a unit they manage, the rounds of their
 * units, and a round's results — per officer the ballots counted and the averages per criterion, only from five
 * ballots; below that nothing but the count. Never a single ballot, never a voter.
 */
@Controller
class EvaluationAdminController {

    static final List<String> CRITERIA = List.of("服务意识", "创新能力", "网络能力", "作风");

    /** A round in the list, with the name of its unit and whether it is open today. */
    record Round(Evaluation round, String unitName, boolean open) {
    }

    /** One officer's result in a round. */
    record Line(String name, String post, String unitName, long voted, Evaluations.Result result) {
    }

    private final Evaluations evaluations;
    private final VoiceQueries queries;
    private final VoicePages pages;
    private final OrgDirectory org;
    private final UnitOfficers unitOfficers;

    EvaluationAdminController(Evaluations evaluations, VoiceQueries queries, VoicePages pages, OrgDirectory org,
                              UnitOfficers unitOfficers) {
        this.evaluations = evaluations;
        this.queries = queries;
        this.pages = pages;
        this.org = org;
        this.unitOfficers = unitOfficers;
    }

    @GetMapping("/voice-admin/evaluations")
    String rounds(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Evaluation> rounds = queries.roundsOf(viewer);
        Map<Long, String> names = pages.unitNames(rounds.stream().map(Evaluation::unitId).toList());
        LocalDate today = queries.today();
        model.addAttribute("rounds", rounds.stream().map(e -> new Round(e, names.get(e.unitId()), e.open(today)))
                .toList());
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("criteria", String.join("\n", CRITERIA));
        model.addAttribute("opensOn", today);
        model.addAttribute("closesOn", today.plusDays(14));
        return "voice-admin/evaluations";
    }

    @PostMapping("/voice-admin/evaluations")
    String create(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String criteria, @RequestParam(defaultValue = "") String opensOn,
                  @RequestParam(defaultValue = "") String closesOn, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        OrgUnit unit = org.managedUnit(viewer, unitId);
        List<String> list = Arrays.stream(criteria.split("[\\n,，、;；]")).map(String::strip)
                .filter(c -> !c.isEmpty()).toList();
        try {
            long id = evaluations.create(viewer, unit.id(), title, list, date(opensOn), date(closesOn));
            redirect.addFlashAttribute("flash", "voice.admin.roundCreated");
            return "redirect:/voice-admin/evaluations/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/voice-admin/evaluations";
        }
    }

    private static LocalDate date(String typed) {
        try {
            return typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("voice.error.badDates");
        }
    }

    @GetMapping("/voice-admin/evaluations/{evaluationId}")
    String results(@PathVariable long evaluationId, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<Evaluations.Result> results = evaluations.results(viewer, evaluationId);
        Evaluation e = evaluations.find(evaluationId);
        Map<Long, Long> units = queries.evalueeUnits(evaluationId);
        Map<Long, Long> turnout = queries.turnout(evaluationId);
        Map<Long, EmployeeSummary> people = org.employees(results.stream().map(Evaluations.Result::evalueeId).toList());
        Map<Long, String> unitNames = pages.unitNames(units.values());
        List<Line> lines = new ArrayList<>();
        for (Evaluations.Result r : results) {
            long unit = units.get(r.evalueeId());
            String post = unitOfficers.officersOf(unit).stream().filter(o -> o.employeeId() == r.evalueeId())
                    .map(UnitOfficers.Officer::post).findFirst().orElse("");
            EmployeeSummary person = people.get(r.evalueeId());
            lines.add(new Line(person == null ? "#" + r.evalueeId() : person.name(), post, unitNames.get(unit),
                    turnout.getOrDefault(r.evalueeId(), 0L), r));
        }
        model.addAttribute("round", e);
        model.addAttribute("unitName", pages.unitNames(List.of(e.unitId())).get(e.unitId()));
        model.addAttribute("open", e.open(queries.today()));
        model.addAttribute("lines", lines);
        return "voice-admin/evaluation";
    }
}
