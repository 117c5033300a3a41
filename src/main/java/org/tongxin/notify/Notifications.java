package org.tongxin.notify;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitOfficers;

/** Sends a message to one person or a whole subtree through every channel. */
@Service
public class Notifications {

    private final List<Channel> channels;
    private final OrgDirectory org;
    private final List<UnitOfficers> officers;

    Notifications(List<Channel> channels, OrgDirectory org, List<UnitOfficers> officers) {
        this.channels = channels;
        this.org = org;
        this.officers = officers;
    }

    /**
     * Tells the officers of the nearest unit up the path from {@code unitId} that has any (a group
     * without officers is looked after by its branch); returns how many were told.
     */
    @Transactional
    public int notifyOfficers(long unitId, Message message) {
        return notifyOfficers(unitId, message, false);
    }

    /** As {@link #notifyOfficers(long, Message)}, only to officers with the care right when {@code careOnly}. */
    @Transactional
    public int notifyOfficers(long unitId, Message message, boolean careOnly) {
        List<Long> path = org.unit(unitId).map(OrgUnit::pathIds).orElse(List.of());
        for (int i = path.size() - 1; i >= 0; i--) {
            long id = path.get(i);
            List<Long> people = officers.stream().flatMap(o -> o.officersOf(id).stream())
                    .filter(o -> !careOnly || o.care())
                    .map(UnitOfficers.Officer::employeeId).distinct().toList();
            if (!people.isEmpty()) {
                deliver(people, message);
                return people.size();
            }
        }
        return 0;
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
        } else if (request.officersOfUnitId() != null) {
            notifyOfficers(request.officersOfUnitId(), request.message(), request.careOnly());
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
