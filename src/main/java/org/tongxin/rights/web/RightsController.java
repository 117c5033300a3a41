package org.tongxin.rights.web;

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
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.AppealFiles;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.FileResponses;
import org.tongxin.shared.web.ImageResponses;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * The employee's side of appeals (职工诉求): the hub with one's appeals and the ways to legal aid and the chair's
 * mailbox, raising a concern (category, how the name is shown, what happened, what is wanted, up to five files), and
 * one's own appeal with every step, the reply and the rating. Someone else's appeal is not found here, officers'
 * included: they read appeals on their own pages.
 */
@Controller
class RightsController {

    /** A form as typed, to show again after a refusal. */
    record Form(String category, String identity, String happened, String wanted) {
        static Form empty() {
            return new Form("", "NAMED", "", "");
        }
    }

    private final Appeals appeals;
    private final AppealFiles attachments;

    RightsController(Appeals appeals, AppealFiles attachments) {
        this.appeals = appeals;
        this.attachments = attachments;
    }

    @GetMapping("/rights")
    String hub(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("hasEmployee", viewer.employeeId() != null);
        model.addAttribute("mine", appeals.mine(viewer));
        model.addAttribute("today", appeals.today());
        return "rights/hub";
    }

    @GetMapping("/rights/appeals/new")
    String form(Model model) {
        return form(model, Form.empty(), false);
    }

    private String form(Model model, Form form, boolean filesAgain) {
        model.addAttribute("form", form);
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("identities", Appeal.Identity.values());
        model.addAttribute("filesAgain", filesAgain);
        model.addAttribute("maxFiles", AppealFiles.MAX_FILES);
        model.addAttribute("maxText", Appeals.MAX_TEXT);
        return "rights/new";
    }

    /** Raises the appeal with its files in one go; a refusal shows the form again with what was typed. */
    @PostMapping("/rights/appeals/new")
    String raise(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String identity,
                 @RequestParam(defaultValue = "") String happened, @RequestParam(defaultValue = "") String wanted,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                 RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        Form form = new Form(category, identity, happened, wanted);
        List<byte[]> chosen = files == null ? List.of() : ImageResponses.chosen(files);
        try {
            List<AppealFiles.Prepared> prepared = attachments.check(chosen);
            long id = attachments.raise(viewer, new Appeals.Raise(parse(AppealCategory.class, category),
                    parse(Appeal.Identity.class, identity), happened, wanted), prepared);
            redirect.addFlashAttribute("flash", "rights.page.raised");
            return "redirect:/rights/appeals/" + id;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            // A browser cannot fill a file field again: the person is asked to choose the files once more.
            return form(model, form, !chosen.isEmpty());
        }
    }

    /** The appellant's own appeal; anyone else, officers of its route too, is told it does not exist. */
    @GetMapping("/rights/appeals/{appealId}")
    String appeal(@PathVariable long appealId, Model model) {
        Viewer viewer = CurrentViewer.get();
        own(viewer, appealId);
        Appeals.View view = appeals.view(viewer, appealId);
        model.addAttribute("v", view);
        model.addAttribute("a", view.appeal());
        model.addAttribute("files", attachments.of(appealId));
        model.addAttribute("today", appeals.today());
        model.addAttribute("ratings", Appeal.Rating.values());
        return "rights/appeal";
    }

    @PostMapping("/rights/appeals/{appealId}/rate")
    String rate(@PathVariable long appealId, @RequestParam(defaultValue = "") String rating,
                @RequestParam(defaultValue = "false") boolean reopen, RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        try {
            appeals.rate(viewer, appealId, parse(Appeal.Rating.class, rating), reopen);
            redirect.addFlashAttribute("flash", reopen ? "rights.page.reopened" : "rights.page.rated");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/rights/appeals/" + appealId;
    }

    @GetMapping("/rights/appeals/{appealId}/files/{appealFileId}")
    ResponseEntity<byte[]> file(@PathVariable long appealId, @PathVariable long appealFileId) {
        FileStore.Document document = attachments.openOwn(CurrentViewer.get(), appealId, appealFileId);
        return FileResponses.privateInline(document.mediaType(), document.content(), null);
    }

    private Appeal own(Viewer viewer, long id) {
        return appeals.find(id).filter(a -> viewer.employeeId() != null && viewer.employeeId() == a.employeeId())
                .orElseThrow(() -> new NotFoundException("appeal " + id));
    }

    /** The constant named, or null (the service refuses a missing choice with its message). */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
