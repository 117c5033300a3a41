package org.tongxin.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.UnitOfficers;
import org.tongxin.shared.security.Role;

/** Lists a unit's officers for the unit page from the grants held here. */
@Component
class OfficerDirectory implements UnitOfficers {

    private final Accounts accounts;
    private final OrgDirectory org;

    OfficerDirectory(Accounts accounts, OrgDirectory org) {
        this.accounts = accounts;
        this.org = org;
    }

    @Override
    public List<Officer> officersOf(long unitId) {
        List<Officer> officers = new ArrayList<>();
        List<Grant> grants = accounts.officerGrantsOfUnit(unitId);
        Set<Long> carers = grants.stream().filter(g -> g.role() == Role.CARE).map(Grant::accountId)
                .collect(Collectors.toSet());
        for (Grant g : grants) {
            if (g.role() != Role.OFFICER) {
                continue;
            }
            accounts.find(g.accountId()).map(Account::employeeId).flatMap(org::employee)
                    .ifPresent(e -> officers.add(new Officer(e.id(), e.name(), e.employeeNo(), g.post(),
                            carers.contains(g.accountId()))));
        }
        return officers;
    }
}
