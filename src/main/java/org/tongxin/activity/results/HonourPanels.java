package org.tongxin.activity.results;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitSection;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/**
 * Where results and honours show outside their own pages: a home-tab card leading to the activity results
 * and to "我的荣誉" (identity must not know about honours, so the person's own list is a page of its own),
 * and the honours wall on a unit's page.
 */
@Configuration(proxyBeanMethods = false)
class HonourPanels {

    @Bean
    HomeSection honoursCard(HonourService honours) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                return viewer.employeeId() == null ? Optional.empty()
                        : Optional.of(new Panel("activity/honours-panels",
                        Map.of("place", "home", "count", honours.countOf(viewer.employeeId()))));
            }

            @Override
            public int order() {
                return 60;
            }
        };
    }

    @Bean
    UnitSection honoursWallSection(HonourService honours) {
        return (Viewer viewer, OrgUnit unit) -> Optional.of(new Panel("activity/honours-panels",
                Map.of("place", "unit", "unitId", unit.id(), "count", honours.countOnWall(unit))));
    }
}
