package org.tongxin.benefits.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.benefits.internal.DuesService;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.MeSection;
import org.tongxin.shared.web.Panel;

/** "我的会费" on the me tab for members and anyone with dues on record: this year's paid total and anything owed. */
@Configuration
class DuesCards {

    @Bean
    MeSection duesMeCard(DuesService dues) {
        return new MeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                DuesService.Account account = dues.mine(viewer, dues.thisMonth().getYear());
                if (!account.member() && account.entries().isEmpty() && !account.owes()) {
                    return Optional.empty();
                }
                Map<String, Object> model = new HashMap<>();
                model.put("paid", account.paid());
                model.put("owedMonths", account.owes() ? account.owed().months().size() : 0);
                model.put("owedSum", account.owes() ? account.owed().sum() : null);
                return Optional.of(new Panel("benefits/dues/me-card", model));
            }

            @Override
            public int order() {
                return 60;
            }
        };
    }
}
