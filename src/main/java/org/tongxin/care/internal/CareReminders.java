package org.tongxin.care.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.shared.time.WorkingDays;

/**
 * Reminds whoever holds a care case (its owner, or else the unit's care officers) shortly before its first talk or
 * its planned follow-up falls due, once per date: the cases are claimed with SKIP LOCKED and marked in one
 * statement, and the notices commit with the marks, so two nodes never remind twice and a crash loses none. A date
 * missed all the same is escalated by {@link CareService#escalateOverdue()}. Aid applications have no deadline, so
 * nothing to remind of.
 */
@Service
public class CareReminders {

    private final CareRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int workingDaysBefore;

    CareReminders(CareRecords records, ApplicationEventPublisher events, Optional<Clock> clock,
                  @Value("${tongxin.care.remind-days-before:1}") int workingDaysBefore) {
        this.records = records;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.workingDaysBefore = workingDaysBefore;
    }

    /** Sends the reminders of dates falling from today to the configured working days ahead; returns how many. */
    @Transactional
    public int remindDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = WorkingDays.after(today, workingDaysBefore);
        List<CareCase> firstTalks = records.takeFirstContactsDue(today, until);
        for (CareCase c : firstTalks) {
            tellHolder(c, Message.of(NoticeKind.CARE, "care.first-talk-due-soon", "/care/cases/" + c.id(),
                    c.firstContactDue()));
        }
        List<CareCase> followUps = records.takeFollowUpsDue(today, until);
        for (CareCase c : followUps) {
            tellHolder(c, Message.of(NoticeKind.CARE, "care.follow-up-due-soon", "/care/cases/" + c.id(),
                    c.followUpDue()));
        }
        return firstTalks.size() + followUps.size();
    }

    private void tellHolder(CareCase c, Message message) {
        events.publishEvent(c.ownerEmployeeId() != null
                ? NotificationRequested.toEmployee(c.ownerEmployeeId(), message)
                : NotificationRequested.toCarersOf(c.unitId(), message));
    }
}
