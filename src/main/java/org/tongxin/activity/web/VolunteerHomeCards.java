package org.tongxin.activity.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.activity.internal.VolunteerService;
import org.tongxin.activity.internal.Volunteering;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** Home-tab cards: my volunteer hours this year; for officers, shifts whose hours wait for them. */
@Configuration(proxyBeanMethods = false)
class VolunteerHomeCards {

    @Bean
    HomeSection volunteeringCard(Volunteering volunteering) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                int year = LocalDate.now().getYear();
                return Optional.of(new Panel("volunteering/home", Map.of("state", "mine", "year", year,
                        "totals", volunteering.yearTotals(viewer.employeeId(), year))));
            }

            @Override
            public int order() {
                return 45;
            }
        };
    }

    @Bean
    HomeSection volunteerQueueCard(VolunteerService service) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (!viewer.isOfficerOrAbove()) {
                    return Optional.empty();
                }
                VolunteerService.Queue queue = service.queue(viewer);
                return queue.isEmpty() ? Optional.empty()
                        : Optional.of(new Panel("volunteering/home", Map.of("state", "queue", "queue", queue)));
            }

            @Override
            public int order() {
                return 35;
            }
        };
    }
}
