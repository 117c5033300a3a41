package org.tongxin.membership.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.membership.internal.Applications;
import org.tongxin.membership.internal.Members;
import org.tongxin.membership.internal.UnitStats;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** Home-tab cards: join or show the card for everyone; the decision queue for officers. */
@Configuration(proxyBeanMethods = false)
class MembershipHomeCards {

    @Bean
    HomeSection membershipCard(Members members, Applications applications) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                var member = members.current(viewer.employeeId());
                if (member.isPresent()) {
                    return Optional.of(new Panel("membership/home", Map.of("state", "member",
                            "memberNo", member.get().memberNo())));
                }
                return Optional.of(applications.openOf(viewer.employeeId())
                        .map(a -> new Panel("membership/home", Map.of("state", "pending", "dueOn", a.dueOn())))
                        .orElse(new Panel("membership/home", Map.of("state", "apply"))));
            }

            @Override
            public int order() {
                return 10;
            }
        };
    }

    @Bean
    HomeSection applicationsCard(UnitStats stats, OrgDirectory org) {
        return viewer -> {
            if (!viewer.isOfficerOrAbove()) {
                return Optional.empty();
            }
            long waiting = stats.pendingIn(org.manageableUnitIds(viewer));
            return Optional.of(new Panel("membership/home", Map.of("state", "queue", "waiting", waiting)));
        };
    }
}
