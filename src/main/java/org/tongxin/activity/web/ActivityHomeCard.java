package org.tongxin.activity.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongxin.activity.internal.Activities;
import org.tongxin.activity.internal.Registrations;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;

/** On every employee's home tab: the activities they are signed up for that have not happened yet. */
@Component
class ActivityHomeCard implements HomeSection {

    private final Registrations registrations;
    private final Activities activities;

    ActivityHomeCard(Registrations registrations, Activities activities) {
        this.registrations = registrations;
        this.activities = activities;
    }

    @Override
    public Optional<Panel> card(Viewer viewer) {
        if (viewer.employeeId() == null) {
            return Optional.empty();
        }
        long coming = registrations.ofEmployee(viewer.employeeId()).stream()
                .map(r -> activities.find(r.activityId()).orElseThrow())
                .filter(a -> !a.status().equals("CANCELLED") && a.endsAt().toInstant().isAfter(Instant.now()))
                .count();
        return Optional.of(new Panel("activity/home", Map.of("coming", coming)));
    }

    @Override
    public int order() {
        return 20;
    }
}
