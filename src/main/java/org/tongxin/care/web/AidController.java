package org.tongxin.care.web;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.care.internal.Aid;
import org.tongxin.care.internal.AidService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.FileResponses;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.Refusal;

/**
 * The officers' side of hardship aid: the list with the year's totals, applying on someone's behalf,
 * reading an application, deciding its step, recording the payment; and the evidence download, which the
 * applicant uses too.
 */
@Controller
class AidController {

    private static final int YEARS_SHOWN = 5;

    private final AidService aid;

    AidController(AidService aid) {
        this.aid = aid;
    }

    @GetMapping("/care/aid")
    String list(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "false") boolean waiting, Model model) {
        int thisYear = LocalDate.now().getYear();
        int shown = year == null ? thisYear : year;
        model.addAttribute("overview", aid.overview(CurrentViewer.get(), shown, status, waiting));
        model.addAttribute("years", IntStream.range(0, YEARS_SHOWN).map(i -> thisYear - i).boxed().toList());
        model.addAttribute("statuses", Aid.Status.values());
        model.addAttribute("status", status);
        model.addAttribute("waiting", waiting);
        AidForms.prepare(model);
        return "care/aid-list";
    }

    /** On someone's behalf; a refused form comes back with what was typed, as on the employee's page. */
    @PostMapping("/care/aid")
    String applyFor(@RequestParam(defaultValue = "") String employeeNo, @RequestParam(defaultValue = "") String category,
                    @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String situation,
                    @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                    RedirectAttributes redirect) {
        AidService.AidForm form = new AidService.AidForm(category, amount, situation);
        long id;
        try {
            id = aid.applyFor(CurrentViewer.get(), employeeNo, form, AidForms.uploads(files));
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            model.addAttribute("form", form);
            model.addAttribute("employeeNo", employeeNo);
            return list(null, "", false, model);
        }
        redirect.addFlashAttribute("flash", "care.aid.applied");
        return "redirect:/care/aid/" + id;
    }

    @GetMapping("/care/aid/{aidId}")
    String show(@PathVariable long aidId, Model model) {
        model.addAttribute("view", aid.view(CurrentViewer.get(), aidId));
        model.addAttribute("methods", Aid.PayMethod.values());
        model.addAttribute("today", LocalDate.now());
        return "care/aid";
    }

    /** Every parameter is optional so that the scope check, not the binding, answers a request from outside the chain. */
    @PostMapping("/care/aid/{aidId}/review")
    String review(@PathVariable long aidId, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String comment,
                  RedirectAttributes redirect) {
        return act(aidId, redirect, "care.aid.reviewed",
                () -> aid.review(CurrentViewer.get(), aidId, decision, amount, comment));
    }

    @PostMapping("/care/aid/{aidId}/payment")
    String pay(@PathVariable long aidId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
               @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String method,
               RedirectAttributes redirect) {
        return act(aidId, redirect, "care.aid.paidDone",
                () -> aid.pay(CurrentViewer.get(), aidId, paidOn, amount, method));
    }

    private static String act(long aidId, RedirectAttributes redirect, String doneKey, Runnable action) {
        FormOutcome.flash(redirect, doneKey, action);
        return "redirect:/care/aid/" + aidId;
    }

    /**
     * An evidence file, for the applicant or the officers who may open the application. Its type was told
     * from its bytes at upload; the browser is told not to guess another, and nothing is cached.
     */
    @GetMapping("/care/aid/{aidId}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long aidId, @PathVariable long fileId) {
        AidService.Evidence evidence = aid.evidence(CurrentViewer.get(), aidId, fileId);
        return FileResponses.privateInline(evidence.mediaType(), evidence.content(), evidence.name());
    }
}
