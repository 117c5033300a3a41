package org.tongxin.rights.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.MeSection;
import org.tongxin.shared.web.Panel;

/**
 * The rights cards: on the home tab "职工维权" for every employee (how many of one's appeals are still open), and for
 * officers the appeals their units hold now with the overdue ones; on "我的" one's appeals.
 */
@Configuration
class RightsCards {

    private static final List<Appeal.Status> OPEN = List.of(Appeal.Status.SUBMITTED, Appeal.Status.ACCEPTED,
            Appeal.Status.REPLIED);

    @Bean
    HomeSection rightsHomeCard(Appeals appeals) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                long open = appeals.mine(viewer).stream().filter(r -> OPEN.contains(r.appeal().status())).count();
                return Optional.of(new Panel("rights/home-card", Map.of("open", open)));
            }

            @Override
            public int order() {
                return 45;
            }
        };
    }

    @Bean
    HomeSection rightsOfficerCard(Appeals appeals) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (!viewer.isOfficerOrAbove()) {
                    return Optional.empty();
                }
                List<Appeal> held = appeals.held(viewer);
                if (held.isEmpty()) {
                    return Optional.empty();
                }
                LocalDate today = appeals.today();
                return Optional.of(new Panel("rights/officer-card", Map.of("held", held.size(),
                        "overdue", held.stream().filter(a -> a.overdue(today)).count())));
            }

            @Override
            public int order() {
                return 46;
            }
        };
    }

    @Bean
    MeSection rightsMeCard(Appeals appeals) {
        return viewer -> viewer.employeeId() == null ? Optional.empty()
                : Optional.of(new Panel("rights/me-card", Map.of("appeals", appeals.mine(viewer).size())));
    }
}
