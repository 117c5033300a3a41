package org.tongxin.benefits.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.Sheets;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.shared.web.Zones;

/**
 * Officers' holiday welfare (节日福利管理): the rounds they set up or distribute, a new round for a unit they manage, the
 * committee's cap per member and year; a round's settings and packages while it is a draft, opening it; then its
 * totals (per site, per supplier, spend against budget) with the Excel for the finance office, and each site's page
 * with the supplier's counts, the pick list, delivery, collection and exceptions. Another unit's round or site is not
 * found; a site's officer who does not own the round sees only their sites.
 */
@Controller
class WelfareAdminController {

    /** A round on the officer's list, with its unit's name and whether the officer owns it (or distributes it). */
    record Row(WelfareRound round, String unitName, boolean owner) {
    }

    private final Welfare welfare;
    private final OrgDirectory org;
    private final Zones zones;
    private final MessageSource messages;

    WelfareAdminController(Welfare welfare, OrgDirectory org, Zones zones, MessageSource messages) {
        this.welfare = welfare;
        this.org = org;
        this.zones = zones;
        this.messages = messages;
    }

    private static Viewer officer() {
        Viewer viewer = CurrentViewer.get();
        if (!viewer.isOfficerOrAbove()) {
            throw new NotFoundException("welfare");
        }
        return viewer;
    }

