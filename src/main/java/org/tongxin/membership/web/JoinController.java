package org.tongxin.membership.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.CardTokens;
import org.tongxin.membership.internal.Ceremonies;
import org.tongxin.membership.internal.Member;
import org.tongxin.membership.internal.Members;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.QrCodes;
import org.tongxin.shared.web.Refusal;

/** The employee's side: apply, see where the application stands, show the member card; and card checks. */
@Controller
class JoinController {

    private final MembershipService membership;
    private final Applications applications;
    private final Members members;
    private final CardTokens tokens;
    private final OrgDirectory org;
    private final Ceremonies ceremonies;
    private final FileStore files;
    private final Clock clock;

    JoinController(MembershipService membership, Applications applications, Members members, CardTokens tokens,
                   OrgDirectory org, Ceremonies ceremonies, FileStore files, Optional<Clock> clock) {
        this.membership = membership;
        this.applications = applications;
        this.members = members;
        this.tokens = tokens;
        this.org = org;
        this.ceremonies = ceremonies;
        this.files = files;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @GetMapping("/membership/apply")
    String form(Model model) {
        Viewer viewer = CurrentViewer.get();
        if (viewer.employeeId() == null) {
            throw new NotFoundException("applications of a technical account");
        }
        model.addAttribute("me", org.employee(viewer.employeeId()).orElseThrow());
        model.addAttribute("member", members.current(viewer.employeeId()).orElse(null));
        model.addAttribute("history", applications.ofEmployee(viewer.employeeId()));
        model.addAttribute("open", applications.openOf(viewer.employeeId()).orElse(null));
        return "membership/apply";
    }

    @PostMapping("/membership/apply")
    String apply(@RequestParam(defaultValue = "false") boolean declaration,
                 @RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        try {
            membership.apply(CurrentViewer.get(), declaration, photo == null ? null : photo.getBytes());
            redirect.addFlashAttribute("flash", "membership.applied");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/membership/apply";
    }

    @GetMapping("/me/card")
    String card(Model model) {
        Card card = cardOf(CurrentViewer.get());
        model.addAttribute("card", card);
        model.addAttribute("periods", members.periods(card.memberId()).stream()
                .map(p -> new PeriodRow(p.status(), org.unit(p.unitId()).map(OrgUnit::name).orElse(""), p.startedOn(),
                        p.endedOn(), p.endReason()))
                .toList());
        model.addAttribute("ceremonies", ceremonies.invitationsOf(card.memberId()));
        return "membership/card";
    }

    /** One period of the member's history as the card page lists it. */
    record PeriodRow(String status, String unitName, LocalDate startedOn, LocalDate endedOn, String endReason) {
    }

    /** The member's own card photo; nobody else's. */
    @GetMapping("/me/card/photo")
    ResponseEntity<byte[]> photo() {
        Viewer viewer = CurrentViewer.get();
        Member member = viewer.employeeId() == null ? null : members.current(viewer.employeeId()).orElse(null);
        FileStore.Image image = member == null ? null : files.readImage(member.photoKey()).orElse(null);
        if (image == null) {
            throw new NotFoundException("card photo");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.noStore()).body(image.content());
    }

    /** The QR alone, for htmx to refresh before the token runs out while the card is on screen. */
    @GetMapping("/me/card/qr")
    String qr(Model model) {
        model.addAttribute("card", cardOf(CurrentViewer.get()));
        return "membership/card :: qr";
    }

    /** What the card shows; the QR holds a link to the check page with a fresh signed token. */
    record Card(long memberId, String name, String memberNo, String unitName, LocalDate joinedOn, boolean retired,
                boolean hasPhoto, String qrSvg, String verifyPath) {
    }

    private Card cardOf(Viewer viewer) {
        Member member = viewer.employeeId() == null ? null : members.current(viewer.employeeId()).orElse(null);
        if (member == null) {
            throw new NotFoundException("member card");
        }
        String path = "/membership/verify?t=" + tokens.issue(member.id(), Instant.now(clock));
        return new Card(member.id(), viewer.displayName(), member.memberNo(),
                org.unit(member.unitId()).map(OrgUnit::name).orElse(""), member.firstJoinedOn(), member.isRetired(),
                member.photoKey() != null, QrCodes.svg(baseUrl() + path), path);
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    /** An officer scans a card: valid or not, and only the name and unit. */
    @GetMapping("/membership/verify")
    String verify(@RequestParam(name = "t", required = false) String token, Model model) {
        CardTokens.Result result = tokens.check(token, Instant.now(clock));
        model.addAttribute("result", result.check().name());
        if (result.check() == CardTokens.Check.VALID) {
            members.currentById(result.memberId()).ifPresentOrElse(m -> {
                model.addAttribute("name", org.employee(m.employeeId()).map(e -> e.name()).orElse(""));
                model.addAttribute("unitName", org.unit(m.unitId()).map(OrgUnit::name).orElse(""));
            }, () -> model.addAttribute("result", "ENDED"));
        }
        return "membership/verify";
    }
}
