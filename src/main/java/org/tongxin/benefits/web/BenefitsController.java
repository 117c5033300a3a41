package org.tongxin.benefits.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/**
 * The employee's landing page of benefits (普惠福利): the holiday welfare rounds they may pick in now, with the closing
 * time, and the way to each part's own page (holiday welfare, birthday benefits, offers, dues).
 */
@Controller
class BenefitsController {

    private final Welfare welfare;

    BenefitsController(Welfare welfare) {
        this.welfare = welfare;
    }

    @GetMapping("/benefits")
    String index(Model model) {
        Viewer viewer = CurrentViewer.get();
        var now = welfare.now();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("pickable", welfare.mine(viewer).stream().filter(v -> v.round().pickable(now)).map(Held::of).toList());
        return "benefits/index";
    }
}
