package org.tongxin.notify.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.notify.internal.ChannelName;
import org.tongxin.notify.internal.Outbox;
import org.tongxin.notify.internal.OutboxRetries;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.web.Refusal;

/**
 * Admins: which outside channels are configured, the outbox per channel and status, the newest notices that failed
 * for good with the reason and a retry, and one person's newest notices ("I got nothing"). The inbox is not here: it
 * always works.
 */
@Controller
class NotifyAdminController {

    static final int FAILURES = 30;
    static final int PERSON_ROWS = 30;
    /** What to set for each channel, shown while it is off. */
    private static final Map<ChannelName, List<String>> PROPERTIES = Map.of(
            ChannelName.EMAIL, List.of("spring.mail.host", "spring.mail.port", "spring.mail.username",
                    "spring.mail.password", "tongxin.notify.email.from"),
            ChannelName.WECOM, List.of("tongxin.notify.wecom.corp-id", "tongxin.notify.wecom.secret",
                    "tongxin.notify.wecom.agent-id"),
            ChannelName.DINGTALK, List.of("tongxin.notify.dingtalk.app-key", "tongxin.notify.dingtalk.app-secret",
                    "tongxin.notify.dingtalk.agent-id"),
            ChannelName.SMS, List.of("tongxin.notify.sms.url", "tongxin.notify.sms.body",
                    "tongxin.notify.sms.headers.*"));
    static final List<String> STATUSES = List.of("PENDING", "SENDING", "HELD", "SENT", "DIGESTED", "FAILED");

    private final Outbox outbox;
    private final OutboxRetries retries;
    private final OrgDirectory org;

    NotifyAdminController(Outbox outbox, OutboxRetries retries, OrgDirectory org) {
        this.outbox = outbox;
        this.retries = retries;
        this.org = org;
    }

    /** A row with the person it is for. */
    record Line(Outbox.Row row, String name, String employeeNo) {
    }

    @GetMapping("/admin/notify")
    String page(@RequestParam(required = false) String no, Model model) {
        requireAdmin();
        Set<ChannelName> enabled = outbox.enabled();
        model.addAttribute("channels", ChannelName.values());
        model.addAttribute("enabled", enabled);
        model.addAttribute("properties", PROPERTIES);
        model.addAttribute("statuses", STATUSES);
        Map<ChannelName, Map<String, Long>> counts = new EnumMap<>(ChannelName.class);
        for (ChannelName c : ChannelName.values()) {
            counts.put(c, new LinkedHashMap<>());
        }
        outbox.counts().forEach(c -> counts.get(c.channel()).put(c.status(), c.rows()));
        model.addAttribute("counts", counts);
        model.addAttribute("failures", lines(outbox.failures(FAILURES)));
        model.addAttribute("failureLimit", FAILURES);
        if (no != null && !no.isBlank()) {
            String number = no.strip();
            model.addAttribute("no", number);
            Long id = org.employeeIdsByNumber(List.of(number)).get(number);
            if (id == null) {
                model.addAttribute("personMissing", true);
            } else {
                model.addAttribute("person", org.employee(id).orElse(null));
                model.addAttribute("personRows", lines(outbox.ofPerson(id, PERSON_ROWS)));
                model.addAttribute("personLimit", PERSON_ROWS);
            }
        }
        return "notify/admin";
    }

    @PostMapping("/admin/notify/outbox/{id}/retry")
    String retry(@PathVariable long id, @RequestParam(required = false) String no, RedirectAttributes redirect) {
        try {
            retries.retry(CurrentViewer.get(), id);
            redirect.addFlashAttribute("flash", "notify.admin.retried");
        } catch (Refusal e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/admin/notify");
        if (no != null && !no.isBlank()) {
            back.queryParam("no", no.strip());
        }
        return "redirect:" + back.encode().toUriString();
    }

    @PostMapping("/admin/notify/test")
    String test(@RequestParam String no, RedirectAttributes redirect) {
        requireAdmin();
        String number = no.strip();
        Long id = org.employeeIdsByNumber(List.of(number)).get(number);
        if (id == null) {
            redirect.addFlashAttribute("flashError", "notify.admin.testNobody");
        } else {
            retries.sendTest(CurrentViewer.get(), id, number);
            redirect.addFlashAttribute("flash", "notify.admin.testSent");
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/notify").queryParam("no", number).encode()
                .toUriString();
    }

    private List<Line> lines(List<Outbox.Row> rows) {
        Map<Long, EmployeeSummary> people = org.employees(rows.stream().map(Outbox.Row::employeeId).distinct().toList());
        return rows.stream().map(r -> {
            EmployeeSummary e = people.get(r.employeeId());
            return new Line(r, e == null ? "#" + r.employeeId() : e.name(), e == null ? "" : e.employeeNo());
        }).toList();
    }

    private static void requireAdmin() {
        if (!CurrentViewer.get().has(Role.ADMIN)) {
            throw new OutOfScopeException("the outbox");
        }
    }
}
