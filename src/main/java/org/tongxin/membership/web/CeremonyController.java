package org.tongxin.membership.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.membership.internal.Ceremonies;
import org.tongxin.membership.internal.Ceremony;
import org.tongxin.membership.internal.CeremonyService;
import org.tongxin.membership.internal.MembershipService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Refusal;

/** Officers schedule joining ceremonies for their units and record attendance. */
@Controller
class CeremonyController {

    private final CeremonyService service;
    private final Ceremonies ceremonies;
    private final OrgDirectory org;

    CeremonyController(CeremonyService service, Ceremonies ceremonies, OrgDirectory org) {
        this.service = service;
        this.ceremonies = ceremonies;
        this.org = org;
    }

    /** A ceremony as the list shows it. */
    record Row(Ceremony ceremony, String unitName) {
    }

    @GetMapping("/membership/ceremonies")
    String list(Model model) {
        Viewer viewer = CurrentViewer.get();
        List<OrgUnit> units = org.manageableUnits(viewer);
        model.addAttribute("units", units);
        model.addAttribute("rows", ceremonies.ofUnits(units.stream().map(OrgUnit::id).toList()).stream()
                .map(c -> new Row(c, org.unit(c.unitId()).map(OrgUnit::name).orElse(""))).toList());
        return "membership/ceremonies";
    }

    @PostMapping("/membership/ceremonies")
    String schedule(@RequestParam long unitId, @RequestParam String title,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                    @RequestParam String place, RedirectAttributes redirect) {
        try {
            long id = service.schedule(CurrentViewer.get(), unitId, title,
                    startsAt.atZone(ZoneId.systemDefault()).toOffsetDateTime(), place);
            redirect.addFlashAttribute("flash", "membership.ceremony.scheduled");
            return "redirect:/membership/ceremonies/" + id;
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/membership/ceremonies";
        }
    }

    /** An invitee as the ceremony page lists them. */
    record InviteeRow(long memberId, String name, String memberNo, Boolean attended) {
    }

    @GetMapping("/membership/ceremonies/{ceremonyId}")
    String show(@PathVariable long ceremonyId, Model model) {
        Ceremony c = service.visible(CurrentViewer.get(), ceremonyId);
        model.addAttribute("ceremony", c);
        model.addAttribute("unitName", org.unit(c.unitId()).map(OrgUnit::name).orElse(""));
        model.addAttribute("invitees", ceremonies.invitees(ceremonyId).stream()
                .map(i -> new InviteeRow(i.memberId(), org.employee(i.employeeId()).map(e -> e.name()).orElse(""),
                        i.memberNo(), i.attended()))
                .toList());
        return "membership/ceremony";
    }

    @PostMapping("/membership/ceremonies/{ceremonyId}/attendance")
    String attendance(@PathVariable long ceremonyId, @RequestParam(name = "present", required = false) List<Long> present,
                      RedirectAttributes redirect) {
        service.recordAttendance(CurrentViewer.get(), ceremonyId, present == null ? List.of() : present);
        redirect.addFlashAttribute("flash", "membership.ceremony.recorded");
        return "redirect:/membership/ceremonies/" + ceremonyId;
    }
}