    private String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse("");
    }

    // ---- the list, the cap, a new round -------------------------------------------------------------------------

    @GetMapping("/benefits/welfare-admin")
    String list(Model model) {
        Viewer viewer = officer();
        model.addAttribute("rows", welfare.forOfficer(viewer).stream()
                .map(r -> new Row(r, unitName(r.unitId()), welfare.ownsRound(viewer, r))).toList());
        model.addAttribute("units", org.manageableUnits(viewer));
        model.addAttribute("occasions", WelfareRound.Occasion.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WelfareForms.RoundForm.fresh(welfare.now(), zones.zone()));
        }
        boolean committee = viewer.has(Role.COMMITTEE);
        model.addAttribute("committee", committee);
        if (committee) {
            int year = welfare.today().getYear();
            model.addAttribute("year", year);
            model.addAttribute("cap", welfare.cap(year).orElse(null));
            model.addAttribute("nextCap", welfare.cap(year + 1).orElse(null));
        }
        return "benefits/welfare/admin";
    }

    @PostMapping("/benefits/welfare-admin/cap")
    String cap(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String cap,
               RedirectAttributes redirect) {
        Viewer viewer = officer();
        if (!viewer.has(Role.COMMITTEE)) {
            throw new NotFoundException("welfare");
        }
        FormOutcome.flash(redirect, "benefits.welfare.flash.capSaved",
                () -> welfare.setCap(viewer, WelfareForms.count(year), WelfareForms.money(cap)));
        return "redirect:/benefits/welfare-admin";
    }

    @PostMapping("/benefits/welfare-admin")
    String create(@RequestParam(defaultValue = "0") long unitId, @RequestParam(defaultValue = "") String occasion,
                  @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String budgetPerMember,
                  @RequestParam(defaultValue = "") String eligibleOn, @RequestParam(defaultValue = "") String opensAt,
                  @RequestParam(defaultValue = "") String closesAt, RedirectAttributes redirect) {
        Viewer viewer = officer();
        WelfareForms.RoundForm form = new WelfareForms.RoundForm(Long.toString(unitId), occasion, title,
                budgetPerMember, eligibleOn, opensAt, closesAt);
        try {
            long id = welfare.create(viewer, form.draft(unitId, zones.zone()));
            redirect.addFlashAttribute("flash", "benefits.welfare.flash.created");
            return "redirect:/benefits/welfare-admin/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            redirect.addFlashAttribute("form", form);
            return "redirect:/benefits/welfare-admin";
        }
    }

    // ---- a round ------------------------------------------------------------------------------------------------

    @GetMapping("/benefits/welfare-admin/{roundId}")
    String round(@PathVariable long roundId, Model model) {
        Viewer viewer = officer();
        WelfareRound round = welfare.owned(viewer, roundId, false);
        boolean owner = welfare.ownsRound(viewer, round);
        model.addAttribute("r", round);
        model.addAttribute("owner", owner);
        model.addAttribute("unitName", unitName(round.unitId()));
        model.addAttribute("packages", welfare.packages(roundId));
        model.addAttribute("cap", welfare.cap(round.year()).orElse(null));
        if (round.status() == WelfareRound.Status.DRAFT) {
            model.addAttribute("units", org.manageableUnits(viewer));
            model.addAttribute("occasions", WelfareRound.Occasion.values());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", WelfareForms.RoundForm.of(round, zones.zone()));
            }
            if (!model.containsAttribute("packageForm")) {
                model.addAttribute("packageForm", WelfareForms.PackageForm.empty());
            }
        } else {
            Welfare.Totals totals = welfare.totals(viewer, roundId);
            model.addAttribute("t", totals);
            model.addAttribute("budget", budget(round, totals, owner));
        }
        return "benefits/welfare/admin-round";
    }

    /** The budget the figures are held against: the round's, or for a site's officer their members' share of it. */
    private static BigDecimal budget(WelfareRound round, Welfare.Totals totals, boolean owner) {
        return owner ? round.budget() : round.budgetPerMember().multiply(BigDecimal.valueOf(totals.members()));
    }

    @PostMapping("/benefits/welfare-admin/{roundId}")
    String update(@PathVariable long roundId, @RequestParam(defaultValue = "0") long unitId,
                  @RequestParam(defaultValue = "") String occasion, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String budgetPerMember,
                  @RequestParam(defaultValue = "") String eligibleOn, @RequestParam(defaultValue = "") String opensAt,
                  @RequestParam(defaultValue = "") String closesAt, RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, true);
        WelfareForms.RoundForm form = new WelfareForms.RoundForm(Long.toString(unitId), occasion, title,
                budgetPerMember, eligibleOn, opensAt, closesAt);
        if (!FormOutcome.flash(redirect, "benefits.welfare.flash.saved",
                () -> welfare.update(viewer, roundId, form.draft(unitId, zones.zone())))) {
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/benefits/welfare-admin/" + roundId;
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/packages")
    String addPackage(@PathVariable long roundId, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String price,
                      @RequestParam(defaultValue = "") String supplier, @RequestParam(defaultValue = "") String stock,
                      RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, true);
        WelfareForms.PackageForm form = new WelfareForms.PackageForm(name, description, price, supplier, stock);
        if (!FormOutcome.flash(redirect, "benefits.welfare.flash.packageAdded",
                () -> welfare.addPackage(viewer, roundId, form.draft()))) {
            redirect.addFlashAttribute("packageForm", form);
        }
        return "redirect:/benefits/welfare-admin/" + roundId + "#packages";
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/packages/{packageId}/remove")
    String removePackage(@PathVariable long roundId, @PathVariable long packageId, RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, true);
        FormOutcome.flash(redirect, "benefits.welfare.flash.packageRemoved",
                () -> welfare.removePackage(viewer, roundId, packageId));
        return "redirect:/benefits/welfare-admin/" + roundId + "#packages";
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/packages/{packageId}/default")
    String setDefault(@PathVariable long roundId, @PathVariable long packageId, RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, true);
        FormOutcome.flash(redirect, "benefits.welfare.flash.defaultSet",
                () -> welfare.setDefault(viewer, roundId, packageId));
        return "redirect:/benefits/welfare-admin/" + roundId + "#packages";
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/packages/{packageId}/stock")
    String restock(@PathVariable long roundId, @PathVariable long packageId,
                   @RequestParam(defaultValue = "") String stock, RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, true);
        FormOutcome.flash(redirect, "benefits.welfare.flash.restocked",
                () -> welfare.restock(viewer, roundId, packageId, WelfareForms.count(stock)));
        return "redirect:/benefits/welfare-admin/" + roundId + "#packages";
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/open")
    String open(@PathVariable long roundId, RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, true);
        try {
            int members = welfare.open(viewer, roundId);
            redirect.addFlashAttribute("flash", "benefits.welfare.flash.opened");
            redirect.addFlashAttribute("openedFor", members);
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/benefits/welfare-admin/" + roundId;
    }

    /** The totals as shown on the round's page, for the finance office: the round, per site, per supplier. */
    @GetMapping("/benefits/welfare-admin/{roundId}/totals.xlsx")
    ResponseEntity<byte[]> totalsExcel(@PathVariable long roundId, Locale locale) {
        Viewer viewer = officer();
        WelfareRound round = welfare.owned(viewer, roundId, false);
        if (round.status() == WelfareRound.Status.DRAFT) {
            throw new NotFoundException("welfare");
        }
        Welfare.Totals t = welfare.totals(viewer, roundId);
        BigDecimal budget = budget(round, t, welfare.ownsRound(viewer, round));
        List<List<Object>> summary = List.of(
                List.of(msg("benefits.welfare.page.title", locale), round.title()),
                List.of(msg("benefits.welfare.page.unit", locale), unitName(round.unitId())),
                List.of(msg("benefits.welfare.page.budgetPerMember", locale), round.budgetPerMember()),
                List.of(msg("benefits.welfare.page.members", locale), t.members()),
                List.of(msg("benefits.welfare.page.picked", locale), t.picked()),
                List.of(msg("benefits.welfare.page.defaults", locale), t.byDefault()),
                List.of(msg("benefits.welfare.page.collected", locale), t.collected()),
                List.of(msg("benefits.welfare.page.openExceptions", locale), t.openExceptions()),
                List.of(msg("benefits.welfare.page.returned", locale), t.returned()),
                List.of(msg("benefits.welfare.page.budget", locale), budget),
                List.of(msg("benefits.welfare.page.spend", locale), t.spend()));
        List<List<Object>> sites = new ArrayList<>();
        for (Welfare.Site s : t.sites()) {
            sites.add(List.of(s.name(), s.members(), s.picked(), s.collected(), s.openExceptions(), s.spend(),
                    s.deliveredAt() == null ? "" : WelfareForms.local(s.deliveredAt(), zones.zone()).replace('T', ' ')));
        }
        List<List<Object>> suppliers = new ArrayList<>();
        for (Welfare.Count c : t.suppliers()) {
            suppliers.add(List.of(c.supplier(), c.packageName(), c.price(), c.count(), c.amount()));
        }
        return Sheets.download("welfare-" + roundId + "-totals.xlsx", List.of(
                new Sheets.Table(msg("benefits.welfare.xlsx.summary", locale), List.of(), summary),
                new Sheets.Table(msg("benefits.welfare.xlsx.sites", locale), List.of(
                        msg("benefits.welfare.page.site", locale), msg("benefits.welfare.page.members", locale),
                        msg("benefits.welfare.page.picked", locale), msg("benefits.welfare.page.collected", locale),
                        msg("benefits.welfare.page.openExceptions", locale), msg("benefits.welfare.page.spend", locale),
                        msg("benefits.welfare.page.deliveredAt", locale)), sites),
                new Sheets.Table(msg("benefits.welfare.xlsx.suppliers", locale), List.of(
                        msg("benefits.welfare.page.supplier", locale), msg("benefits.welfare.page.package", locale),
                        msg("benefits.welfare.page.price", locale), msg("benefits.welfare.page.count", locale),
                        msg("benefits.welfare.page.amount", locale)), suppliers)));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    // ---- a site -------------------------------------------------------------------------------------------------

    @GetMapping("/benefits/welfare-admin/{roundId}/sites/{siteId}")
    String site(@PathVariable long roundId, @PathVariable long siteId, Model model) {
        Viewer viewer = officer();
        WelfareRound round = welfare.owned(viewer, roundId, false);
        List<Welfare.Line> lines = welfare.pickList(viewer, roundId, siteId);
        model.addAttribute("r", round);
        model.addAttribute("siteName", unitName(siteId));
        model.addAttribute("siteId", siteId);
        model.addAttribute("counts", welfare.siteCounts(viewer, roundId, siteId));
        model.addAttribute("lines", lines);
        model.addAttribute("site", welfare.totals(viewer, roundId).sites().stream().filter(s -> s.siteId() == siteId)
                .findFirst().orElseThrow(() -> new NotFoundException("welfare")));
        return "benefits/welfare/admin-site";
    }

    @GetMapping("/benefits/welfare-admin/{roundId}/sites/{siteId}/picklist.xlsx")
    ResponseEntity<byte[]> pickListExcel(@PathVariable long roundId, @PathVariable long siteId, Locale locale) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, false);
        List<List<Object>> rows = new ArrayList<>();
        for (Welfare.Line l : welfare.pickList(viewer, roundId, siteId)) {
            Welfare.Entitlement e = l.entitlement();
            rows.add(List.of(l.employeeNo(), l.name(), l.packageName() == null ? "" : l.packageName(),
                    e.byDefault() ? msg("benefits.welfare.page.yes", locale) : "",
                    e.collectedAt() == null ? "" : WelfareForms.local(e.collectedAt(), zones.zone()).replace('T', ' '),
                    e.collectedHow() == null ? "" : msg("benefits.welfare.how." + e.collectedHow(), locale),
                    e.exception() == null ? "" : msg("benefits.welfare.exception." + e.exception(), locale),
                    e.exceptionNote() == null ? "" : e.exceptionNote(),
                    e.exceptionOutcome() == null ? "" : msg("benefits.welfare.outcome." + e.exceptionOutcome(), locale)));
        }
        return Sheets.download("welfare-" + roundId + "-site-" + siteId + ".xlsx",
                msg("benefits.welfare.xlsx.pickList", locale), List.of(
                        msg("benefits.welfare.page.employeeNo", locale), msg("benefits.welfare.page.name", locale),
                        msg("benefits.welfare.page.package", locale), msg("benefits.welfare.page.default", locale),
                        msg("benefits.welfare.page.collectedAt", locale), msg("benefits.welfare.page.how", locale),
                        msg("benefits.welfare.page.exception", locale), msg("benefits.welfare.page.note", locale),
                        msg("benefits.welfare.page.outcome", locale)), rows);
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/sites/{siteId}/delivery")
    String confirmDelivery(@PathVariable long roundId, @PathVariable long siteId,
                           @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Viewer viewer = officer();
        welfare.owned(viewer, roundId, false);
        FormOutcome.flash(redirect, "benefits.welfare.flash.deliveryConfirmed",
                () -> welfare.confirmDelivery(viewer, roundId, siteId, note));
        return siteRedirect(roundId, siteId);
    }

    /** The member's line on the site's pick list; not found unless the officer reaches the site and it is on it. */
    private void onPickList(Viewer viewer, long roundId, long siteId, long entitlementId) {
        welfare.owned(viewer, roundId, false);
        if (welfare.pickList(viewer, roundId, siteId).stream().noneMatch(l -> l.entitlement().id() == entitlementId)) {
            throw new NotFoundException("welfare");
        }
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/sites/{siteId}/entitlements/{entitlementId}/collected")
    String markCollected(@PathVariable long roundId, @PathVariable long siteId, @PathVariable long entitlementId,
                         RedirectAttributes redirect) {
        Viewer viewer = officer();
        onPickList(viewer, roundId, siteId, entitlementId);
        FormOutcome.flash(redirect, "benefits.welfare.flash.markedCollected",
                () -> welfare.markCollected(viewer, entitlementId));
        return siteRedirect(roundId, siteId) + "#line-" + entitlementId;
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/sites/{siteId}/entitlements/{entitlementId}/exception")
    String markException(@PathVariable long roundId, @PathVariable long siteId, @PathVariable long entitlementId,
                         @RequestParam(defaultValue = "") String exception, @RequestParam(defaultValue = "") String note,
                         RedirectAttributes redirect) {
        Viewer viewer = officer();
        onPickList(viewer, roundId, siteId, entitlementId);
        FormOutcome.flash(redirect, "benefits.welfare.flash.exceptionRecorded",
                () -> welfare.markException(viewer, entitlementId, exception, note));
        return siteRedirect(roundId, siteId) + "#line-" + entitlementId;
    }

    @PostMapping("/benefits/welfare-admin/{roundId}/sites/{siteId}/entitlements/{entitlementId}/close")
    String closeException(@PathVariable long roundId, @PathVariable long siteId, @PathVariable long entitlementId,
                          @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
        Viewer viewer = officer();
        onPickList(viewer, roundId, siteId, entitlementId);
        FormOutcome.flash(redirect, "benefits.welfare.flash.exceptionClosed",
                () -> welfare.closeException(viewer, entitlementId, outcome));
        return siteRedirect(roundId, siteId) + "#line-" + entitlementId;
    }

    private static String siteRedirect(long roundId, long siteId) {
        return "redirect:/benefits/welfare-admin/" + roundId + "/sites/" + siteId;
    }
}
