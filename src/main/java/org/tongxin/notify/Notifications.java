package org.tongxin.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.internal.Inbox;
import org.tongxin.notify.internal.NoticeTexts;
import org.tongxin.notify.internal.Outbox;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitOfficers;

/**
 * Sends a message to one person or a whole subtree: rendered in each person's language into their inbox, and into the
 * outbox for the outside channels they chose, in the same transaction.
 */
@Service
public class Notifications {

    private final Inbox inbox;
    private final Outbox outbox;
    private final NoticeTexts texts;
    private final List<Languages> languages;
    private final OrgDirectory org;
    private final List<UnitOfficers> officers;

    Notifications(Inbox inbox, Outbox outbox, NoticeTexts texts, List<Languages> languages, OrgDirectory org,
                  List<UnitOfficers> officers) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.texts = texts;
        this.languages = languages;
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

    /**
     * A test notice an admin sends to one person after setting up a channel: urgent, so it goes out at once on the
     * person's channels (their choice for account notices, else the defaults) whatever their quiet hours.
     */
    @Transactional
    public void sendTest(long employeeId) {
        notify(employeeId, Message.of(NoticeKind.ACCOUNT, "notify.test", "/inbox").urgently());
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
        Map<Long, Locale> chosen = new LinkedHashMap<>();
        languages.forEach(l -> chosen.putAll(l.of(employeeIds)));
        Map<Locale, List<Long>> byLanguage = new LinkedHashMap<>();
        for (Long id : employeeIds) {
            byLanguage.computeIfAbsent(chosen.getOrDefault(id, NoticeTexts.DEFAULT), l -> new ArrayList<>()).add(id);
        }
        byLanguage.forEach((language, ids) -> {
            NoticeTexts.Text text = texts.render(message, language);
            inbox.deliver(ids, text, message.link());
            outbox.enqueue(ids, message, language, text);
        });
    }
}
