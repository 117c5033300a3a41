package org.tongxin.benefits.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/**
 * The benefits cards on the home tab: near the top "节日福利：请选择礼包" with each round and its closing time while a
 * round the member is in can be picked in (they hold nothing yet, or may still change); otherwise, lower down, a
 * small 普惠福利 entry.
 */
@Configuration
class BenefitsCards {

    private static List<Held> pickable(Welfare welfare, Viewer viewer) {
        var now = welfare.now();
        return welfare.mine(viewer).stream().filter(v -> v.round().pickable(now)).map(Held::of).toList();
    }

    @Bean
    HomeSection welfarePickCard(Welfare welfare) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                List<Held> open = pickable(welfare, viewer);
                return open.isEmpty() ? Optional.empty()
                        : Optional.of(new Panel("benefits/home-card", Map.of("pickable", open)));
            }

            @Override
            public int order() {
                return 12;
            }
        };
    }

    @Bean
    HomeSection benefitsEntryCard(Welfare welfare) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null || !pickable(welfare, viewer).isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Panel("benefits/home-card", Map.of("pickable", List.of())));
            }

            @Override
            public int order() {
                return 48;
            }
        };
    }
}
