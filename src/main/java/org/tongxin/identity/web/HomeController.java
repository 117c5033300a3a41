package org.tongxin.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/** The home tab and the "me" tab. */
@Controller
class HomeController {

    private final OrgDirectory org;

    HomeController(OrgDirectory org) {
        this.org = org;
    }

    @GetMapping("/")
    String home(Model model) {
        addMe(model);
        return "identity/home";
    }

    @GetMapping("/me")
    String me(Model model) {
        addMe(model);
        return "identity/me";
    }

    private void addMe(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("viewer", viewer);
        model.addAttribute("me", viewer.employeeId() == null ? null : org.employee(viewer.employeeId()).orElse(null));
    }
}
