package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.Discussions;

/** The demo enterprise's discussions, as the demo logins find them. */
class DiscussionDemoTests extends IntegrationTestSupport {

    @Autowired
    Discussions discussions;

    private long topic(String title) {
        return jdbc.sql("SELECT id FROM voice_topic WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void aLivelyTopicAtTheCompanyUnionWithRepliesLikesOneHeldAndOneHiddenPost() throws Exception {
        long topic = topic("并购后文化融合交流");
        Discussions.Topic t = discussions.find(topic);
        assertThat(jdbc.sql("SELECT kind FROM org_unit WHERE id = ?").param(t.unitId()).query(String.class).single())
                .isEqualTo("COMPANY_UNION");
        assertThat(t.accepting(discussions.today())).isTrue();
        Map<String, Object> numbers = jdbc.sql("""
                        SELECT count(*) AS all_posts, count(*) FILTER (WHERE parent_id IS NULL) AS posts,
                          count(*) FILTER (WHERE parent_id IS NOT NULL) AS replies, count(DISTINCT author_id) AS authors,
                          sum(likes) AS likes, count(*) FILTER (WHERE status = 'HELD') AS held,
                          count(*) FILTER (WHERE hidden) AS hidden,
                          count(*) FILTER (WHERE created_at < now() - interval '7 days') AS older
                        FROM voice_post WHERE topic_id = ?""").param(topic).query().singleRow();
        assertThat(((Number) numbers.get("all_posts")).longValue()).isBetween(24L, 40L);
        assertThat(((Number) numbers.get("replies")).longValue()).isGreaterThanOrEqualTo(8);
        assertThat(((Number) numbers.get("authors")).longValue()).isGreaterThanOrEqualTo(10);
        assertThat(((Number) numbers.get("likes")).longValue()).isGreaterThanOrEqualTo(40);
        assertThat(((Number) numbers.get("held")).longValue()).isOne();
        assertThat(((Number) numbers.get("hidden")).longValue()).isOne();
        assertThat(((Number) numbers.get("older")).longValue()).as("spread over the past days").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM voice_post_like l JOIN voice_post p ON p.id = l.post_id"
                + " WHERE p.topic_id = ? AND l.employee_id = p.author_id").param(topic).query(Long.class).single())
                .as("nobody likes their own").isZero();

        long employee = fixtures.employeeId("100090");
        Viewer demoEmployee = Fixtures.employee(fixtures.accountId(employee), employee);
        assertThat(discussions.openFor(demoEmployee)).extracting(Discussions.Topic::id).contains(topic);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_post WHERE topic_id = ? AND author_id = ?")
                .params(topic, employee).query(Long.class).single()).as("the demo employee's own post").isOne();
        String page = mvc.perform(get("/voice/talk/topics/" + topic).with(as(demoEmployee))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("并购后文化融合交流", "交接班", "id=\"post-form\"")
                .doesNotContain("加微信").doesNotContain("转让九成新电动车");

        Viewer committee = new Viewer(fixtures.accountId(fixtures.employeeId("100023")), fixtures.employeeId("100023"),
                "committee", Set.of(Role.EMPLOYEE, Role.OFFICER, Role.COMMITTEE), Set.of(t.unitId()), Set.of(), false);
        assertThat(discussions.held(committee, 50)).filteredOn(p -> p.topicId() == topic).singleElement()
                .satisfies(p -> assertThat(p.heldWords()).containsExactly("加微信"));
        String moderated = mvc.perform(get("/voice/talk/topics/" + topic + "?sort=liked").with(as(committee)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(moderated).contains("id=\"moderation\"", "待审核 1 条");
    }

    @Test
    void anOlderTopicAtTheDemoStationIsLockedByItsChair() {
        long topic = topic("夜班轮换方案意见征集");
        Discussions.Topic t = discussions.find(topic);
        assertThat(t.locked()).isTrue();
        assertThat(jdbc.sql("SELECT name FROM org_unit WHERE id = ?").param(t.unitId()).query(String.class).single())
                .isEqualTo("蒲江收费站分会");
        assertThat(jdbc.sql("SELECT count(*) FROM voice_post WHERE topic_id = ?").param(topic).query(Long.class)
                .single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT created_at < now() - interval '30 days' FROM voice_topic WHERE id = ?")
                .param(topic).query(Boolean.class).single()).isTrue();
        long chair = fixtures.employeeId("100066");
        Viewer officer = new Viewer(fixtures.accountId(chair), chair, "chair", Set.of(Role.EMPLOYEE, Role.OFFICER),
                Set.of(t.unitId()), Set.of(), false);
        assertThat(discussions.topicsOf(officer)).extracting(Discussions.Topic::id).contains(topic);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'voice.talk.lock' AND target_id = ?")
                .param(Long.toString(topic)).query(Long.class).single()).isOne();
    }
}
