package org.tongxin.rights.web;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.rights.internal.AppealFiles;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.FileResponses;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * The officers' side of appeals: those on the route of a unit where the officer holds a post (open by default, all on
 * request), overdue marked; one appeal with its texts, files and steps, and for the officers of the unit holding it now
 * the actions of its state — accept, record a step, reply, refer to mediation. The appellant's name shows only where
 * the service gives it (a confidential appellant's only to those handling it now, an anonymous one's to nobody).
 * Outside the route every page, file and action is not found; each action is scoped and audited by {@link Appeals}.
 */
@Controller
class HandleController {

    static final int PAGE_SIZE = 20;
    static final List<String> STEP_KINDS = List.of("CONTACTED", "MEETING", "RESPONSE", "NOTE");

    private final Appeals appeals;
    private final AppealFiles attachments;

    HandleController(Appeals appeals, AppealFiles attachments) {
        this.appeals = appeals;
        this.attachments = attachments;
    }

    @GetMapping("/rights/handle")
    String list(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Viewer viewer = CurrentViewer.get();
        Page<Appeals.Row> rows = appeals.forOfficer(viewer, !all, Page.clamp(page), PAGE_SIZE);
        model.addAttribute("all", all);
        model.addAttribute("rows", rows);
        model.addAttribute("today", appeals.today());
        return "rights/handle";
    }

    @GetMapping("/rights/handle/{appealId}")
    String appeal(@PathVariable long appealId, Model model) {
        Viewer viewer = CurrentViewer.get();
        Appeals.View view = appeals.view(viewer, appealId);
        if (view.mine() && !view.handler()) {
            return "redirect:/rights/appeals/" + appealId;
        }
        model.addAttribute("v", view);
        model.addAttribute("a", view.appeal());
        model.addAttribute("files", attachments.of(appealId));
        model.addAttribute("today", appeals.today());
        model.addAttribute("stepKinds", STEP_KINDS);
        return "rights/handle-appeal";
    }

    private String act(long id, RedirectAttributes redirect, String done, Consumer<Viewer> action) {
        try {
            action.accept(CurrentViewer.get());
            redirect.addFlashAttribute("flash", done);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/rights/handle/" + id;
    }

    @PostMapping("/rights/handle/{appealId}/accept")
    String accept(@PathVariable long appealId, RedirectAttributes redirect) {
        return act(appealId, redirect, "rights.handle.done.accepted", v -> appeals.accept(v, appealId));
    }

    @PostMapping("/rights/handle/{appealId}/step")
    String step(@PathVariable long appealId, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        String to = act(appealId, redirect, "rights.handle.done.step", v -> appeals.record(v, appealId, kind, note));
        keepTyped(redirect, "typedNote", note);
        return to;
    }

    @PostMapping("/rights/handle/{appealId}/reply")
    String reply(@PathVariable long appealId, @RequestParam(defaultValue = "") String reply,
                 RedirectAttributes redirect) {
        String to = act(appealId, redirect, "rights.handle.done.replied", v -> appeals.reply(v, appealId, reply));
        keepTyped(redirect, "typedReply", reply);
        return to;
    }

    /**
     * Marks the appeal as moved to labour-dispute mediation; its page then links to opening the mediation committee's
     * case for it.
     */
    @PostMapping("/rights/handle/{appealId}/mediation")
    String mediation(@PathVariable long appealId, RedirectAttributes redirect) {
        return act(appealId, redirect, "rights.handle.done.mediation", v -> appeals.toMediation(v, appealId));
    }

    @GetMapping("/rights/handle/{appealId}/files/{appealFileId}")
    ResponseEntity<byte[]> file(@PathVariable long appealId, @PathVariable long appealFileId) {
        FileStore.Document document = attachments.openAsOfficer(CurrentViewer.get(), appealId, appealFileId);
        return FileResponses.privateInline(document.mediaType(), document.content(), null);
    }

    /** What was typed into a form that was refused, shown in it again after the redirect. */
    private static void keepTyped(RedirectAttributes redirect, String name, String typed) {
        if (redirect.getFlashAttributes().containsKey("flashError")) {
            redirect.addFlashAttribute(name, typed);
        }
    }
}
