package org.tongxin.identity.web;

import java.net.URI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.identity.internal.Accounts;
import org.tongxin.identity.internal.SessionChecks;
import org.tongxin.identity.internal.PasswordChanges;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.TextSize;

/** Log-in page, own password change, and the language and text-size switches. */
@Controller
class LoginController {

    private static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    private final PasswordChanges passwords;
    private final Accounts accounts;
    private final LocaleResolver locales;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LoginController(PasswordChanges passwords, Accounts accounts, LocaleResolver locales) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.locales = locales;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", CurrentViewer.get().mustChangePassword());
        return "identity/password";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam String current, @RequestParam String next, @RequestParam String confirm,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        Viewer viewer = CurrentViewer.get();
        List<String> errors = passwords.change(viewer, current, next, confirm);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("mustChange", viewer.mustChangePassword());
            return "identity/password";
        }
        // The session keeps the viewer: refresh it so the forced-change redirect stops at once.
        Authentication old = SecurityContextHolder.getContext().getAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer.withPasswordChanged(), null,
                old.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // The change ended every other session of the account; this one carries on.
        SessionChecks.remember(request, accounts.sessionState(viewer.accountId()));
        redirect.addFlashAttribute("flash", "password.changed");
        return "redirect:/";
    }

    @PostMapping("/lang")
    String language(@RequestParam String lang, HttpServletRequest request, HttpServletResponse response) {
        if (LANGUAGES.contains(lang)) {
            locales.setLocale(request, response, Locale.forLanguageTag(lang));
            CurrentViewer.find().ifPresent(v -> accounts.setLocale(v.accountId(), lang));
        }
        String referer = request.getHeader("Referer");
        return "redirect:" + safeBack(referer, request);
    }

    /** Large-text mode (适老化): for this browser, and for the account when someone is logged in. */
    @PostMapping("/text-size")
    String textSize(@RequestParam boolean large, HttpServletRequest request, HttpServletResponse response) {
        TextSize.remember(request, response, large);
        CurrentViewer.find().ifPresent(v -> accounts.setLargeText(v.accountId(), large));
        return "redirect:" + safeBack(request.getHeader("Referer"), request);
    }

    /** Only a path on this site: an open redirect would let a phishing link bounce through Tongxin. */
    static String safeBack(String referer, HttpServletRequest request) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
                return "/";
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
