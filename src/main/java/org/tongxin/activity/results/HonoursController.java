package org.tongxin.activity.results;

import java.time.Year;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.ImageResponses;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/** Honours: a person's own, a unit's wall with its officers' give and revoke forms, and the photos. */
@Controller
class HonoursController {

    private final HonourService honours;

    HonoursController(HonourService honours) {
        this.honours = honours;
    }

    @GetMapping("/honours/mine")
    String mine(Model model) {
        model.addAttribute("mine", honours.mine(CurrentViewer.get()));
        return "activity/honours-mine";
    }

    @GetMapping("/honours/units/{unitId}")
    String wall(@PathVariable long unitId, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("wall", honours.wall(CurrentViewer.get(), unitId, Page.clamp(page)));
        model.addAttribute("kinds", HonourKind.values());
        model.addAttribute("currentYear", Year.now().getValue());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new HonourService.GiveForm("", "", "", "", "", null));
        }
        return "activity/honours-wall";
    }

    /** A refused form comes back with what was typed (the photo must be chosen again). */
    @PostMapping("/honours/units/{unitId}")
    String give(@PathVariable long unitId, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String year,
                @RequestParam(defaultValue = "") String citation, @RequestParam(defaultValue = "") String employeeNo,
                @RequestParam(required = false) Long teamUnitId,
                @RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
                RedirectAttributes redirect) {
        HonourService.GiveForm form = new HonourService.GiveForm(kind, title, year, citation, employeeNo, teamUnitId);
        List<byte[]> chosen = ImageResponses.chosen(photo == null ? null : List.of(photo));
        try {
            honours.give(CurrentViewer.get(), unitId, form, chosen.isEmpty() ? null : chosen.getFirst());
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            return wall(unitId, 0, model);
        }
        redirect.addFlashAttribute("flash", "honours.given");
        return "redirect:/honours/units/" + unitId;
    }

    @PostMapping("/honours/{honourId}/revoke")
    String revoke(@PathVariable long honourId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) Long back, RedirectAttributes redirect) {
        try {
            honours.revoke(CurrentViewer.get(), honourId, reason);
            redirect.addFlashAttribute("flash", "honours.revokedDone");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return back == null ? "redirect:/honours/mine" : "redirect:/honours/units/" + back;
    }

    @GetMapping("/honours/{honourId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long honourId) {
        return ImageResponses.immutable(honours.photo(CurrentViewer.get(), honourId, false));
    }

    @GetMapping("/honours/{honourId}/photo/thumb")
    ResponseEntity<byte[]> thumbnail(@PathVariable long honourId) {
        return ImageResponses.immutable(honours.photo(CurrentViewer.get(), honourId, true));
    }
}
