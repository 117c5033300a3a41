package org.tongxin.benefits.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.Vouchers;
import org.tongxin.membership.MemberDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.PublicAddress;
import org.tongxin.shared.web.QrCodes;
import org.tongxin.shared.web.Refusal;

/**
 * A member's side of the offers (普惠): the offers open to them with what is left, claiming one, and their vouchers —
 * each with its QR code, which the partner scans to check and redeem it.
 */
@Controller
class OfferController {

    private final Offers offers;
    private final Vouchers vouchers;
    private final MemberDirectory members;
    private final PublicAddress address;

    OfferController(Offers offers, Vouchers vouchers, MemberDirectory members, PublicAddress address) {
        this.offers = offers;
        this.vouchers = vouchers;
        this.members = members;
        this.address = address;
    }

    @GetMapping("/benefits/offers")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        model.addAttribute("offers", offers.openTo(viewer));
        model.addAttribute("member", viewer.employeeId() != null && members.isMember(viewer.employeeId()));
        List<Vouchers.View> mine = viewer.employeeId() == null ? List.of() : vouchers.held(viewer.employeeId());
        model.addAttribute("vouchers", mine);
        model.addAttribute("officer", viewer.isOfficerOrAbove());
        return "benefits/offers/list";
    }

    @PostMapping("/benefits/offers/{offerId}/claim")
    String claim(@PathVariable long offerId, RedirectAttributes redirect) {
        try {
            long voucher = offers.claim(CurrentViewer.get(), offerId);
            redirect.addFlashAttribute("flash", "benefits.offer.claimed");
            return "redirect:/benefits/vouchers/" + voucher;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/benefits/offers";
        }
    }

    @GetMapping("/benefits/vouchers/{voucherId}")
    String voucher(@PathVariable long voucherId, Model model) {
        Vouchers.View v = vouchers.mine(CurrentViewer.get(), voucherId);
        String checkUrl = address.of("/benefits/vouchers/check/" + v.code());
        model.addAttribute("v", v);
        model.addAttribute("checkUrl", checkUrl);
        model.addAttribute("qr", QrCodes.svg(checkUrl));
        return "benefits/offers/voucher";
    }
}
