package org.tongxin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageTests {

    @Test
    void aRequestSurvivesTheEventRegistrysJsonRoundTrip() {
        JsonMapper json = JsonMapper.builder().build();
        NotificationRequested request = NotificationRequested.toCarersOf(7,
                Message.of(NoticeKind.CARE, "notify.test", "/care/cases/3", "王芳", 2).urgently());

        NotificationRequested back = json.readValue(json.writeValueAsString(request), NotificationRequested.class);

        assertThat(back).isEqualTo(request);
        assertThat(back.message().args()).containsExactly("王芳", "2");
        assertThat(back.message().urgent()).isTrue();
    }

    @Test
    void aNoticeNeedsAKindAndATemplateOrTitleAndALinkInsideTongxin() {
        assertThatThrownBy(() -> Message.literal(null, "t", "", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.literal(NoticeKind.ACCOUNT, " ", "", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of(NoticeKind.ACCOUNT, "Not A Key", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of(NoticeKind.ACCOUNT, "notify.test", "https://evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of(NoticeKind.ACCOUNT, "notify.test", "//evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
