package org.tongxin.rights.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.rights.internal.LegalAid;
import org.tongxin.rights.internal.Letters;
import org.tongxin.rights.internal.Mediations;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/**
 * On the home tab of the company level (the committee and the root's officers): the mediation cases open and past
 * their limit, legal-aid requests waiting to be booked, letters to the chair waiting and overdue — each a link to its
 * desk.
 */
@Configuration
class RightsDeskCard {

    @Bean
    HomeSection rightsDeskHomeCard(Mediations mediations, LegalAid aid, Letters letters) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (!mediations.acts(viewer)) {
                    return Optional.empty();
                }
                return Optional.of(new Panel("rights/desk-card", Map.of("mediation", mediations.counts(viewer),
                        "aidWaiting", aid.waiting(viewer), "letters", letters.counts(viewer))));
            }

            @Override
            public int order() {
                return 43;
            }
        };
    }
}
