package org.tongxin.org.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.Department;
import org.tongxin.org.EmployeesMoved;
import org.tongxin.org.UnitMoved;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Officer changes to the tree: add a sub-unit, rename, move a subtree, close. Each checks the scope
 * and the rules of the tree, and is written to the audit trail in the same transaction.
 */
@Service
public class TreeChanges {

    /** A change the tree's rules forbid; carries an i18n key for the flash message. */
    public static class RejectedChange extends Refusal {

        public RejectedChange(String messageKey) {
            super(messageKey);
        }
    }

    private final OrgUnits units;
    private final Employees employees;
    private final Departments departments;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    TreeChanges(OrgUnits units, Employees employees, Departments departments, UnitScope scope, AuditTrail audit,
                ApplicationEventPublisher events) {
        this.units = units;
        this.employees = employees;
        this.departments = departments;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public OrgUnit addChild(Viewer viewer, long parentId, String name, UnitKind kind) {
        units.lockTree();
        OrgUnit parent = scope.unit(viewer, parentId);
        requireName(name);
        if (parent.isClosed()) {
            throw new RejectedChange("unit.error.closed");
        }
        OrgUnit child;
        if (kind.isPartner()) {
            if (parent.kind().isPartner()) {
                throw new RejectedChange("unit.error.kindOrder");
            }
            child = units.create(null, parent, name, kind);
        } else {
            if (parent.kind().isPartner() || kind.ordinal() <= parent.kind().ordinal()) {
                throw new RejectedChange("unit.error.kindOrder");
            }
            child = units.create(parent, null, name, kind);
        }
        audit.record(viewer, "unit.create", "unit", child.id(), parent.id(), child.name(), null,
                Map.of("name", child.name(), "kind", kind, "parent", parent.name()));
        return child;
    }

    /** A new top of a tree (the company union, or a second enterprise's); committee and admin only. */
    @Transactional
    public OrgUnit addRoot(Viewer viewer, String name, UnitKind kind) {
        if (!viewer.seesWholeTree()) {
            throw new OutOfScopeException("tree root");
        }
        requireName(name);
        if (kind.isPartner()) {
            throw new RejectedChange("unit.error.kindOrder");
        }
        units.lockTree();
        OrgUnit root = units.create(null, null, name, kind);
        audit.record(viewer, "unit.create", "unit", root.id(), root.id(), root.name(), null,
                Map.of("name", root.name(), "kind", kind));
        return root;
    }

    /** A department of the enterprise placed under a unit, so HR rows with its code land there. */
    @Transactional
    public void addDepartment(Viewer viewer, long unitId, String code, String name) {
        OrgUnit unit = scope.unit(viewer, unitId);
        if (unit.isClosed() || unit.kind().isPartner()) {
            throw new RejectedChange("unit.error.departmentUnit");
        }
        if (code == null || !code.trim().matches("[A-Za-z0-9_-]{1,32}") || name == null || name.isBlank()
                || name.trim().length() > 100) {
            throw new RejectedChange("unit.error.department");
        }
        if (departments.byCode(code.trim()).isPresent()) {
            throw new RejectedChange("unit.error.departmentTaken");
        }
        Department d = departments.create(code.trim(), name.trim(), unitId);
        audit.record(viewer, "department.create", "department", d.id(), unitId, d.code() + " " + d.name(), null,
                Map.of("code", d.code(), "name", d.name(), "unit", unit.name()));
    }

    /**
     * Puts a department under another union unit (a restructuring): its people now belong there, the
     * employee counts of both units are recounted, and memberships follow through {@link EmployeesMoved}.
     */
    @Transactional
    public void moveDepartment(Viewer viewer, long departmentId, long toUnitId) {
        Department d = departments.find(departmentId).orElseThrow(() -> new NotFoundException("department " + departmentId));
        OrgUnit from = scope.unit(viewer, d.unitId());
        OrgUnit to = scope.unit(viewer, toUnitId);
        if (to.isClosed() || to.kind().isPartner() || to.id() == from.id()) {
            throw new RejectedChange("unit.error.departmentUnit");
        }
        departments.moveTo(departmentId, toUnitId);
        units.recountEmployees(List.of(from.id(), to.id()));
        List<EmployeesMoved.Move> moves = departments.currentEmployees(departmentId).stream()
                .map(e -> new EmployeesMoved.Move(e, from.id(), to.id())).toList();
        if (!moves.isEmpty()) {
            events.publishEvent(new EmployeesMoved(moves));
        }
        audit.record(viewer, "department.move", "department", departmentId, from.id(), d.code() + " " + d.name(),
                Map.of("unit", from.name()), Map.of("unit", to.name(), "employees", moves.size()));
    }

    @Transactional
    public void rename(Viewer viewer, long id, String name) {
        OrgUnit unit = scope.unit(viewer, id);
        requireName(name);
        units.rename(id, name);
        audit.record(viewer, "unit.rename", "unit", id, id, name.trim(), Map.of("name", unit.name()),
                Map.of("name", name.trim()));
    }

    @Transactional
    public void move(Viewer viewer, long id, long newParentId) {
        units.lockTree();
        OrgUnit unit = scope.unit(viewer, id);
        OrgUnit newParent = scope.unit(viewer, newParentId);
        if (unit.parentId() == null || !viewer.manages(parentPath(unit))) {
            // Moving one's own top unit would move it out of one's own scope.
            throw new RejectedChange("unit.error.moveRoot");
        }
        if (unit.contains(newParent)) {
            throw new RejectedChange("unit.error.moveIntoItself");
        }
        if (newParent.isClosed() || newParent.kind().isPartner() || unit.kind().isPartner()) {
            throw new RejectedChange("unit.error.moveTarget");
        }
        if (unit.kind().ordinal() <= newParent.kind().ordinal()) {
            throw new RejectedChange("unit.error.kindOrder");
        }
        OrgUnit oldParent = units.find(unit.parentId()).orElseThrow();
        units.move(unit, newParent);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("parent", oldParent.name());
        audit.record(viewer, "unit.move", "unit", id, id, unit.name(), before, Map.of("parent", newParent.name()));
        events.publishEvent(new UnitMoved(id, oldParent.id(), newParent.id()));
    }

    @Transactional
    public void close(Viewer viewer, long id) {
        OrgUnit unit = scope.unit(viewer, id);
        if (unit.isClosed()) {
            return;
        }
        if (viewer.officerUnits().contains(id) && !viewer.seesWholeTree()) {
            throw new RejectedChange("unit.error.closeOwn");
        }
        boolean hasOpenUnitsBelow = units.subtree(unit).stream().anyMatch(u -> u.id() != id && !u.isClosed());
        if (hasOpenUnitsBelow) {
            throw new RejectedChange("unit.error.closeChildren");
        }
        if (employees.countCurrentInSubtree(unit) > 0) {
            throw new RejectedChange("unit.error.closeEmployees");
        }
        units.close(id);
        audit.record(viewer, "unit.close", "unit", id, id, unit.name(), Map.of("status", "open"),
                Map.of("status", "closed"));
    }

    private List<Long> parentPath(OrgUnit unit) {
        List<Long> ids = unit.pathIds();
        return ids.subList(0, ids.size() - 1);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw new RejectedChange("unit.error.name");
        }
    }
}
