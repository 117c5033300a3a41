package org.tongxin.benefits.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.benefits.internal.VoucherRules;
import org.tongxin.benefits.internal.Vouchers;

/**
 * The partner's page, opened from a voucher's QR code without an account: whether the voucher is valid (offer or
 * birthday benefit, partner, valid until, the holder's first character only) and a form to redeem it with the
 * partner's PIN. Birthday vouchers are checked here too, by the cake shop.
 */
@Controller
class OfferCheckController {

    private final Vouchers vouchers;

    OfferCheckController(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    @GetMapping("/benefits/vouchers/check/{code}")
    String check(@PathVariable String code, Model model, HttpServletResponse response) {
        return vouchers.check(code).map(c -> page(c, model)).orElseGet(() -> missing(response));
    }

    @PostMapping("/benefits/vouchers/check/{code}")
    String redeem(@PathVariable String code, @RequestParam(required = false) String pin, Model model,
                  HttpServletResponse response) {
        if (vouchers.check(code).isEmpty()) {
            return missing(response);
        }
        Vouchers.Redeem r = vouchers.redeem(code, pin);
        switch (r.outcome()) {
            case REDEEMED -> model.addAttribute("flash", "benefits.offer.check.redeemed");
            case WRONG_PIN -> {
                model.addAttribute("flashError", "benefits.offer.check.wrongPin");
                model.addAttribute("triesLeft", r.triesLeft());
            }
            case BAD_PIN -> model.addAttribute("flashError", "benefits.offer.check.badPin");
            case NOT_REDEEMABLE -> {
                if (r.check().voucher().state() == VoucherRules.State.LOCKED) {
                    response.setStatus(429);
                }
            }
        }
        model.addAttribute("tried", true);
        return page(r.check(), model);
    }

    private String page(Vouchers.Check c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("v", c.voucher());
        model.addAttribute("lockMinutes", VoucherRules.LOCK.toMinutes());
        return "benefits/offers/check";
    }

    private static String missing(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "benefits/offers/check-missing";
    }
}
