package org.tongxin.training.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.Viewer;

/**
 * The union units an officer's competence and selection pages cover: the subtree of a unit they manage when one
 * is chosen (404 for any other unit), or everything they manage.
 */
@Component
public class OfficerReach {

    /** The units covered and the units the officer may choose from. */
    public record Scope(OrgUnit chosen, List<OrgUnit> units, List<OrgUnit> choices) {
    }

    private final OrgDirectory org;

    OfficerReach(OrgDirectory org) {
        this.org = org;
    }

    /** The open union units of {@code unitId}'s subtree (a unit the viewer manages), or of all they manage. */
    public Scope of(Viewer viewer, Long unitId) {
        List<OrgUnit> managed = org.manageableUnits(viewer);
        if (unitId == null) {
            return new Scope(null, managed, managed);
        }
        OrgUnit root = org.managedUnit(viewer, unitId);
        List<OrgUnit> within = managed.stream().filter(root::contains).toList();
        return new Scope(root, within, managed);
    }

    /** The topmost of the units: those whose parent is not among them. */
    public static List<OrgUnit> tops(List<OrgUnit> units) {
        Set<Long> ids = units.stream().map(OrgUnit::id).collect(Collectors.toSet());
        return units.stream().filter(u -> u.parentId() == null || !ids.contains(u.parentId())).toList();
    }
}
