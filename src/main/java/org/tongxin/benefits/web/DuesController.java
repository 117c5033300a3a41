package org.tongxin.benefits.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.benefits.internal.DuesService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/** A member's own dues (我的会费): the year's months with base, rate and amount, exemptions, anything owed. */
@Controller
class DuesController {

    private final DuesService dues;

    DuesController(DuesService dues) {
        this.dues = dues;
    }

    @GetMapping("/benefits/dues")
    String mine(@RequestParam(required = false) Integer year, Model model) {
        Viewer viewer = CurrentViewer.get();
        int thisYear = dues.thisMonth().getYear();
        int shown = DuesPages.year(year, thisYear);
        model.addAttribute("account", dues.mine(viewer, shown));
        model.addAttribute("years", DuesPages.years(thisYear));
        model.addAttribute("officer", viewer.isOfficerOrAbove());
        return "benefits/dues/mine";
    }
}
