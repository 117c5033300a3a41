package org.tongxin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.notify.internal.ChannelName;
import org.tongxin.notify.internal.NoticeSetting;
import org.tongxin.notify.internal.NoticeSettings;
import org.tongxin.support.IntegrationTestSupport;

/** The demo's notification settings, as the demo log-ins find them on their settings page. */
class NotifyDemoTests extends IntegrationTestSupport {

    @Autowired
    NoticeSettings settings;

    @Test
    void theDemoEmployeeKeepsQuietHoursWithActivitiesAndLibraryOnWeComAndTheOfficerADigestAtSix() {
        long employee = fixtures.employeeId("100090");
        NoticeSetting own = settings.of(employee);
        assertThat(own.quietFrom()).isEqualTo(LocalTime.of(22, 0));
        assertThat(own.quietUntil()).isEqualTo(LocalTime.of(7, 0));
        assertThat(own.digest()).isFalse();
        Map<NoticeKind, Set<ChannelName>> chosen = settings.chosen(employee);
        assertThat(chosen.get(NoticeKind.ACTIVITY)).containsExactly(ChannelName.WECOM);
        assertThat(chosen.get(NoticeKind.LIBRARY)).containsExactly(ChannelName.WECOM);
        assertThat(chosen.get(NoticeKind.TRAINING)).as("the rest on the defaults")
                .containsExactlyInAnyOrder(ChannelName.WECOM, ChannelName.DINGTALK, ChannelName.EMAIL);

        long officer = fixtures.employeeId("100066");
        NoticeSetting officers = settings.of(officer);
        assertThat(officers.digest()).isTrue();
        assertThat(officers.digestAt()).isEqualTo(LocalTime.of(18, 0));
        assertThat(officers.quietFrom()).isNull();
        assertThat(settings.chosen(officer).get(NoticeKind.CARE))
                .containsExactlyInAnyOrder(ChannelName.WECOM, ChannelName.DINGTALK, ChannelName.EMAIL);
    }
}
