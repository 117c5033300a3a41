package org.tongxin.membership.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/**
 * Joining ceremonies: a unit schedules one, the members who joined since its last ceremony are invited
 * through their inboxes, and the officer records who came.
 */
@Service
public class CeremonyService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Ceremonies ceremonies;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CeremonyService(Ceremonies ceremonies, OrgDirectory org, AuditTrail audit, ApplicationEventPublisher events,
                    Optional<Clock> clock) {
        this.ceremonies = ceremonies;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private OrgUnit scoped(Viewer officer, long unitId) {
        return org.managedUnit(officer, unitId);
    }

    public Ceremony visible(Viewer officer, long ceremonyId) {
        Ceremony c = ceremonies.find(ceremonyId).orElseThrow(() -> new NotFoundException("ceremony " + ceremonyId));
        scoped(officer, c.unitId());
        return c;
    }

    /** Schedules a ceremony and invites everyone in the unit's subtree who joined since its last one (90 days at most). */
    @Transactional
    public long schedule(Viewer officer, long unitId, String title, OffsetDateTime startsAt, String place) {
        OrgUnit unit = scoped(officer, unitId);
        if (title == null || title.isBlank() || place == null || place.isBlank() || startsAt == null) {
            throw new MembershipService.Refused("membership.ceremony.incomplete");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate since = ceremonies.lastOf(unitId).map(OffsetDateTime::toLocalDate)
                .filter(d -> d.isAfter(today.minusDays(90))).orElse(today.minusDays(90));
        List<Long> unitIds = org.subtreeCounts(unit).stream().map(UnitCount::unit)
                .filter(u -> !u.kind().isPartner()).map(OrgUnit::id).toList();
        List<Long> invited = ceremonies.newMembers(unitIds, since, today.plusDays(1));
        long id = ceremonies.schedule(unitId, title, startsAt, place, officer.accountId(), invited);
        audit.record(officer, "membership.ceremony", "ceremony", id, unitId, title.trim(), null,
                Map.of("startsAt", startsAt, "place", place.trim(), "invited", invited.size()));
        for (Ceremonies.Invitee i : ceremonies.invitees(id)) {
            events.publishEvent(NotificationRequested.toEmployee(i.employeeId(),
                    Message.of(NoticeKind.MEMBERSHIP, "membership.ceremony-invitation", "/me/card", title.trim(),
                            unit.name(), startsAt.toLocalDate(), TIME.format(startsAt), place.trim())));
        }
        return id;
    }

    @Transactional
    public void recordAttendance(Viewer officer, long ceremonyId, List<Long> present) {
        Ceremony c = visible(officer, ceremonyId);
        Set<Long> invited = new HashSet<>();
        ceremonies.invitees(ceremonyId).forEach(i -> invited.add(i.memberId()));
        List<Long> came = present.stream().filter(invited::contains).toList();
        ceremonies.recordAttendance(ceremonyId, came);
        audit.record(officer, "membership.attendance", "ceremony", ceremonyId, c.unitId(), c.title(),
                Map.of("status", c.status()), Map.of("status", "HELD", "attended", came.size(), "invited", invited.size()));
    }
}
