package org.tongxin.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;

/** A grassroots union with members (and one employee who is not a member) and its chair, for the benefits tests. */
record OfferPeople(Fixtures.UnitWithDepartment unit, Viewer chair, List<Viewer> members, Viewer outsider,
                   List<OrgSetup.HrRow> rows) {

    static OfferPeople of(Fixtures fixtures, OrgSetup orgSetup, MembershipSetup membership, String name, int count) {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots(name);
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < count + 2; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), name + ".csv", rows);
        long chairId = fixtures.employeeId(rows.get(0).employeeNo());
        Viewer chair = new Viewer(fixtures.accountId(chairId), chairId, "chair-" + unit.unit().id(),
                java.util.Set.of(org.tongxin.shared.security.Role.EMPLOYEE, org.tongxin.shared.security.Role.OFFICER),
                java.util.Set.of(unit.unit().id()), java.util.Set.of(), false);
        List<Viewer> members = new ArrayList<>();
        for (OrgSetup.HrRow r : rows.subList(1, count + 1)) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unit.unit().id(), LocalDate.now().minusYears(1));
            members.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long outsiderId = fixtures.employeeId(rows.get(count + 1).employeeNo());
        return new OfferPeople(unit, chair, members, Fixtures.employee(fixtures.accountId(outsiderId), outsiderId),
                rows);
    }

    long unitId() {
        return unit.unit().id();
    }
}
