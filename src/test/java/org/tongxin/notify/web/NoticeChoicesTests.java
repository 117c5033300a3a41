package org.tongxin.notify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.internal.ChannelName;
import org.tongxin.shared.web.Refusal;

/** The settings page with channels that are not configured (every channel is, in the test profile). */
class NoticeChoicesTests {

    private static final Set<ChannelName> DEFAULTS = EnumSet.of(ChannelName.WECOM, ChannelName.DINGTALK,
            ChannelName.EMAIL);
    /** Only 企业微信 and SMS set up. */
    private static final Set<ChannelName> ENABLED = EnumSet.of(ChannelName.WECOM, ChannelName.SMS);

    @Test
    void onlyConfiguredChannelsAreTickedTheDefaultsForKindsNeverChosen() {
        Set<String> ticked = NoticeSettingsController.ticked(
                Map.of(NoticeKind.LIBRARY, EnumSet.of(ChannelName.SMS, ChannelName.DINGTALK)), DEFAULTS, ENABLED);
        assertThat(ticked).contains("ACTIVITY.WECOM", "LIBRARY.SMS")
                .doesNotContain("ACTIVITY.DINGTALK", "ACTIVITY.EMAIL", "LIBRARY.WECOM", "LIBRARY.DINGTALK");
        assertThat(ticked).hasSize(NoticeKind.values().length);
    }

    @Test
    void savingKeepsWhatThePersonHadOnChannelsThatAreOffAndTakesTheTicksForTheOthers() {
        Map<NoticeKind, Set<ChannelName>> saved = NoticeSettingsController.choices(
                Map.of(NoticeKind.LIBRARY, EnumSet.of(ChannelName.SMS, ChannelName.EMAIL)), DEFAULTS, ENABLED,
                Set.of("ACTIVITY.SMS"));
        assertThat(saved.get(NoticeKind.LIBRARY)).as("email kept, SMS unticked")
                .containsExactly(ChannelName.EMAIL);
        assertThat(saved.get(NoticeKind.ACTIVITY)).as("defaults kept for the channels that are off")
                .containsExactlyInAnyOrder(ChannelName.DINGTALK, ChannelName.EMAIL, ChannelName.SMS);
        assertThat(saved).hasSize(NoticeKind.values().length);
    }

    @Test
    void aTickOnAChannelThatIsOffOrNotAChannelIsRefused() {
        for (String tick : Set.of("ACTIVITY.EMAIL", "ACTIVITY.FAX", "PARTY.WECOM", "ACTIVITY", ".WECOM")) {
            assertThatThrownBy(() -> NoticeSettingsController.choices(Map.of(), DEFAULTS, ENABLED, Set.of(tick)))
                    .as(tick).isInstanceOf(Refusal.class).hasMessage("notify.page.error.choice");
        }
    }
}
