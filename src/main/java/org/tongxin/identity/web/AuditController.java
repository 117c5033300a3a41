package org.tongxin.identity.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.web.Page;

/** The audit trail for committee and admin: read and filter, never edit. */
@Controller
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", audit.search(new AuditTrail.Filter(actor, action, from, to), Page.clamp(page), 30));
        model.addAttribute("actions", audit.actions());
        return "admin/audit";
    }

    /**
     * Checks the hash chain of the whole trail and shows the result; the check itself goes into the trail. Answered
     * in place rather than redirected: it changes nothing but that one line, and a reload only checks again.
     */
    @PostMapping("/admin/audit/verify")
    @Transactional
    String verify(Model model) {
        AuditTrail.Verification result = audit.verify();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rows", result.rows());
        after.put("head", result.headHash());
        result.firstBreak().ifPresent(b -> after.put("broken", b.problem() + " seq " + b.seq() + " id " + b.id()));
        audit.record(CurrentViewer.get(), "audit.verify", "audit", null, null,
                result.firstBreak().isPresent() ? "BROKEN" : "OK", null, after);
        model.addAttribute("result", result);
        return "admin/audit-verify";
    }
}
