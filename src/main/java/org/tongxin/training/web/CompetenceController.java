package org.tongxin.training.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.training.internal.CompetenceMatrix;

/** The competence matrix of the officers an officer manages (skills × people), by unit. */
@Controller
class CompetenceController {

    private final CompetenceMatrix matrix;

    CompetenceController(CompetenceMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/training-admin/competence")
    String matrix(@RequestParam(required = false) Long unitId, Model model) {
        model.addAttribute("matrix", matrix.of(CurrentViewer.get(), unitId));
        return "training/competence";
    }
}
