package org.tongxin.activity.results;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.activity.HonourChanged;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.org.EmployeeStatus;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.files.Photos;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Page;
import org.tongxin.shared.web.Refusal;

/**
 * Honours (荣誉): officers of a body give them to people and teams of its subtree (for a partner body, the
 * subtree of the unit it sits beside), with a year, a citation and an optional photo; they may revoke one
 * their body gave, with a reason. Both are audited and the person is told.
 * <p>
 * Honours are public recognition: a unit's wall (the honours of its subtree and those it gave) is open to
 * everyone of that subtree and to its officers, names included. Revoked honours come down from every wall.
 */
@Service
public class HonourService {

    public static final String FOLDER = "honours";
    static final int WALL_PAGE = 24;
    static final int MAX_TITLE = 100;
    static final int MAX_CITATION = 1000;
    static final int MAX_REASON = 500;

    /** The give form as typed: a person by employee number or a team (a unit), never both. */
    public record GiveForm(String kind, String title, String year, String citation, String employeeNo,
                           Long teamUnitId) {
    }

    /** An honour as walls show it. {@code revocable} when the viewer manages the body that gave it. */
    public record Entry(Honour honour, String recipientName, String recipientUnitName, String awardedByName,
                        boolean revocable) {
    }

    /** A unit's wall; {@code teams} are the units an officer of it may honour (empty for others). */
    public record Wall(OrgUnit unit, Page<Entry> honours, boolean canGive, List<OrgUnit> teams) {
    }

    /** The person's own honours, and the walls of the units they belong to (their own unit first). */
    public record Mine(List<Entry> honours, List<OrgUnit> walls) {
    }

    private final Honours honours;
    private final Photos photos;
    private final OrgDirectory org;
    private final FileStore files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Reach reach;
    private final Clock clock;

    HonourService(Honours honours, Photos photos, OrgDirectory org, FileStore files, AuditTrail audit,
                  ApplicationEventPublisher events, Reach reach, Optional<Clock> clock) {
        this.honours = honours;
        this.photos = photos;
        this.org = org;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.reach = reach;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Gives an honour in the name of a body the officer manages (404 otherwise); {@code photo} may be null. */
    @Transactional
    public long give(Viewer officer, long unitId, GiveForm form, byte[] photo) {
        OrgUnit body = org.managedUnit(officer, unitId);
        if (body.isClosed()) {
            throw new Refusal("honours.error.closed");
        }
        HonourKind kind = kind(form.kind()).orElseThrow(() -> new Refusal("honours.error.kind"));
        String title = form.title() == null || form.title().isBlank() ? null : form.title().strip();
        if ((title != null && title.length() > MAX_TITLE) || (kind == HonourKind.OTHER && title == null)) {
            throw new Refusal("honours.error.title");
        }
        int year = year(form.year());
        String citation = form.citation() == null ? "" : form.citation().strip();
        if (citation.isEmpty() || citation.length() > MAX_CITATION) {
            throw new Refusal("honours.error.citation");
        }
        boolean toPerson = form.employeeNo() != null && !form.employeeNo().isBlank();
        if (toPerson == (form.teamUnitId() != null)) {
            throw new Refusal("honours.error.recipient");
        }
        if (toPerson ? !kind.forPerson() : !kind.forTeam()) {
            throw new Refusal(toPerson ? "honours.error.teamKind" : "honours.error.personKind");
        }
        long scope = Reach.of(body);
        EmployeeSummary person = toPerson ? person(form.employeeNo().strip(), scope) : null;
        OrgUnit team = toPerson ? null : org.unit(form.teamUnitId())
                .filter(u -> !u.isClosed() && u.pathIds().contains(scope))
                .orElseThrow(() -> new Refusal("honours.error.unknownTeam"));
        Photos.Prepared prepared = photo == null ? null : photos.prepare(photo);
        Photos.Stored stored = prepared == null ? null : photos.store(FOLDER, prepared);
        long recipientUnit = toPerson ? person.unitId() : team.id();
        long id = honours.insert(new Honours.NewHonour(kind, title, year, citation, body.id(),
                toPerson ? person.id() : null, toPerson ? null : team.id(), recipientUnit, stored, officer.accountId()));
        String recipient = toPerson ? person.name() : team.name();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind);
        after.put("year", year);
        after.put(toPerson ? "employee" : "team", toPerson ? person.id() : team.id());
        audit.record(officer, "honour.give", "honour", id, body.id(), recipient, null, after);
        if (toPerson) {
            String name = label(kind, title);
            events.publishEvent(NotificationRequested.toEmployee(person.id(), given(kind, title, body.name(), year)));
            events.publishEvent(new HonourChanged(id, person.id(), name, false));
        }
        return id;
    }

