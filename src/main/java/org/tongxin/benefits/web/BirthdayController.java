package org.tongxin.benefits.web;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.benefits.internal.Birthdays;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Birthday benefits (生日福利): the member's own, the committee's setting, and the officers' list of a month for their
 * subtree (received and used), with its Excel download.
 */
@Controller
class BirthdayController {

    private final Birthdays birthdays;
    private final OrgDirectory org;
    private final MessageSource messages;

    BirthdayController(Birthdays birthdays, OrgDirectory org, MessageSource messages) {
        this.birthdays = birthdays;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/benefits/birthday")
    String mine(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("given", birthdays.mine(viewer));
        model.addAttribute("setting", birthdays.setting().filter(Birthdays.Setting::enabled).orElse(null));
        model.addAttribute("officer", viewer.isOfficerOrAbove());
        model.addAttribute("committee", birthdays.sets(viewer));
        return "benefits/birthday/mine";
    }

    @GetMapping("/benefits/birthday/admin")
    String admin(Model model) {
        Viewer viewer = committee();
        Birthdays.Form form = birthdays.setting().map(s -> new Birthdays.Form(s.enabled(), s.kind().name(),
                s.amount().toPlainString(), s.partner(), s.note(), false))
                .orElse(new Birthdays.Form(false, "CAKE", "100.00", "", "", false));
        return adminPage(viewer, form, model);
    }

    @PostMapping("/benefits/birthday/admin")
    String save(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        Viewer viewer = committee();
        Birthdays.Form form = new Birthdays.Form("on".equals(typed.get("enabled")) || "true".equals(typed.get("enabled")),
                typed.get("kind"), typed.get("amount"), typed.get("partner"), typed.get("note"),
                "on".equals(typed.get("newPin")) || "true".equals(typed.get("newPin")));
        try {
            birthdays.save(viewer, form).ifPresent(pin -> redirect.addFlashAttribute("pin", pin));
            redirect.addFlashAttribute("flash", "benefits.birthday.saved");
            return "redirect:/benefits/birthday/admin";
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return adminPage(viewer, form, model);
        }
    }

    @GetMapping("/benefits/birthday/manage")
    String month(@RequestParam(required = false) String month, @RequestParam(required = false) Long unitId,
                 Model model) {
        Viewer viewer = officer();
        YearMonth m = month(month);
        model.addAttribute("rows", birthdays.month(viewer, m, unitId));
        model.addAttribute("month", m);
        model.addAttribute("unitId", unitId);
        model.addAttribute("units", org.manageableUnits(viewer));
        return "benefits/birthday/manage";
    }

    @GetMapping("/benefits/birthday/manage/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String month,
                                  @RequestParam(required = false) Long unitId, Locale locale) {
        Viewer viewer = officer();
        YearMonth m = month(month);
        List<List<Object>> rows = new ArrayList<>();
        for (Birthdays.Given g : birthdays.month(viewer, m, unitId)) {
            List<Object> row = new ArrayList<>();
            row.add(g.name());
            row.add(g.unitName());
            row.add(text("benefits.birthday.kind." + g.kind().name(), locale));
            row.add(g.amount());
            row.add(g.partner());
            row.add(day(g.issuedAt()));
            row.add(g.redeemedAt() == null ? "" : day(g.redeemedAt()));
            rows.add(row);
        }
        List<String> headers = List.of(text("benefits.birthday.x.name", locale), text("benefits.birthday.x.unit", locale),
                text("benefits.birthday.x.kind", locale), text("benefits.birthday.x.amount", locale),
                text("benefits.birthday.x.partner", locale), text("benefits.birthday.x.issued", locale),
                text("benefits.birthday.x.used", locale));
        return Sheets.download("birthday-" + m + ".xlsx", text("benefits.birthday.x.sheet", locale) + " " + m,
                headers, rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String day(OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate().toString();
    }

    private String adminPage(Viewer viewer, Birthdays.Form form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("setting", birthdays.setting().orElse(null));
        model.addAttribute("maxNote", Birthdays.MAX_NOTE);
        model.addAttribute("maxPartner", Birthdays.MAX_PARTNER);
        return "benefits/birthday/admin";
    }

    private YearMonth month(String typed) {
        try {
            return typed == null || typed.isBlank() ? YearMonth.from(birthdays.today()) : YearMonth.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return YearMonth.from(birthdays.today());
        }
    }

    private Viewer committee() {
        Viewer viewer = CurrentViewer.get();
        if (!birthdays.sets(viewer)) {
            throw new NotFoundException("birthday setting");
        }
        return viewer;
    }

    private static Viewer officer() {
        Viewer viewer = CurrentViewer.get();
        if (!viewer.isOfficerOrAbove()) {
            throw new NotFoundException("birthday list");
        }
        return viewer;
    }
}
