package org.tongxin.notify.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tongxin.notify.Notifications;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/** An admin putting a notice that failed for good back in the queue, or sending someone a test notice; audited. */
@Service
public class OutboxRetries {

    private final Outbox outbox;
    private final OutboxSender sender;
    private final AuditTrail audit;
    private final Notifications notifications;

    OutboxRetries(Outbox outbox, OutboxSender sender, AuditTrail audit, Notifications notifications) {
        this.outbox = outbox;
        this.sender = sender;
        this.audit = audit;
        this.notifications = notifications;
    }

    /**
     * Sends one person a test notice (after a channel was set up, or when they say they get nothing): it goes out at
     * once on their channels, whatever their quiet hours. Audited.
     */
    @Transactional
    public void sendTest(Viewer admin, long employeeId, String employeeNo) {
        if (!admin.has(Role.ADMIN)) {
            throw new OutOfScopeException("test notice");
        }
        notifications.sendTest(employeeId);
        audit.record(admin, "notify.test", "employee", employeeId, null, employeeNo, Map.of(), Map.of());
    }

    /** Queues the failed row again from its first attempt; refused with {@code notify.admin.notFailed} otherwise. */
    @Transactional
    public void retry(Viewer admin, long id) {
        if (!admin.has(Role.ADMIN)) {
            throw new OutOfScopeException("notice " + id);
        }
        Outbox.Row row = outbox.find(id).orElseThrow(() -> new NotFoundException("notice " + id));
        if (!outbox.retry(id, sender.now())) {
            throw new Refusal("notify.admin.notFailed");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", row.status());
        before.put("attempts", row.attempts());
        before.put("reason", row.lastError());
        audit.record(admin, "notify.retry", "notice_outbox", id, null,
                row.channel() + " · " + row.title(), before, Map.of("status", "PENDING", "attempts", 0));
    }
}