    /** Revokes an honour the officer's body gave (404 for any other), with a reason the person is told. */
    @Transactional
    public void revoke(Viewer officer, long honourId, String reason) {
        Honour found = honours.find(honourId).orElseThrow(() -> new NotFoundException("honour " + honourId));
        OrgUnit body = org.managedUnit(officer, found.awardedByUnitId());
        Honour h = honours.findForUpdate(honourId).orElseThrow();
        if (h.isRevoked()) {
            throw new Refusal("honours.error.revoked");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            throw new Refusal("honours.error.reason");
        }
        honours.revoke(honourId, officer.accountId(), text, OffsetDateTime.now(clock));
        audit.record(officer, "honour.revoke", "honour", honourId, body.id(), recipientName(h, new HashMap<>()),
                Map.of("status", "GIVEN"), Map.of("status", "REVOKED", "reason", text));
        if (h.employeeId() != null) {
            String name = label(h.kind(), h.title());
            events.publishEvent(NotificationRequested.toEmployee(h.employeeId(),
                    revoked(h.kind(), h.title(), body.name(), h.year(), text)));
            events.publishEvent(new HonourChanged(honourId, h.employeeId(), name, true));
        }
    }

    /** A unit's wall, for everyone of its subtree and its officers; 404 for anyone else. */
    public Wall wall(Viewer viewer, long unitId, int page) {
        OrgUnit unit = org.unit(unitId).orElseThrow(() -> new NotFoundException("unit " + unitId));
        if (!seesWall(viewer, unit)) {
            throw new OutOfScopeException("honours of unit " + unitId);
        }
        Page<Honour> rows = honours.wall(unitId, subtreeIds(unit), page, WALL_PAGE);
        boolean canGive = viewer.manages(unit.pathIds()) && !unit.isClosed();
        List<OrgUnit> teams = !canGive ? List.of() : org.unit(Reach.of(unit)).map(org::subtreeCounts).orElse(List.of())
                .stream().map(UnitCount::unit).filter(u -> !u.isClosed()).toList();
        return new Wall(unit, new Page<>(entries(viewer, rows.items()), rows.page(), rows.size(), rows.total()),
                canGive, teams);
    }

