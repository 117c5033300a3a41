package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NotificationRequested;

/**
 * Reminders before a loan falls due and when it is overdue, each once per due date (a renewal starts them
 * again): the rows are claimed with SKIP LOCKED and marked in the same statement, so two nodes never send one
 * twice, and the notices commit with the marks.
 */
@Service
public class Reminders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Loans loans;
    private final Circulation circulation;
    private final ApplicationEventPublisher events;
    private final int remindDaysBefore;

    Reminders(Loans loans, Circulation circulation, ApplicationEventPublisher events,
              @Value("${tongxin.library.remind-days-before:2}") int remindDaysBefore) {
        this.loans = loans;
        this.circulation = circulation;
        this.events = events;
        this.remindDaysBefore = remindDaysBefore;
    }

    /** Sends due-soon and overdue reminders; returns how many. */
    @Transactional
    public int remind() {
        OffsetDateTime now = circulation.now();
        int n = 0;
        for (Loans.Loan l : loans.takeDueSoon(now, now.plusDays(remindDaysBefore))) {
            events.publishEvent(NotificationRequested.toEmployee(l.employeeId(), new Message("即将到期：" + l.title(),
                    "你借的「" + l.title() + "」将于 " + DAY.format(l.dueAt()) + " 到期，可续借或归还。\n"
                            + l.title() + " is due on " + DAY.format(l.dueAt()) + ": renew or return it.",
                    "/library/me")));
            n++;
        }
        for (Loans.Loan l : loans.takeNewlyOverdue(now)) {
            events.publishEvent(NotificationRequested.toEmployee(l.employeeId(), new Message("已逾期：" + l.title(),
                    "你借的「" + l.title() + "」已于 " + DAY.format(l.dueAt()) + " 到期，请尽快归还到任一职工书屋。\n"
                            + l.title() + " was due on " + DAY.format(l.dueAt())
                            + ": please return it to any reading room.", "/library/me")));
            n++;
        }
        return n;
    }
}
