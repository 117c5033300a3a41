package org.tongxin.identity.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.MeSection;

/** The home tab and the "me" tab. */
@Controller
class HomeController {

    private final OrgDirectory org;
    private final List<HomeSection> sections;
    private final List<MeSection> meSections;

    HomeController(OrgDirectory org, List<HomeSection> sections, List<MeSection> meSections) {
        this.org = org;
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.meSections = meSections.stream().sorted(Comparator.comparingInt(MeSection::order)).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        addMe(model);
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("cards", sections.stream().flatMap(s -> s.card(viewer).stream()).toList());
        return "identity/home";
    }

    @GetMapping("/me")
    String me(Model model) {
        addMe(model);
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("cards", meSections.stream().flatMap(s -> s.card(viewer).stream()).toList());
        return "identity/me";
    }

    private void addMe(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("viewer", viewer);
        model.addAttribute("me", viewer.employeeId() == null ? null : org.employee(viewer.employeeId()).orElse(null));
    }
}