    public Mine mine(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return new Mine(List.of(), List.of());
        }
        List<OrgUnit> walls = new ArrayList<>(org.employee(viewer.employeeId()).flatMap(e -> org.unit(e.unitId()))
                .map(u -> u.pathIds().stream().flatMap(id -> org.unit(id).stream()).toList()).orElse(List.of()));
        Collections.reverse(walls);
        return new Mine(entries(viewer, honours.ofEmployee(viewer.employeeId())), walls);
    }

    /** An honour's photo for whoever sees a wall it hangs on; 404 otherwise. */
    public FileStore.Image photo(Viewer viewer, long honourId, boolean thumbnail) {
        Honour h = honours.find(honourId).filter(x -> !x.isRevoked() && x.hasPhoto())
                .orElseThrow(() -> new NotFoundException("honour photo " + honourId));
        if (!seesHonour(viewer, h)) {
            throw new OutOfScopeException("honour " + honourId);
        }
        return files.readImage(thumbnail ? h.photoThumbKey() : h.photoKey())
                .orElseThrow(() -> new NotFoundException("honour photo " + honourId));
    }

    /** How many honours hang on the unit's wall. */
    public long countOnWall(OrgUnit unit) {
        return honours.countOnWall(unit.id(), subtreeIds(unit));
    }

    public long countOf(long employeeId) {
        return honours.countOf(employeeId);
    }

    private EmployeeSummary person(String employeeNo, long scope) {
        return Optional.ofNullable(org.employeeIdsByNumber(List.of(employeeNo)).get(employeeNo))
                .flatMap(org::employee)
                .filter(e -> e.status() != EmployeeStatus.LEFT)
                .filter(e -> org.unit(e.unitId()).map(u -> u.pathIds().contains(scope)).orElse(false))
                .orElseThrow(() -> new Refusal("honours.error.unknownEmployee"));
    }

    private int year(String text) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= 1950 && year <= OffsetDateTime.now(clock).getYear()) {
                return year;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Refusal("honours.error.year");
    }

    private static Optional<HonourKind> kind(String text) {
        for (HonourKind k : HonourKind.values()) {
            if (k.name().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The notice of an honour given: named by its own title, or by its kind in the reader's language. */
    private static Message given(HonourKind kind, String title, String by, int year) {
        String link = "/honours/mine";
        if (title != null) {
            return Message.of(NoticeKind.ACTIVITY, "activity.honour-given", link, by, year, title);
        }
        return switch (kind) {
            case MODEL_WORKER -> Message.of(NoticeKind.ACTIVITY, "activity.honour-given-model-worker", link, by, year);
            case CRAFTSMAN -> Message.of(NoticeKind.ACTIVITY, "activity.honour-given-craftsman", link, by, year);
            case ADVANCED_INDIVIDUAL ->
                    Message.of(NoticeKind.ACTIVITY, "activity.honour-given-advanced-individual", link, by, year);
            case OUTSTANDING_VOLUNTEER ->
                    Message.of(NoticeKind.ACTIVITY, "activity.honour-given-outstanding-volunteer", link, by, year);
            case ADVANCED_TEAM, OTHER -> Message.of(NoticeKind.ACTIVITY, "activity.honour-given-other", link, by, year);
        };
    }

    /** The notice of an honour revoked, with the officer's reason. */
    private static Message revoked(HonourKind kind, String title, String by, int year, String reason) {
        String link = "/honours/mine";
        if (title != null) {
            return Message.of(NoticeKind.ACTIVITY, "activity.honour-revoked", link, by, year, reason, title);
        }
        return switch (kind) {
            case MODEL_WORKER ->
                    Message.of(NoticeKind.ACTIVITY, "activity.honour-revoked-model-worker", link, by, year, reason);
            case CRAFTSMAN -> Message.of(NoticeKind.ACTIVITY, "activity.honour-revoked-craftsman", link, by, year, reason);
            case ADVANCED_INDIVIDUAL ->
                    Message.of(NoticeKind.ACTIVITY, "activity.honour-revoked-advanced-individual", link, by, year, reason);
            case OUTSTANDING_VOLUNTEER -> Message.of(NoticeKind.ACTIVITY, "activity.honour-revoked-outstanding-volunteer",
                    link, by, year, reason);
            case ADVANCED_TEAM, OTHER ->
                    Message.of(NoticeKind.ACTIVITY, "activity.honour-revoked-other", link, by, year, reason);
        };
    }

    /** The honour's own name when it has one (四川省五一劳动奖章), else its kind in Chinese. */
    private static String label(HonourKind kind, String title) {
        if (title != null) {
            return title;
        }
        return switch (kind) {
            case MODEL_WORKER -> "劳动模范";
            case CRAFTSMAN -> "工匠";
            case ADVANCED_INDIVIDUAL -> "先进个人";
            case ADVANCED_TEAM -> "先进集体";
            case OUTSTANDING_VOLUNTEER -> "优秀志愿者";
            case OTHER -> "荣誉";
        };
    }

    private List<Entry> entries(Viewer viewer, List<Honour> rows) {
        Map<Long, Optional<OrgUnit>> units = new HashMap<>();
        return rows.stream().map(h -> new Entry(h, recipientName(h, units),
                h.employeeId() == null ? null : unitName(h.recipientUnitId(), units),
                unitName(h.awardedByUnitId(), units),
                unit(h.awardedByUnitId(), units).map(u -> viewer.manages(u.pathIds())).orElse(false))).toList();
    }

    private String recipientName(Honour h, Map<Long, Optional<OrgUnit>> units) {
        return h.employeeId() != null
                ? org.employee(h.employeeId()).map(EmployeeSummary::name).orElse("#" + h.employeeId())
                : unitName(h.teamUnitId(), units);
    }

    private Optional<OrgUnit> unit(long id, Map<Long, Optional<OrgUnit>> units) {
        return units.computeIfAbsent(id, org::unit);
    }

    private String unitName(long id, Map<Long, Optional<OrgUnit>> units) {
        return unit(id, units).map(OrgUnit::name).orElse("#" + id);
    }

    private List<Long> subtreeIds(OrgUnit unit) {
        return org.subtreeCounts(unit).stream().map(c -> c.unit().id()).toList();
    }

    private boolean seesWall(Viewer viewer, OrgUnit unit) {
        return viewer.manages(unit.pathIds()) || reach.pathOf(viewer).contains(Reach.of(unit));
    }

    /** Whether the honour hangs on a wall the viewer sees: one of its recipient's units and those above, or the giver's. */
    private boolean seesHonour(Viewer viewer, Honour h) {
        Optional<OrgUnit> recipientUnit = org.unit(h.recipientUnitId());
        Optional<OrgUnit> giver = org.unit(h.awardedByUnitId());
        if (recipientUnit.map(u -> viewer.manages(u.pathIds())).orElse(false)
                || giver.map(u -> viewer.manages(u.pathIds())).orElse(false)) {
            return true;
        }
        List<Long> path = reach.pathOf(viewer);
        return recipientUnit.map(u -> u.pathIds().stream().anyMatch(path::contains)).orElse(false)
                || giver.map(u -> path.contains(Reach.of(u))).orElse(false);
    }
}
