package org.tongxin.activity.results;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitSection;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.Panel;

/**
 * "活动成果" on a unit's page (its officers'): the latest summaries of activities the unit hosted or
 * co-hosted, so a co-host sees the shared results beside its own, and the ended activities it leads that
 * still wait for their summary.
 */
@Component
class ResultsUnitPanel implements UnitSection {

    private final ResultsService results;

    ResultsUnitPanel(ResultsService results) {
        this.results = results;
    }

    @Override
    public Optional<Panel> panel(Viewer viewer, OrgUnit unit) {
        return Optional.of(new Panel("activity/results-panel",
                Map.of("latest", results.hostedBy(unit.id()), "awaiting", results.awaiting(unit.id()))));
    }
}
