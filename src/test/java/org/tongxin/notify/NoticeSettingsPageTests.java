package org.tongxin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/** "通知设置" (/me/notices): what a person sees, what saving writes, and what is refused without saving anything. */
class NoticeSettingsPageTests extends IntegrationTestSupport {

    Viewer person;
    OrgSetup.HrRow row;

    @BeforeEach
    void onePerson() {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("通知设置测试工会");
        row = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "notice-settings.csv", List.of(row));
        long id = fixtures.employeeId(row.employeeNo());
        person = Fixtures.employee(fixtures.accountId(id), id);
    }

    private String page(String url, Viewer viewer) throws Exception {
        return mvc.perform(get(url).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The input tag with the id, as rendered. */
    private static String input(String html, String id) {
        Matcher m = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("input %s", id).isTrue();
        return m.group();
    }

    private static boolean ticked(String html, String kind, String channel) {
        return input(html, "choice-" + kind + "-" + channel).contains("checked");
    }

    private long settingRows() {
        return jdbc.sql("SELECT (SELECT count(*) FROM notice_setting WHERE employee_id = ?) "
                        + "+ (SELECT count(*) FROM notice_preference WHERE employee_id = ?)")
                .params(person.employeeId(), person.employeeId()).query(Long.class).single();
    }

    private String channels(String kind) {
        return jdbc.sql("SELECT array_to_string(channels, ',') FROM notice_preference WHERE employee_id = ? AND kind = ?")
                .params(person.employeeId(), kind).query(String.class).single();
    }

    @Test
    void aPersonWhoNeverChoseSeesTheDefaultsAndTheirMaskedMobile() throws Exception {
        String html = page("/me/notices", person);
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(ticked(html, kind.name(), "WECOM")).as(kind.name()).isTrue();
            assertThat(ticked(html, kind.name(), "DINGTALK")).isTrue();
            assertThat(ticked(html, kind.name(), "EMAIL")).isTrue();
            assertThat(ticked(html, kind.name(), "SMS")).as("not among the defaults").isFalse();
            assertThat(input(html, "choice-" + kind.name() + "-SMS")).doesNotContain("disabled");
        }
        assertThat(html).contains("所有通知都会进入同心的“消息”", "紧急通知", "免打扰时段", "每日汇总")
                .contains("166****" + row.phone().substring(7)).doesNotContain(row.phone())
                .doesNotContain("id=\"not-set-up\"").as("every kind and channel has its label").doesNotContain("??");
        assertThat(input(html, "quietFrom")).contains("type=\"time\"", "value=\"\"");
        assertThat(settingRows()).as("showing saves nothing").isZero();
    }

    @Test
    void savingWritesTheChoicesAndTheFormShowsThemAgain() throws Exception {
        mvc.perform(post("/me/notices").with(csrf()).with(as(person))
                        .param("choice", "ACTIVITY.WECOM", "LIBRARY.SMS", "LIBRARY.EMAIL")
                        .param("email", " zhang.san@example.com ").param("quietFrom", "22:00")
                        .param("quietUntil", "07:00").param("digest", "true").param("digestAt", "19:30"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/me/notices"))
                .andExpect(flash().attribute("flash", "notify.page.saved"));

        assertThat(jdbc.sql("""
                        SELECT email || ' ' || quiet_from || ' ' || quiet_until || ' ' || digest || ' ' || digest_at
                        FROM notice_setting WHERE employee_id = ?""").param(person.employeeId()).query(String.class)
                .single()).isEqualTo("zhang.san@example.com 22:00:00 07:00:00 true 19:30:00");
        assertThat(channels("ACTIVITY")).isEqualTo("WECOM");
        assertThat(channels("LIBRARY")).isEqualTo("EMAIL,SMS");
        assertThat(channels("TRAINING")).as("a kind with nothing ticked gets no outside channel").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notice_preference WHERE employee_id = ?").param(person.employeeId())
                .query(Long.class).single()).isEqualTo(NoticeKind.values().length);

        String html = page("/me/notices", person);
        assertThat(ticked(html, "ACTIVITY", "WECOM")).isTrue();
        assertThat(ticked(html, "ACTIVITY", "DINGTALK")).isFalse();
        assertThat(ticked(html, "ACTIVITY", "EMAIL")).isFalse();
        assertThat(ticked(html, "LIBRARY", "SMS")).isTrue();
        assertThat(ticked(html, "LIBRARY", "EMAIL")).isTrue();
        assertThat(ticked(html, "TRAINING", "WECOM")).as("chosen none, not the defaults").isFalse();
        assertThat(input(html, "email")).contains("value=\"zhang.san@example.com\"");
        assertThat(input(html, "quietFrom")).contains("value=\"22:00\"");
        assertThat(input(html, "quietUntil")).contains("value=\"07:00\"");
        assertThat(input(html, "digest")).contains("checked");
        assertThat(input(html, "digestAt")).contains("value=\"19:30\"");
        assertThat(page("/me", person)).contains("href=\"/me/notices\"", "免打扰 22:00–07:00");

        mvc.perform(post("/me/notices").with(csrf()).with(as(person)).param("choice", "CARE.DINGTALK")
                        .param("quietFrom", "").param("quietUntil", "").param("email", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                        SELECT coalesce(email, '-') || ' ' || coalesce(quiet_from::text, '-') || ' ' || digest
                        FROM notice_setting WHERE employee_id = ?""").param(person.employeeId()).query(String.class)
                .single()).as("both times empty: no quiet hours").isEqualTo("- - false");
        assertThat(channels("ACTIVITY")).isEmpty();
        assertThat(channels("CARE")).isEqualTo("DINGTALK");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "a bad email        | zhang.san@       | -     | -     | ACTIVITY.WECOM | 邮箱地址格式不正确",
            "one quiet time     | -                | 22:00 | -     | ACTIVITY.WECOM | 免打扰时段需要开始和结束时间",
            "the other one      | -                | -     | 07:00 | ACTIVITY.WECOM | 免打扰时段需要开始和结束时间",
            "start is the end   | -                | 22:00 | 22:00 | ACTIVITY.WECOM | 免打扰时段需要开始和结束时间",
            "not a time         | -                | 25:61 | 07:00 | ACTIVITY.WECOM | 时间格式不正确",
            "an unknown kind    | -                | -     | -     | PARTY.WECOM    | 提交的选项不在本页中",
            "an unknown channel | -                | -     | -     | ACTIVITY.FAX   | 提交的选项不在本页中",
            "no channel at all  | -                | -     | -     | ACTIVITY       | 提交的选项不在本页中",
            "lower case         | -                | -     | -     | activity.wecom | 提交的选项不在本页中"})
    void badInputShowsTheFormAgainWithTheReasonAndSavesNothing(String why, String email, String from, String until,
                                                               String choice, String message) throws Exception {
        MockHttpServletRequestBuilder request = post("/me/notices").with(csrf()).with(as(person))
                .param("choice", choice, "LIBRARY.SMS");
        if (email != null) {
            request.param("email", email);
        }
        if (from != null) {
            request.param("quietFrom", from);
        }
        if (until != null) {
            request.param("quietUntil", until);
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"flash-error\"", message);
        assertThat(ticked(html, "LIBRARY", "SMS")).as("the form keeps what was ticked").isTrue();
        assertThat(ticked(html, "LIBRARY", "WECOM")).isFalse();
        if (email != null) {
            assertThat(input(html, "email")).contains("value=\"" + email + "\"");
        }
        assertThat(settingRows()).as(why + ": nothing saved").isZero();
    }

    @Test
    void theInboxAndTheMePageLeadThereAndATechnicalAccountHasNoSettings() throws Exception {
        assertThat(page("/inbox", person)).contains("id=\"notice-settings-link\"", "href=\"/me/notices\"");
        assertThat(page("/me", person)).contains("id=\"me-notices\"");
        Viewer admin = Fixtures.admin(fixtures.adminAccountId());
        mvc.perform(get("/me/notices").with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/me/notices")).andExpect(status().is3xxRedirection());
    }
}
