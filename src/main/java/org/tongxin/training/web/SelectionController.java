package org.tongxin.training.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.training.internal.CompetenceMatrix;
import org.tongxin.training.internal.OfficerSelection;

/** Officer selection (工会干部选拔): candidates with their records, the officer's shortlist and its export. */
@Controller
class SelectionController {

    private static final String PAGE = "/training-admin/selection";

    private final OfficerSelection selection;
    private final MessageSource messages;

    SelectionController(OfficerSelection selection, MessageSource messages) {
        this.selection = selection;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String candidates(@RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "") String age,
                      @RequestParam(defaultValue = "") String skill, @RequestParam(defaultValue = "") String order,
                      @RequestParam(defaultValue = "false") boolean shortlisted,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        OfficerSelection.Filter filter = new OfficerSelection.Filter(unitId, named(OfficerSelection.AgeBand.class, age),
                skill, named(OfficerSelection.Order.class, order), shortlisted, page);
        model.addAttribute("view", selection.view(CurrentViewer.get(), filter));
        model.addAttribute("ages", OfficerSelection.AgeBand.values());
        model.addAttribute("orders", OfficerSelection.Order.values());
        return "training/selection";
    }

    @PostMapping(PAGE + "/shortlist/{employeeId}")
    String mark(@PathVariable long employeeId, @RequestParam(defaultValue = "") String back,
                RedirectAttributes redirect) {
        selection.mark(CurrentViewer.get(), employeeId, true);
        redirect.addFlashAttribute("flash", "training.selection.marked");
        return "redirect:" + back(back);
    }

    @PostMapping(PAGE + "/shortlist/{employeeId}/remove")
    String unmark(@PathVariable long employeeId, @RequestParam(defaultValue = "") String back,
                  RedirectAttributes redirect) {
        selection.mark(CurrentViewer.get(), employeeId, false);
        redirect.addFlashAttribute("flash", "training.selection.unmarked");
        return "redirect:" + back(back);
    }

    /** The shortlist with every record shown on the page. */
    @GetMapping(PAGE + "/shortlist.xlsx")
    ResponseEntity<byte[]> export(Locale locale) {
        List<OfficerSelection.Candidate> list = selection.shortlist(CurrentViewer.get());
        List<String> headers = List.of("training.selection.name", "training.selection.unit", "training.selection.age",
                        "training.selection.service", "training.selection.posts", "training.selection.hosted",
                        "training.selection.attended", "training.selection.volunteerHours", "training.selection.honours",
                        "training.selection.assessmentsPassed", "training.selection.competence",
                        "training.selection.suggestions", "training.selection.evaluation")
                .stream().map(k -> messages.getMessage(k, null, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (OfficerSelection.Candidate c : list) {
            List<Object> row = new ArrayList<>();
            row.add(c.name());
            row.add(c.unitName());
            row.add(c.age());
            row.add(c.yearsOfService());
            row.add(c.posts().stream().map(p -> p.unitName() + " " + p.post()).collect(Collectors.joining("；")));
            row.add(c.activitiesHosted());
            row.add(c.activitiesAttended());
            row.add(c.volunteerHours());
            row.add(c.honours());
            row.add(c.assessmentsPassed());
            row.add(c.competence().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + level(e.getValue(), locale)).collect(Collectors.joining("；")));
            row.add(c.suggestionsAdopted());
            row.add(c.evaluation() == null ? null : c.evaluation().average());
            rows.add(row);
        }
        return Sheets.download("shortlist.xlsx", messages.getMessage("training.selection.shortlist", null, locale),
                headers, rows);
    }

    private String level(CompetenceMatrix.Cell cell, Locale locale) {
        return messages.getMessage("training.level." + cell.level(), null, locale)
                + (cell.percent() == null ? "" : " " + cell.percent().stripTrailingZeros().toPlainString() + "%");
    }

    /** Back to the list as it was filtered; nothing but the selection page itself. */
    private static String back(String back) {
        return back.startsWith(PAGE) && !back.contains("//") && !back.contains("\\") ? back : PAGE;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
