package org.tongxin.care.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.care.internal.AidService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/** An employee's own hardship aid: apply, and follow each application along the chain. */
@Controller
class MyAidController {

    private final AidService aid;

    MyAidController(AidService aid) {
        this.aid = aid;
    }

    @GetMapping("/care/aid/mine")
    String mine(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("aids", aid.mine(viewer));
        AidForms.prepare(model);
        return "care/aid-mine";
    }

    /** A refused form comes back with what was typed (files must be chosen again), not through a redirect. */
    @PostMapping("/care/aid/mine")
    String apply(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String amount,
                 @RequestParam(defaultValue = "") String situation,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                 RedirectAttributes redirect) {
        AidService.AidForm form = new AidService.AidForm(category, amount, situation);
        try {
            aid.applyForSelf(CurrentViewer.get(), form, AidForms.uploads(files));
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            return mine(model);
        }
        redirect.addFlashAttribute("flash", "care.aid.applied");
        return "redirect:/care/aid/mine";
    }
}
