package org.tongxin.activity.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.activity.internal.VenueService;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** On the home tab of officers who keep a venue: the booking requests waiting for their decision, when there are any. */
@Component
class VenueHomeCard implements HomeSection {

    private final VenueService venues;

    VenueHomeCard(VenueService venues) {
        this.venues = venues;
    }

    @Override
    public Optional<Panel> card(Viewer viewer) {
        int waiting = venues.waitingFor(viewer);
        return waiting == 0 ? Optional.empty() : Optional.of(new Panel("activity/venue-home", Map.of("waiting", waiting)));
    }

    @Override
    public int order() {
        return 35;
    }
}
