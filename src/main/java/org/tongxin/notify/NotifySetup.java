package org.tongxin.notify;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.notify.internal.ChannelName;
import org.tongxin.notify.internal.NoticeSetting;
import org.tongxin.notify.internal.NoticeSettings;
import org.tongxin.notify.internal.NotifyProperties;

/**
 * Writes people's notification settings at start-up (the demo loader), through the same checks as the settings page.
 * Not for pages.
 */
@Service
public class NotifySetup {

    private final NoticeSettings settings;
    private final NotifyProperties properties;

    NotifySetup(NoticeSettings settings, NotifyProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    /**
     * Saves one person's settings: quiet hours (both or neither), a daily digest at {@code digestAt} (null: none),
     * and the outside channels by name ({@code EMAIL}, {@code WECOM}, {@code DINGTALK}, {@code SMS}) for the kinds
     * given; the other kinds get the enterprise's default channels, as the settings page saves them untouched.
     */
    public void settings(long employeeId, LocalTime quietFrom, LocalTime quietUntil, LocalTime digestAt,
                         Map<NoticeKind, Set<String>> channels) {
        Map<NoticeKind, Set<ChannelName>> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            Set<ChannelName> c = EnumSet.noneOf(ChannelName.class);
            if (channels.containsKey(kind)) {
                channels.get(kind).forEach(name -> c.add(ChannelName.valueOf(name)));
            } else {
                c.addAll(properties.defaultChannels());
            }
            choices.put(kind, c);
        }
        settings.save(employeeId, new NoticeSetting(null, quietFrom, quietUntil, digestAt != null, digestAt),
                choices);
    }
}
