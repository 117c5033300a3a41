package org.tongxin.notify.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.internal.ChannelName;
import org.tongxin.notify.internal.NoticeSetting;
import org.tongxin.notify.internal.NoticeSettings;
import org.tongxin.notify.internal.NotifyProperties;
import org.tongxin.notify.internal.Outbox;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.crypto.Mask;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * A person's own notification settings: per kind of notice the outside channels (only those configured here can be
 * ticked), the email address, quiet hours and the daily digest. The inbox always gets everything. A kind the person
 * never chose shows the enterprise's defaults. Channels not configured keep what the person had (or the defaults), so
 * saving the page while one is switched off does not forget it.
 */
@Controller
class NoticeSettingsController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final NoticeSettings settings;
    private final Outbox outbox;
    private final NotifyProperties properties;
    private final OrgDirectory org;

    NoticeSettingsController(NoticeSettings settings, Outbox outbox, NotifyProperties properties, OrgDirectory org) {
        this.settings = settings;
        this.outbox = outbox;
        this.properties = properties;
        this.org = org;
    }

    /** What the form shows and sends back: times as typed, ticks as {@code KIND.CHANNEL}. */
    record Form(String email, String quietFrom, String quietUntil, boolean digest, String digestAt,
                Set<String> ticked) {

        public boolean has(NoticeKind kind, ChannelName channel) {
            return ticked.contains(kind.name() + "." + channel.name());
        }
    }

    @GetMapping("/me/notices")
    String show(Model model) {
        long employeeId = employeeId();
        NoticeSetting s = settings.of(employeeId);
        Set<ChannelName> enabled = outbox.enabled();
        Form form = new Form(s.email(), time(s.quietFrom()), time(s.quietUntil()), s.digest(), time(s.digestAt()),
                ticked(settings.chosen(employeeId), defaults(), enabled));
        return page(model, employeeId, form, enabled);
    }

    @PostMapping("/me/notices")
    String save(@RequestParam(required = false) String email, @RequestParam(required = false) String quietFrom,
                @RequestParam(required = false) String quietUntil, @RequestParam(defaultValue = "false") boolean digest,
                @RequestParam(required = false) String digestAt,
                @RequestParam(name = "choice", required = false) List<String> choice, Model model,
                RedirectAttributes redirect) {
        long employeeId = employeeId();
        Set<ChannelName> enabled = outbox.enabled();
        Form form = new Form(email, blankToNull(quietFrom), blankToNull(quietUntil), digest, blankToNull(digestAt),
                new LinkedHashSet<>(choice == null ? List.of() : choice));
        try {
            Map<NoticeKind, Set<ChannelName>> choices = choices(settings.chosen(employeeId), defaults(), enabled,
                    form.ticked());
            LocalTime at = parse(form.digestAt());
            settings.save(employeeId, new NoticeSetting(email, parse(form.quietFrom()), parse(form.quietUntil()),
                    digest, at), choices);
        } catch (Refusal e) {
            model.addAttribute("flashError", e.messageKey());
            return page(model, employeeId, form, enabled);
        }
        redirect.addFlashAttribute("flash", "notify.page.saved");
        return "redirect:/me/notices";
    }

    /** What the page ticks: the person's choice per kind, or the defaults; only channels configured. */
    static Set<String> ticked(Map<NoticeKind, Set<ChannelName>> chosen, Set<ChannelName> defaults,
                              Set<ChannelName> enabled) {
        Set<String> ticked = new LinkedHashSet<>();
        for (NoticeKind kind : NoticeKind.values()) {
            for (ChannelName c : chosen.getOrDefault(kind, defaults)) {
                if (enabled.contains(c)) {
                    ticked.add(kind.name() + "." + c.name());
                }
            }
        }
        return ticked;
    }

    /**
     * The ticks as channels per kind, refusing names that are no kind or channel, or a channel not configured. A
     * channel not configured cannot be ticked on the page: it keeps the person's earlier choice for the kind, or the
     * default when they had none, so that switching a channel off for a while does not wipe everyone's choice.
     */
    static Map<NoticeKind, Set<ChannelName>> choices(Map<NoticeKind, Set<ChannelName>> before,
                                                     Set<ChannelName> defaults, Set<ChannelName> enabled,
                                                     Set<String> ticked) {
        Map<NoticeKind, Set<ChannelName>> out = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            Set<ChannelName> kept = EnumSet.noneOf(ChannelName.class);
            for (ChannelName c : before.getOrDefault(kind, defaults)) {
                if (!enabled.contains(c)) {
                    kept.add(c);
                }
            }
            out.put(kind, kept);
        }
        for (String tick : ticked) {
            int dot = tick.indexOf('.');
            NoticeKind kind = dot < 0 ? null : kind(tick.substring(0, dot));
            ChannelName channel = dot < 0 ? null : channel(tick.substring(dot + 1));
            if (kind == null || channel == null || !enabled.contains(channel)) {
                throw new Refusal("notify.page.error.choice");
            }
            out.get(kind).add(channel);
        }
        return out;
    }

    private String page(Model model, long employeeId, Form form, Set<ChannelName> enabled) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("channels", ChannelName.values());
        model.addAttribute("enabled", enabled);
        Set<ChannelName> missing = EnumSet.allOf(ChannelName.class);
        missing.removeAll(enabled);
        model.addAttribute("missing", missing);
        model.addAttribute("emailOn", enabled.contains(ChannelName.EMAIL));
        model.addAttribute("smsOn", enabled.contains(ChannelName.SMS));
        model.addAttribute("mobile", org.mobileOf(employeeId).map(Mask::phone).orElse(null));
        return "notify/settings";
    }

    private Set<ChannelName> defaults() {
        Set<ChannelName> out = EnumSet.noneOf(ChannelName.class);
        out.addAll(properties.defaultChannels());
        return out;
    }

    private static long employeeId() {
        Viewer viewer = CurrentViewer.get();
        if (viewer.employeeId() == null) {
            throw new NotFoundException("notice settings of a technical account");
        }
        return viewer.employeeId();
    }

    private static NoticeKind kind(String name) {
        for (NoticeKind k : NoticeKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    private static ChannelName channel(String name) {
        for (ChannelName c : ChannelName.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static LocalTime parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip()).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            throw new Refusal("notify.page.error.time");
        }
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.format(HH_MM);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
