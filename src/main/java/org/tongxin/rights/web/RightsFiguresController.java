package org.tongxin.rights.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.rights.internal.RightsFigures;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/** Appeal figures for a unit the officer manages, chosen from their units; counts only. */
@Controller
class RightsFiguresController {

    private final RightsFigures figures;
    private final Appeals appeals;
    private final OrgDirectory org;

    RightsFiguresController(RightsFigures figures, Appeals appeals, OrgDirectory org) {
        this.figures = figures;
        this.appeals = appeals;
        this.org = org;
    }

    @GetMapping("/rights/figures")
    String figures(@RequestParam(required = false) Long unit, Model model) {
        Viewer viewer = CurrentViewer.get();
        List<OrgUnit> units = org.manageableUnits(viewer).stream().filter(u -> !u.kind().isPartner()).toList();
        if (units.isEmpty()) {
            throw new NotFoundException("figures");
        }
        RightsFigures.Figures f = figures.of(viewer, unit != null ? unit : units.getFirst().id(), appeals.today());
        model.addAttribute("units", units);
        model.addAttribute("f", f);
        model.addAttribute("most", f.byMonth().stream().mapToLong(RightsFigures.MonthRow::appeals).max().orElse(0));
        model.addAttribute("minGroup", RightsFigures.MIN_GROUP);
        model.addAttribute("repeatedAt", RightsFigures.REPEATED);
        return "rights/figures";
    }
}
