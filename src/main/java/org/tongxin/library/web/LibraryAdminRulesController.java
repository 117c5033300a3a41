package org.tongxin.library.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.Policies;
import org.tongxin.library.internal.RulesService;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.web.FormOutcome;

/** The loan-rule matrix, kept by the union committee: named policies and the lines applying them. */
@Controller
class LibraryAdminRulesController {

    /** A line of the matrix as the page shows it. */
    record Line(Policies.Rule rule, String policyName, boolean fallback) {
    }

    private final RulesService rules;
    private final Policies policies;
    private final Catalogue catalogue;

    LibraryAdminRulesController(RulesService rules, Policies policies, Catalogue catalogue) {
        this.rules = rules;
        this.policies = policies;
        this.catalogue = catalogue;
    }

    @GetMapping("/library-admin/rules")
    String page(Model model) {
        if (!CurrentViewer.get().has(Role.COMMITTEE)) {
            throw new OutOfScopeException("loan rules");
        }
        List<Policies.Policy> all = policies.policies();
        Map<Long, String> names = new HashMap<>();
        all.forEach(p -> names.put(p.id(), p.name()));
        List<Line> lines = policies.rules().stream()
                .map(r -> new Line(r, names.get(r.policyId()), RulesService.isFallback(r))).toList();
        Map<Long, Long> uses = new HashMap<>();
        lines.forEach(l -> uses.merge(l.rule().policyId(), 1L, Long::sum));
        Map<Long, String> categoryNames = new HashMap<>();
        catalogue.categories().forEach(c -> categoryNames.put(c.id(), c.nameZh() + " " + c.nameEn()));
        model.addAttribute("policies", all);
        model.addAttribute("lines", lines);
        model.addAttribute("uses", uses);
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("readerTypes", RulesService.READER_TYPES);
        return "library/admin/rules";
    }

    @PostMapping("/library-admin/rules/policies")
    String addPolicy(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") int loanDays,
                     @RequestParam(defaultValue = "0") int maxLoans, @RequestParam(defaultValue = "0") int renewals,
                     @RequestParam(defaultValue = "false") boolean holdsAllowed,
                     @RequestParam(defaultValue = "0") int pickupDays,
                     @RequestParam(defaultValue = "false") boolean floating, RedirectAttributes redirect) {
        return act(redirect, "library.rules.policyAdded", () -> rules.addPolicy(CurrentViewer.get(),
                new RulesService.PolicyForm(name, loanDays, maxLoans, renewals, holdsAllowed, pickupDays, floating)));
    }

    @PostMapping("/library-admin/rules/policies/{policyId}")
    String updatePolicy(@PathVariable long policyId, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "0") int loanDays, @RequestParam(defaultValue = "0") int maxLoans,
                        @RequestParam(defaultValue = "0") int renewals,
                        @RequestParam(defaultValue = "false") boolean holdsAllowed,
                        @RequestParam(defaultValue = "0") int pickupDays,
                        @RequestParam(defaultValue = "false") boolean floating, RedirectAttributes redirect) {
        return act(redirect, "library.rules.policySaved", () -> rules.updatePolicy(CurrentViewer.get(), policyId,
                new RulesService.PolicyForm(name, loanDays, maxLoans, renewals, holdsAllowed, pickupDays, floating)));
    }

    @PostMapping("/library-admin/rules/policies/{policyId}/remove")
    String removePolicy(@PathVariable long policyId, RedirectAttributes redirect) {
        return act(redirect, "library.rules.policyRemoved", () -> rules.removePolicy(CurrentViewer.get(), policyId));
    }

    /** Points a line (reader type × category, blank for every category) at a policy, adding it when new. */
    @PostMapping("/library-admin/rules/lines")
    String setLine(@RequestParam(defaultValue = "") String readerType, @RequestParam(required = false) Long categoryId,
                   @RequestParam(defaultValue = "0") long policyId, RedirectAttributes redirect) {
        return act(redirect, "library.rules.lineSaved",
                () -> rules.setRule(CurrentViewer.get(), readerType, categoryId, policyId));
    }

    @PostMapping("/library-admin/rules/lines/{ruleId}/remove")
    String removeLine(@PathVariable long ruleId, RedirectAttributes redirect) {
        return act(redirect, "library.rules.lineRemoved", () -> rules.removeRule(CurrentViewer.get(), ruleId));
    }

    private static String act(RedirectAttributes redirect, String doneKey, Runnable action) {
        return FormOutcome.flash(redirect, doneKey, "/library-admin/rules", action);
    }
}
