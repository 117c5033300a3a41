package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
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
            events.publishEvent(NotificationRequested.toEmployee(l.employeeId(),
                    Message.of(NoticeKind.LIBRARY, "library.due-soon", "/library/me", l.title(), DAY.format(l.dueAt()))));
            n++;
        }
        for (Loans.Loan l : loans.takeNewlyOverdue(now)) {
            events.publishEvent(NotificationRequested.toEmployee(l.employeeId(),
                    Message.of(NoticeKind.LIBRARY, "library.loan-overdue", "/library/me", l.title(),
                            DAY.format(l.dueAt()))));
            n++;
        }
        return n;
    }
}
