package org.tongxin.notify.internal;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which outside channels a notice goes out on for one person, and when.
 * <ul>
 * <li>Channels: those the person chose for the notice's kind, or the enterprise's defaults when they have not chosen;
 * only channels that are configured and can reach the person (email needs an address). An urgent notice the
 * person's choices would not send anywhere goes out on the defaults, else on every channel that reaches them.</li>
 * <li>When: urgent notices at once. Otherwise, with the daily digest on, held for the next digest time; inside quiet
 * hours (which may run past midnight, 22:00–07:00), held until they end; else at once.</li>
 * </ul>
 */
final class DeliveryPolicy {

    /** HELD rows wait for the digest; PENDING ones for {@code notBefore}. */
    record Timing(boolean held, ZonedDateTime notBefore) {
    }

    private DeliveryPolicy() {
    }

    static Set<ChannelName> channels(boolean urgent, Set<ChannelName> chosen, Collection<ChannelName> defaults,
                                     Set<ChannelName> enabled, NoticeSetting setting) {
        Set<ChannelName> picked = reachable(chosen == null ? defaults : chosen, enabled, setting);
        if (urgent && picked.isEmpty()) {
            picked = reachable(defaults, enabled, setting);
            if (picked.isEmpty()) {
                picked = reachable(enabled, enabled, setting);
            }
        }
        return picked;
    }

    private static Set<ChannelName> reachable(Collection<ChannelName> wanted, Set<ChannelName> enabled, NoticeSetting setting) {
        Set<ChannelName> out = EnumSet.noneOf(ChannelName.class);
        for (ChannelName c : wanted) {
            if (enabled.contains(c) && setting.reaches(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static Timing timing(boolean urgent, NoticeSetting setting, ZonedDateTime now) {
        if (urgent) {
            return new Timing(false, now);
        }
        if (setting.digest()) {
            ZonedDateTime at = now.with(setting.digestAt()).withSecond(0).withNano(0);
            return new Timing(true, at.isAfter(now) ? at : at.plusDays(1));
        }
        return new Timing(false, afterQuietHours(setting, now));
    }

    /** {@code now}, or the end of the person's quiet hours when {@code now} falls inside them. */
    static ZonedDateTime afterQuietHours(NoticeSetting setting, ZonedDateTime now) {
        LocalTime from = setting.quietFrom();
        LocalTime until = setting.quietUntil();
        if (from == null || until == null || !quiet(from, until, now.toLocalTime())) {
            return now;
        }
        ZonedDateTime end = now.with(until).withSecond(0).withNano(0);
        return end.isAfter(now) ? end : end.plusDays(1);
    }

    static boolean quiet(LocalTime from, LocalTime until, LocalTime t) {
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }
}
