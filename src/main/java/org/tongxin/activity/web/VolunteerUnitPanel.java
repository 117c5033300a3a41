package org.tongxin.activity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.activity.internal.VolunteerService;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitSection;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Panel;

/**
 * This year's volunteering of a body on its unit page: hours, volunteers and shifts of the projects it hosts,
 * and of its whole subtree. Aggregates only; nobody is ranked. Hidden while there is nothing to show.
 */
@Component
class VolunteerUnitPanel implements UnitSection {

    private final VolunteerService service;
    private final OrgDirectory org;

    VolunteerUnitPanel(VolunteerService service, OrgDirectory org) {
        this.service = service;
        this.org = org;
    }

    @Override
    public Optional<Panel> panel(Viewer viewer, OrgUnit unit) {
        if (!viewer.manages(unit.pathIds())) {
            return Optional.empty();
        }
        List<Long> subtree = org.subtreeCounts(unit).stream().map(UnitCount::unit).map(OrgUnit::id).toList();
        VolunteerService.UnitTotals totals = service.unitTotals(unit, subtree, LocalDate.now().getYear());
        if (totals.subtree().shifts() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Panel("volunteering/unit-panel", Map.of("totals", totals)));
    }
}
