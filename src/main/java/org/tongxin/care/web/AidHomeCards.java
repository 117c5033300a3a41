package org.tongxin.care.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.care.internal.AidService;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** Home-tab cards: hardship aid for every employee; the applications waiting for a reviewer's decision. */
@Configuration(proxyBeanMethods = false)
class AidHomeCards {

    @Bean
    HomeSection aidCard() {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                return viewer.employeeId() == null ? Optional.empty()
                        : Optional.of(new Panel("care/aid-home", Map.of("state", "apply")));
            }

            @Override
            public int order() {
                return 40;
            }
        };
    }

    @Bean
    HomeSection aidQueueCard(AidService aid) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (!viewer.has(Role.COMMITTEE) && viewer.careUnits().isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Panel("care/aid-home", Map.of("state", "queue", "waiting", aid.waitingFor(viewer))));
            }

            @Override
            public int order() {
                return 30;
            }
        };
    }
}
