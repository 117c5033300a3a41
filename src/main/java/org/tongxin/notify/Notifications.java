package org.tongxin.notify;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;

/** Sends a message to one person or a whole subtree through every channel. */
@Service
public class Notifications {

    private final List<Channel> channels;
    private final OrgDirectory org;

    Notifications(List<Channel> channels, OrgDirectory org) {
        this.channels = channels;
        this.org = org;
    }

    @Transactional
    public void notify(long employeeId, Message message) {
        deliver(List.of(employeeId), message);
    }

    /** Every active employee anywhere below {@code unitId}; returns how many were reached. */
    @Transactional
    public int notifySubtree(long unitId, Message message) {
        List<Long> ids = org.activeEmployeesInSubtree(unitId);
        deliver(ids, message);
        return ids.size();
    }

    @ApplicationModuleListener
    void on(NotificationRequested request) {
        if (request.employeeId() != null) {
            notify(request.employeeId(), request.message());
        } else {
            notifySubtree(request.unitId(), request.message());
        }
    }

    private void deliver(List<Long> employeeIds, Message message) {
        if (employeeIds.isEmpty()) {
            return;
        }
        channels.forEach(channel -> channel.deliver(employeeIds, message));
    }
}
