package org.tongxin.activity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;

/**
 * The reminder the day before an activity starts, to everyone holding a seat, once per person and start (a new start
 * time reminds again): the seats are claimed with SKIP LOCKED and marked in one statement, and the notices commit
 * with the marks, so two nodes never send one twice and a crash loses none.
 */
@Service
public class ActivityReminders {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Registrations registrations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int hoursBefore;

    ActivityReminders(Registrations registrations, ApplicationEventPublisher events, Optional<Clock> clock,
                      @Value("${tongxin.activity.remind-hours-before:24}") int hoursBefore) {
        this.registrations = registrations;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.hoursBefore = hoursBefore;
    }

    /** Reminds the seat holders of activities starting within the coming day; returns how many were reminded. */
    @Transactional
    public int remind() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = 0;
        for (Registrations.Reminder r : registrations.takeStartingSoon(now, now.plusHours(hoursBefore))) {
            events.publishEvent(NotificationRequested.toEmployee(r.employeeId(),
                    Message.of(NoticeKind.ACTIVITY, "activity.starts-soon", "/activities/" + r.activityId(), r.title(),
                            WHEN.format(r.startsAt().atZoneSameInstant(clock.getZone())))));
            n++;
        }
        return n;
    }
}
