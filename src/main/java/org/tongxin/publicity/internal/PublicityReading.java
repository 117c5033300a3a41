package org.tongxin.publicity.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/**
 * Who may open an item and what a visit counts. A published public item is open to anyone, logged in or not; an
 * internal one to anyone logged in; a withdrawn one shows only that it was withdrawn. Items not yet published are
 * previews for the officers of their unit and its reviewers — to everyone else they do not exist. A read is counted
 * once per reader: a logged-in employee as themselves (with their union unit, for reach by unit), anyone else by
 * the random id of a cookie.
 */
@Service
public class PublicityReading {

    /** How the viewer may see the item. */
    public enum Access { READ, PREVIEW, LOGIN_FIRST, WITHDRAWN }

    public record Opened(Items.Item item, Access access) {

        /** Whether its pictures, cover and video may be served to this viewer. */
        public boolean mediaAllowed() {
            return access == Access.READ || access == Access.PREVIEW;
        }
    }

    /** Of the people of a subtree, who has and who has not read an internal notice (ids of employees). */
    public record Reach(List<Long> read, List<Long> notRead) {
    }

    private final Items items;
    private final PublicityService publicity;
    private final Readership readership;
    private final OrgDirectory org;

    PublicityReading(Items items, PublicityService publicity, Readership readership, OrgDirectory org) {
        this.items = items;
        this.publicity = publicity;
        this.readership = readership;
        this.org = org;
    }

    /** The item as {@code viewer} (null when not logged in) may see it; 404 when they may not know of it. */
    public Opened open(Viewer viewer, long id) {
        Items.Item item = items.find(id).orElseThrow(() -> new NotFoundException("item " + id));
        return new Opened(item, access(viewer, item));
    }

    private Access access(Viewer viewer, Items.Item item) {
        switch (item.status()) {
            case "PUBLISHED" -> {
                return item.internal() && viewer == null ? Access.LOGIN_FIRST : Access.READ;
            }
            case "WITHDRAWN" -> {
                return Access.WITHDRAWN;
            }
            default -> {
                if (viewer != null && (mayEdit(viewer, item.unitId()) || publicity.mayReview(viewer, item.unitId()))) {
                    return Access.PREVIEW;
                }
                throw new NotFoundException("item " + item.id());
            }
        }
    }

    private boolean mayEdit(Viewer viewer, long unitId) {
        return org.unit(unitId).map(u -> viewer.manages(u.pathIds())).orElse(false);
    }

    /**
     * Counts a read of a published item: by the employee when the viewer is one, else by {@code cookieReader}
     * (null: not counted). Returns whether it was this reader's first.
     */
    public boolean countRead(Opened opened, Viewer viewer, String cookieReader) {
        if (opened.access() != Access.READ) {
            return false;
        }
        if (viewer != null && viewer.employeeId() != null) {
            Long unit = org.unitIdsOf(List.of(viewer.employeeId())).get(viewer.employeeId());
            return readership.read(opened.item().id(), "e:" + viewer.employeeId(), viewer.employeeId(), unit);
        }
        if (cookieReader == null || cookieReader.isBlank() || cookieReader.length() > 60) {
            return false;
        }
        return readership.read(opened.item().id(), "c:" + cookieReader, null, null);
    }

    /**
     * Of the people of {@code unitId}'s subtree (a unit the officer manages), who has read an internal notice and
     * who has not yet. Only for internal items: for public ones officers see counts, never names.
     */
    public Reach internalReach(Viewer officer, long itemId, long unitId) {
        Items.Item item = publicity.managed(officer, itemId);
        OrgUnit unit = org.managedUnit(officer, unitId);
        if (!item.internal()) {
            throw new NotFoundException("reach of a public item by name");
        }
        List<Long> people = org.activeEmployeesInSubtree(unit.id());
        Set<Long> read = new HashSet<>(readership.readersAmong(itemId, people));
        List<Long> yes = new ArrayList<>();
        List<Long> no = new ArrayList<>();
        for (Long p : people) {
            (read.contains(p) ? yes : no).add(p);
        }
        return new Reach(yes, no);
    }

    /** Readers by union unit, as counts. */
    public Map<Long, Long> readersByUnit(long itemId) {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (Readership.UnitReaders r : readership.byUnit(itemId)) {
            out.put(r.unitId(), r.readers());
        }
        return out;
    }
}
