package org.tongxin.live.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.live.internal.LiveService;
import org.tongxin.live.internal.Sessions;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/**
 * On the home tab, only while it matters: the sessions the person may watch that are live now or start within a
 * day — live ones first, then those for their own audience before public ones, soonest first — up to three, with
 * how many more there are.
 */
@Component
class LiveHomeCard implements HomeSection {

    private static final int SHOWN = 3;

    /** A session on the card. */
    record Entry(long id, String title, boolean live, ZonedDateTime startsAt) {
    }

    private final LiveService live;
    private final Sessions sessions;

    LiveHomeCard(LiveService live, Sessions sessions) {
        this.live = live;
        this.sessions = sessions;
    }

    @Override
    public Optional<Panel> card(Viewer viewer) {
        OffsetDateTime now = live.now();
        // A session may run past its scheduled end: look back far enough to find one still live.
        var soon = sessions.between(now.minusHours(12), now.plusDays(1)).stream()
                .filter(s -> s.state().equals("LIVE")
                        || s.state().equals("SCHEDULED") && s.endsAt().isAfter(now) && s.startsAt().isBefore(now.plusDays(1)))
                .filter(s -> live.mayWatch(viewer, s))
                .sorted(Comparator.comparing((Sessions.Session s) -> !s.state().equals("LIVE"))
                        .thenComparing(s -> s.audience().equals("PUBLIC"))
                        .thenComparing(Sessions.Session::startsAt))
                .toList();
        if (soon.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.systemDefault();
        List<Entry> shown = soon.stream().limit(SHOWN).map(s -> new Entry(s.id(), s.title(), s.state().equals("LIVE"),
                s.startsAt().atZoneSameInstant(zone))).toList();
        return Optional.of(new Panel("live/home", Map.of("sessions", shown, "more", soon.size() - shown.size())));
    }

    @Override
    public int order() {
        return 5;
    }
}
