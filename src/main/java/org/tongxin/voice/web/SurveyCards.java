package org.tongxin.voice.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.Panel;
import org.tongxin.voice.internal.Surveys;
import org.tongxin.voice.internal.Surveys.Survey;

/** The surveys card on the home tab: open surveys of one's audience not answered yet, the first one linked. */
@Configuration
class SurveyCards {

    @Bean
    HomeSection surveyHomeCard(Surveys surveys) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                List<Survey> open = surveys.openFor(viewer);
                if (open.isEmpty()) {
                    return Optional.empty();
                }
                Set<Long> done = surveys.respondedAmong(viewer, open.stream().map(Survey::id).toList());
                List<Survey> waiting = open.stream().filter(s -> !done.contains(s.id())).toList();
                if (waiting.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Panel("voice/survey-card", Map.of("waiting", waiting.size(),
                        "first", waiting.getFirst())));
            }

            @Override
            public int order() {
                return 42;
            }
        };
    }
}
