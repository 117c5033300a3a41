package org.tongxin.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.notify.internal.ChannelName.DINGTALK;
import static org.tongxin.notify.internal.ChannelName.EMAIL;
import static org.tongxin.notify.internal.ChannelName.SMS;
import static org.tongxin.notify.internal.ChannelName.WECOM;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTests {

    static final List<ChannelName> DEFAULTS = List.of(WECOM, DINGTALK, EMAIL);
    static final Set<ChannelName> ALL = EnumSet.allOf(ChannelName.class);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static NoticeSetting setting(String email, String quietFrom, String quietUntil, boolean digest, String digestAt) {
        return new NoticeSetting(email, quietFrom == null ? null : LocalTime.parse(quietFrom),
                quietUntil == null ? null : LocalTime.parse(quietUntil), digest, LocalTime.parse(digestAt));
    }

    static ZonedDateTime at(String time) {
        return ZonedDateTime.of(2026, 11, 27, 0, 0, 0, 0, SHANGHAI).with(LocalTime.parse(time));
    }

    @Test
    void withoutAChoiceTheDefaultsThatAreConfiguredAndReachThePersonAreUsed() {
        assertThat(DeliveryPolicy.channels(false, null, DEFAULTS, ALL, NoticeSetting.NONE))
                .containsExactlyInAnyOrder(WECOM, DINGTALK);
        assertThat(DeliveryPolicy.channels(false, null, DEFAULTS, EnumSet.of(WECOM, SMS),
                setting("a@b.cn", null, null, false, "18:00"))).containsExactly(WECOM);
        assertThat(DeliveryPolicy.channels(false, null, DEFAULTS, ALL, setting("a@b.cn", null, null, false, "18:00")))
                .containsExactlyInAnyOrder(WECOM, DINGTALK, EMAIL);
    }

    @Test
    void aChoiceReplacesTheDefaultsAndAnEmptyChoiceMeansTheInboxOnly() {
        assertThat(DeliveryPolicy.channels(false, EnumSet.of(SMS), DEFAULTS, ALL, NoticeSetting.NONE))
                .containsExactly(SMS);
        assertThat(DeliveryPolicy.channels(false, EnumSet.noneOf(ChannelName.class), DEFAULTS, ALL,
                NoticeSetting.NONE)).isEmpty();
        assertThat(DeliveryPolicy.channels(false, EnumSet.of(EMAIL), DEFAULTS, ALL, NoticeSetting.NONE))
                .as("email chosen but no address").isEmpty();
    }

    @Test
    void anUrgentNoticeTheChoicesWouldNotSendGoesOutOnTheDefaultsOrAnyChannelThatReaches() {
        assertThat(DeliveryPolicy.channels(true, EnumSet.noneOf(ChannelName.class), DEFAULTS, ALL,
                NoticeSetting.NONE)).containsExactlyInAnyOrder(WECOM, DINGTALK);
        assertThat(DeliveryPolicy.channels(true, EnumSet.of(SMS), DEFAULTS, ALL, NoticeSetting.NONE))
                .as("a choice that reaches stands").containsExactly(SMS);
        assertThat(DeliveryPolicy.channels(true, EnumSet.noneOf(ChannelName.class), DEFAULTS, EnumSet.of(SMS),
                NoticeSetting.NONE)).as("only SMS is configured").containsExactly(SMS);
        assertThat(DeliveryPolicy.channels(true, null, DEFAULTS, EnumSet.noneOf(ChannelName.class),
                NoticeSetting.NONE)).as("nothing configured: the inbox only").isEmpty();
    }

    @Test
    void quietHoursRunPastMidnightAndHoldUntilTheyEnd() {
        NoticeSetting night = setting(null, "22:00", "07:00", false, "18:00");
        assertThat(DeliveryPolicy.timing(false, night, at("21:59")).notBefore()).isEqualTo(at("21:59"));
        assertThat(DeliveryPolicy.timing(false, night, at("22:00")).notBefore()).isEqualTo(at("07:00").plusDays(1));
        assertThat(DeliveryPolicy.timing(false, night, at("23:30")).notBefore()).isEqualTo(at("07:00").plusDays(1));
        assertThat(DeliveryPolicy.timing(false, night, at("03:10")).notBefore()).isEqualTo(at("07:00"));
        assertThat(DeliveryPolicy.timing(false, night, at("07:00")).notBefore()).isEqualTo(at("07:00"));
        assertThat(DeliveryPolicy.timing(false, night, at("03:10")).held()).isFalse();

        NoticeSetting lunch = setting(null, "12:00", "13:30", false, "18:00");
        assertThat(DeliveryPolicy.timing(false, lunch, at("12:45")).notBefore()).isEqualTo(at("13:30"));
        assertThat(DeliveryPolicy.timing(false, lunch, at("13:30")).notBefore()).isEqualTo(at("13:30"));
        assertThat(DeliveryPolicy.timing(false, lunch, at("11:59")).notBefore()).isEqualTo(at("11:59"));
    }

    @Test
    void urgentNoticesIgnoreQuietHoursAndDigests() {
        NoticeSetting both = setting(null, "22:00", "07:00", true, "18:00");
        DeliveryPolicy.Timing t = DeliveryPolicy.timing(true, both, at("23:30"));
        assertThat(t.held()).isFalse();
        assertThat(t.notBefore()).isEqualTo(at("23:30"));
    }

    @Test
    void withTheDigestOnNoticesAreHeldForTheNextDigestTime() {
        NoticeSetting digest = setting(null, null, null, true, "18:00");
        assertThat(DeliveryPolicy.timing(false, digest, at("09:15")))
                .isEqualTo(new DeliveryPolicy.Timing(true, at("18:00")));
        assertThat(DeliveryPolicy.timing(false, digest, at("18:00")))
                .isEqualTo(new DeliveryPolicy.Timing(true, at("18:00").plusDays(1)));
        assertThat(DeliveryPolicy.timing(false, digest, at("20:00")))
                .isEqualTo(new DeliveryPolicy.Timing(true, at("18:00").plusDays(1)));
    }
}
