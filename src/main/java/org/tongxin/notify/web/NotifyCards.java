package org.tongxin.notify.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.notify.internal.NoticeSetting;
import org.tongxin.notify.internal.NoticeSettings;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.MeSection;
import org.tongxin.shared.web.Panel;

/** On "我的": the way to one's notification settings, with the quiet hours when there are any. */
@Configuration
class NotifyCards {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Bean
    MeSection notifyMeCard(NoticeSettings settings) {
        return new MeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                NoticeSetting s = settings.of(viewer.employeeId());
                Map<String, Object> model = new HashMap<>();
                model.put("quietFrom", s.quietFrom() == null ? null : s.quietFrom().format(HH_MM));
                model.put("quietUntil", s.quietUntil() == null ? null : s.quietUntil().format(HH_MM));
                return Optional.of(new Panel("notify/me-card", model));
            }

            @Override
            public int order() {
                return 900;
            }
        };
    }
}
