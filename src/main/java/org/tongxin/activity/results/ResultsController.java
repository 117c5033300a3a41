package org.tongxin.activity.results;

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
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.ImageResponses;
import org.tongxin.shared.web.Refusal;

/** Activity results: the summary and gallery of an activity, its publishing form, the photos. */
@Controller
class ResultsController {

    private final ResultsService results;

    ResultsController(ResultsService results) {
        this.results = results;
    }

    @GetMapping("/activity-results")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("awaiting", results.awaiting(viewer));
        model.addAttribute("recent", results.recent(viewer));
        return "activity/results-list";
    }

    @GetMapping("/activity-results/{activityId}")
    String page(@PathVariable long activityId, Model model) {
        ResultsService.ResultPage page = results.page(CurrentViewer.get(), activityId);
        model.addAttribute("page", page);
        model.addAttribute("result", page.result());
        model.addAttribute("maxPhotos", ResultsService.MAX_PHOTOS);
        return "activity/results";
    }

    /** A refused summary comes back with the text typed (photos must be chosen again), not through a redirect. */
    @PostMapping("/activity-results/{activityId}")
    String publish(@PathVariable long activityId, @RequestParam(defaultValue = "") String outcomes,
                   @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                   RedirectAttributes redirect) {
        try {
            results.publish(CurrentViewer.get(), activityId, outcomes, ImageResponses.chosen(photos));
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("outcomes", outcomes);
            return page(activityId, model);
        }
        redirect.addFlashAttribute("flash", "results.published");
        return "redirect:/activity-results/" + activityId;
    }

    @GetMapping("/activity-results/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        return ImageResponses.immutable(results.photo(CurrentViewer.get(), photoId, false));
    }

    @GetMapping("/activity-results/photos/{photoId}/thumb")
    ResponseEntity<byte[]> thumbnail(@PathVariable long photoId) {
        return ImageResponses.immutable(results.photo(CurrentViewer.get(), photoId, true));
    }
}
