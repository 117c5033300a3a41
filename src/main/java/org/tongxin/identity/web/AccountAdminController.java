package org.tongxin.identity.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.identity.internal.Account;
import org.tongxin.identity.internal.AccountAdministration;
import org.tongxin.identity.internal.Accounts;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Role;

/** Admin: find an account, grant and revoke roles, reset a password, unlock. */
@Controller
class AccountAdminController {

    private final AccountAdministration admin;
    private final Accounts accounts;
    private final OrgDirectory org;

    AccountAdminController(AccountAdministration admin, Accounts accounts, OrgDirectory org) {
        this.admin = admin;
        this.accounts = accounts;
        this.org = org;
    }

    @GetMapping("/admin/accounts")
    String search(@RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            var found = admin.find(q);
            if (found.isPresent()) {
                return "redirect:/admin/accounts/" + found.get().id();
            }
            model.addAttribute("notFound", true);
        }
        return "admin/accounts";
    }

    @GetMapping("/admin/accounts/{accountId}")
    String show(@PathVariable long accountId, @RequestParam(required = false) String unitQ, Model model) {
        Account account = admin.get(accountId);
        model.addAttribute("account", account);
        model.addAttribute("label", admin.label(account));
        model.addAttribute("grants", accounts.grants(accountId).stream()
                .map(g -> new GrantView(g.id(), g.role(), g.unitId() == null ? null
                        : org.unit(g.unitId()).map(OrgUnit::name).orElse("#" + g.unitId()), g.post()))
                .toList());
        List<OrgUnit> units = unitQ == null || unitQ.isBlank() ? List.of()
                : org.searchUnits(unitQ, 30).stream().filter(u -> !u.isClosed()).toList();
        model.addAttribute("units", units);
        model.addAttribute("roles", List.of(Role.OFFICER, Role.CARE, Role.COMMITTEE, Role.ADMIN));
        return "admin/account";
    }

    /** A grant as the page lists it. */
    record GrantView(long id, Role role, String unitName, String post) {
    }

    @PostMapping("/admin/accounts/{accountId}/grants")
    String grant(@PathVariable long accountId, @RequestParam Role role, @RequestParam(required = false) Long unitId,
                 @RequestParam(required = false) String post, RedirectAttributes redirect) {
        return apply(accountId, redirect, "accounts.granted",
                () -> admin.grant(CurrentViewer.get(), accountId, role, unitId, post));
    }

    @PostMapping("/admin/accounts/{accountId}/grants/{grantId}/revoke")
    String revoke(@PathVariable long accountId, @PathVariable long grantId, RedirectAttributes redirect) {
        return apply(accountId, redirect, "accounts.revoked",
                () -> admin.revoke(CurrentViewer.get(), accountId, grantId));
    }

    @PostMapping("/admin/accounts/{accountId}/reset-password")
    String reset(@PathVariable long accountId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", admin.resetPassword(CurrentViewer.get(), accountId));
        return "redirect:/admin/accounts/" + accountId;
    }

    @PostMapping("/admin/accounts/{accountId}/unlock")
    String unlock(@PathVariable long accountId, RedirectAttributes redirect) {
        return apply(accountId, redirect, "accounts.unlocked", () -> admin.unlock(CurrentViewer.get(), accountId));
    }

    private String apply(long accountId, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (AccountAdministration.Refused e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/admin/accounts/" + accountId;
    }
}
