package org.tongxin.org.internal;

import org.springframework.stereotype.Component;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;

/** Loads units and employees only when they lie in the viewer's subtree; otherwise answers 404. */
@Component
public class UnitScope {

    private final OrgUnits units;
    private final Employees employees;

    UnitScope(OrgUnits units, Employees employees) {
        this.units = units;
        this.employees = employees;
    }

    public OrgUnit unit(Viewer viewer, long id) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("unit " + id));
        if (!viewer.manages(unit.pathIds())) {
            throw new OutOfScopeException("unit " + id);
        }
        return unit;
    }

    /** The unit when the viewer may read its people's care records (see {@link Viewer#caresFor}); otherwise 404. */
    public OrgUnit caredUnit(Viewer viewer, long id) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("unit " + id));
        if (!viewer.caresFor(unit.pathIds())) {
            throw new OutOfScopeException("care of unit " + id);
        }
        return unit;
    }

    public EmployeeRecord employee(Viewer viewer, long id) {
        EmployeeRecord e = employees.find(id).orElseThrow(() -> new NotFoundException("employee " + id));
        OrgUnit unit = units.find(e.unitId()).orElseThrow();
        if (!viewer.manages(unit.pathIds())) {
            throw new OutOfScopeException("employee " + id);
        }
        return e;
    }
}
