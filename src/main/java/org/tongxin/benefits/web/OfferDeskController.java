package org.tongxin.benefits.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.benefits.internal.OfferCategory;
import org.tongxin.benefits.internal.OfferRules;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.FormOutcome;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * The officers' side of the offers: their subtree's offers with quota, claimed and used; publishing one (the partner's
 * PIN shown once); an offer's page with its figures and vouchers, editing it before anyone claimed, a new PIN,
 * withdrawing it, and marking a voucher used. A refused form comes back with what was typed.
 */
@Controller
class OfferDeskController {

    static final int PAGE_SIZE = 50;

    private final Offers offers;

    OfferDeskController(Offers offers) {
        this.offers = offers;
    }

    @GetMapping("/benefits/offers/manage")
    String list(Model model) {
        model.addAttribute("rows", offers.forOfficer(officer()));
        model.addAttribute("today", offers.today());
        return "benefits/offers/manage";
    }

    @GetMapping("/benefits/offers/manage/new")
    String form(Model model) {
        Viewer viewer = officer();
        return formPage(viewer, new Offers.Draft(null, "", "", "", "", offers.today().toString(),
                offers.today().plusMonths(3).toString(), ""), null, model);
    }

    @PostMapping("/benefits/offers/manage")
    String publish(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
        Viewer viewer = officer();
        Offers.Draft d = draft(typed);
        try {
            Offers.Published p = offers.publish(viewer, d);
            redirect.addFlashAttribute("flash", "benefits.offer.published");
            redirect.addFlashAttribute("pin", p.pin());
            return "redirect:/benefits/offers/manage/" + p.id();
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return formPage(viewer, d, null, model);
        }
    }

    @GetMapping("/benefits/offers/manage/{offerId}")
    String view(@PathVariable long offerId, @RequestParam(defaultValue = "0") int page, Model model) {
        return offerPage(officer(), offerId, Page.clamp(page), null, model);
    }

    @PostMapping("/benefits/offers/manage/{offerId}")
    String edit(@PathVariable long offerId, @RequestParam Map<String, String> typed, Model model,
                RedirectAttributes redirect) {
        Viewer viewer = officer();
        Offers.Draft d = draft(typed);
        try {
            offers.edit(viewer, offerId, d);
            redirect.addFlashAttribute("flash", "benefits.offer.edited");
            return "redirect:/benefits/offers/manage/" + offerId;
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return offerPage(viewer, offerId, 0, d, model);
        }
    }

    @PostMapping("/benefits/offers/manage/{offerId}/withdraw")
    String withdraw(@PathVariable long offerId, RedirectAttributes redirect) {
        Viewer viewer = officer();
        return act(offerId, redirect, "benefits.offer.withdrawn", () -> offers.withdraw(viewer, offerId));
    }

    @PostMapping("/benefits/offers/manage/{offerId}/pin")
    String newPin(@PathVariable long offerId, RedirectAttributes redirect) {
        Viewer viewer = officer();
        return act(offerId, redirect, "benefits.offer.newPin",
                () -> redirect.addFlashAttribute("pin", offers.newPin(viewer, offerId)));
    }

    @PostMapping("/benefits/offers/manage/{offerId}/vouchers/{voucherId}/redeem")
    String markUsed(@PathVariable long offerId, @PathVariable long voucherId, RedirectAttributes redirect) {
        Viewer viewer = officer();
        return act(offerId, redirect, "benefits.offer.markedUsed", () -> offers.markUsed(viewer, offerId, voucherId));
    }

    private String act(long offerId, RedirectAttributes redirect, String done, Runnable action) {
        return FormOutcome.flash(redirect, done, "/benefits/offers/manage/" + offerId, action);
    }

    private String offerPage(Viewer viewer, long offerId, int page, Offers.Draft typed, Model model) {
        Offers.Offer o = offers.managed(viewer, offerId);
        model.addAttribute("o", o);
        model.addAttribute("redeemed", offers.redeemed(offerId));
        model.addAttribute("holders", offers.holders(viewer, offerId, page, PAGE_SIZE));
        model.addAttribute("today", offers.today());
        return formPage(viewer, typed != null ? typed : Offers.Draft.of(o), o, model);
    }

    private String formPage(Viewer viewer, Offers.Draft d, Offers.Offer o, Model model) {
        model.addAttribute("form", d);
        model.addAttribute("units", offers.publishingUnits(viewer));
        model.addAttribute("categories", OfferCategory.values());
        model.addAttribute("maxQuota", OfferRules.MAX_QUOTA);
        model.addAttribute("maxTitle", OfferRules.MAX_TITLE);
        model.addAttribute("maxPartner", OfferRules.MAX_PARTNER);
        model.addAttribute("maxDescription", OfferRules.MAX_DESCRIPTION);
        return o == null ? "benefits/offers/new" : "benefits/offers/offer";
    }

    private static Offers.Draft draft(Map<String, String> typed) {
        Long unit;
        try {
            String u = typed.get("unitId");
            unit = u == null || u.isBlank() ? null : Long.valueOf(u.strip());
        } catch (NumberFormatException e) {
            unit = null;
        }
        return new Offers.Draft(unit, typed.get("partner"), typed.get("title"), typed.get("description"),
                typed.get("category"), typed.get("validFrom"), typed.get("validUntil"), typed.get("quota"));
    }

    private static Viewer officer() {
        Viewer viewer = CurrentViewer.get();
        if (!viewer.isOfficerOrAbove()) {
            throw new NotFoundException("offers desk");
        }
        return viewer;
    }
}
