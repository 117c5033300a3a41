package org.tongxin.benefits.web;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.benefits.internal.Birthdays;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.Vouchers;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.HomeSection;
import org.tongxin.shared.web.MeSection;
import org.tongxin.shared.web.Panel;

/**
 * The offers' cards: on the home tab for a member with offers to claim or a birthday voucher not used yet; on "我的"
 * their vouchers still usable (我的券).
 */
@Configuration
class OfferCards {

    @Bean
    HomeSection offersHomeCard(Offers offers, Birthdays birthdays) {
        return new HomeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                if (viewer.employeeId() == null) {
                    return Optional.empty();
                }
                long claimable = offers.claimable(viewer);
                Optional<Birthdays.Given> birthday = birthdays.unusedThisYear(viewer);
                if (claimable == 0 && birthday.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Panel("benefits/offers/home-card", Map.of("claimable", claimable,
                        "birthday", birthday.isPresent())));
            }

            @Override
            public int order() {
                return 48;
            }
        };
    }

    @Bean
    MeSection vouchersMeCard(Vouchers vouchers) {
        return new MeSection() {
            @Override
            public Optional<Panel> card(Viewer viewer) {
                return viewer.employeeId() == null ? Optional.empty() : Optional.of(new Panel("benefits/offers/me-card",
                        Map.of("usable", vouchers.usableCount(viewer.employeeId()))));
            }

            @Override
            public int order() {
                return 60;
            }
        };
    }
}
