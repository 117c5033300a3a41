package org.tongxin.voice.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.MeSection;
import org.tongxin.shared.web.Panel;
import org.tongxin.voice.internal.Points;
import org.tongxin.voice.internal.SuggestionScheme;
import org.tongxin.voice.internal.VoiceQueries;

/**
 * The voice cards: on the home tab "职工之声" (one's suggestions still moving, points, an evaluation waiting for
 * one's ballot) and, for officers, the suggestions their units hold with the overdue ones; on "我的" the points
 * balance and one's suggestions.
 */
@Configuration
class VoiceCards {

    @Bean
    HomeSection voiceHomeCard(SuggestionScheme scheme, Points points, VoicePages pages) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                Map<String, Object> model = new HashMap<>();
                model.put("moving", scheme.mine(viewer.employeeId()).stream().filter(VoicePages::open).count());
                model.put("balance", points.balance(viewer.employeeId()));
                model.put("toEvaluate", pages.openRounds(viewer).stream()
                        .filter(r -> r.voted() < r.officers()).findFirst().orElse(null));
                return Optional.of(new Panel("voice/home-card", model));
            }

            @Override
            public int order() {
                return 40;
            }
        };
    }

    @Bean
    HomeSection voiceQueueCard(VoiceQueries queries) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (!viewer.isOfficerOrAbove()) {
                    return Optional.empty();
                }
                List<SuggestionScheme.Suggestion> held = queries.held(viewer, SuggestionAdminController.QUEUE);
                if (held.isEmpty()) {
                    return Optional.empty();
                }
                LocalDate today = queries.today();
                return Optional.of(new Panel("voice/officer-card", Map.of("held", held.size(),
                        "overdue", held.stream().filter(x -> x.overdue(today)).count())));
            }

            @Override
            public int order() {
                return 41;
            }
        };
    }

    @Bean
    MeSection voiceMeCard(SuggestionScheme scheme, Points points) {
        return viewer -> viewer.employeeId() == null ? Optional.empty()
                : Optional.of(new Panel("voice/me-card", Map.of("balance", points.balance(viewer.employeeId()),
                        "suggestions", scheme.mine(viewer.employeeId()).size())));
    }
}
