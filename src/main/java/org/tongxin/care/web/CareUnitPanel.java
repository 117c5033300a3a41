package org.tongxin.care.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.care.internal.CareRecords;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitCount;
import org.tongxin.org.UnitSection;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Panel;

/**
 * Open and overdue care cases of a unit's subtree on the unit's page, so an escalated case shows on the
 * page of the unit that missed it and of every unit above. Counts only, and only to those with the care
 * right there.
 */
@Component
class CareUnitPanel implements UnitSection {

    private final CareRecords records;
    private final OrgDirectory org;

    CareUnitPanel(CareRecords records, OrgDirectory org) {
        this.records = records;
        this.org = org;
    }

    @Override
    public Optional<Panel> panel(Viewer viewer, OrgUnit unit) {
        if (unit.kind().isPartner() || !viewer.caresFor(unit.pathIds())) {
            return Optional.empty();
        }
        List<Long> subtree = org.subtreeCounts(unit).stream().map(UnitCount::unit).map(OrgUnit::id).toList();
        return Optional.of(new Panel("care/unit-panel", Map.of("counts", records.counts(subtree, LocalDate.now()))));
    }
}
