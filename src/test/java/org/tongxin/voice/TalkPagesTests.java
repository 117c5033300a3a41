package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.SensitiveWords;

/**
 * The discussion pages without script: employees read a topic, post, reply and like; a post with a listed word shows
 * to its author as waiting; officers open topics, review held posts, hide, lock and close from their pages; the
 * committee keeps the sensitive words; another unit's officer and employees outside the audience get 404.
 */
class TalkPagesTests extends PageTestSupport {

    @Autowired
    Discussions discussions;
    @Autowired
    SensitiveWords words;
    @Autowired
    OrgDirectory org;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment other;
    Viewer employee;
    Viewer colleague;
    Viewer officer;
    Viewer otherOfficer;
    Viewer outsider;
    Viewer committee;
    List<Viewer> crowd = new ArrayList<>();

    @BeforeEach
    void unitsWithPeople() {
        unit = fixtures.grassroots("交流页面工会");
        other = fixtures.grassroots("交流页面旁站");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        rows.add(Fixtures.row(other.departmentCode()));
        rows.add(Fixtures.row(other.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "talk-pages.csv", rows);
        List<Viewer> people = rows.stream().map(r -> {
            long id = fixtures.employeeId(r.employeeNo());
            return Fixtures.employee(fixtures.accountId(id), id);
        }).toList();
        employee = people.get(0);
        colleague = people.get(1);
        Viewer chair = people.get(2);
        fixtures.chair(chair.accountId(), unit.unit().id(), false);
        officer = new Viewer(chair.accountId(), chair.employeeId(), "chair", Set.of(Role.EMPLOYEE, Role.OFFICER),
                Set.of(unit.unit().id()), Set.of(), false);
        crowd.clear();
        crowd.addAll(people.subList(3, 6));
        outsider = people.get(6);
        Viewer otherChair = people.get(7);
        otherOfficer = new Viewer(otherChair.accountId(), otherChair.employeeId(), "other chair",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(other.unit().id()), Set.of(), false);
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    private long createTopic(String title) throws Exception {
        MvcResult created = mvc.perform(post("/voice-admin/talk").param("unitId", Long.toString(unit.unit().id()))
                .param("title", title).param("intro", "两边的职工走到一起，说说身边的变化。").param("tell", "true")
                .with(csrf()).with(as(officer))).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/voice/talk/topics/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String topicUrl(long id) {
        return "/voice/talk/topics/" + id;
    }

    private long lastPostOf(Viewer author) {
        return jdbc.sql("SELECT max(id) FROM voice_post WHERE author_id = ?").param(author.employeeId())
                .query(Long.class).single();
    }

    /** The element with the id, from its id to the end of its text. */
    private static String element(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element %s", id).isPositive();
        return html.substring(at, html.indexOf("</", at));
    }

    private String name(Viewer v) {
        return org.employee(v.employeeId()).orElseThrow().name();
    }

    @Test
    void anEmployeeReadsPostsRepliesAndLikesWithoutScript() throws Exception {
        long topic = createTopic("并购重组后的企业文化融合");
        assertThat(page("/voice", employee)).contains("href=\"/voice/talk\"");
        assertThat(page("/voice/talk", employee)).contains("id=\"topic-" + topic + "\"", "并购重组后的企业文化融合",
                unit.unit().name());
        String empty = page(topicUrl(topic), employee);
        assertThat(empty).contains("两边的职工走到一起", "id=\"post-form\"", "每 15 秒最多发一条，每小时最多 20 条",
                "id=\"no-posts\"").doesNotContain("id=\"moderation\"");

        assertThat(outcome(post(topicUrl(topic) + "/posts").param("body", "交接班制度很细，减少了差错。"), employee))
                .isEqualTo("flash:voice.talk.posted");
        long post = lastPostOf(employee);
        MvcResult tooFast = mvc.perform(post(topicUrl(topic) + "/posts").param("body", "紧接着又说一句")
                .with(csrf()).with(as(employee))).andReturn();
        assertThat(tooFast.getFlashMap().get("flashError")).isEqualTo("voice.error.talk.tooFast");
        assertThat(tooFast.getFlashMap().get("draft")).as("what was typed comes back").isEqualTo("紧接着又说一句");
        assertThat(perform(get(topicUrl(topic)).flashAttr("flashError", "voice.error.talk.tooFast")
                .flashAttr("draft", "紧接着又说一句").with(as(employee))).getContentAsString(StandardCharsets.UTF_8))
                .contains("发得太快了", ">紧接着又说一句</textarea>");
        assertThat(outcome(post(topicUrl(topic) + "/posts").param("body", " "), colleague))
                .isEqualTo("error:voice.error.talk.length");

        assertThat(outcome(post(topicUrl(topic) + "/posts").param("body", "同感，建议做成小卡片。")
                .param("parentId", Long.toString(post)), colleague)).isEqualTo("flash:voice.talk.posted");
        long reply = lastPostOf(colleague);
        MvcResult liked = mvc.perform(post("/voice/talk/posts/" + post + "/like").param("sort", "liked")
                .with(csrf()).with(as(colleague))).andReturn();
        assertThat(liked.getResponse().getRedirectedUrl())
                .isEqualTo(topicUrl(topic) + "?sort=liked&page=0#post-" + post);
        outcome(post("/voice/talk/posts/" + post + "/like"), colleague);
        outcome(post("/voice/talk/posts/" + reply + "/like"), employee);

        String read = page(topicUrl(topic), colleague);
        assertThat(read).contains("id=\"post-" + post + "\"", "交接班制度很细", name(employee),
                "id=\"post-" + reply + "\"", "同感，建议做成小卡片。", name(colleague), "id=\"reply-" + post + "\"");
        assertThat(element(read, "like-" + post)).contains("aria-pressed=\"true\"").endsWith(">已赞 1");
        assertThat(element(page(topicUrl(topic), crowd.getFirst()), "like-" + post))
                .contains("aria-pressed=\"false\"").endsWith(">赞 1");
        outcome(post("/voice/talk/posts/" + post + "/unlike"), colleague);
        assertThat(discussions.post(post).likes()).isZero();
        assertThat(discussions.post(reply).likes()).isOne();

        String english = perform(get(topicUrl(topic)).sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
                Locale.ENGLISH).with(as(colleague))).getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("For everyone in " + unit.unit().name(), "Most liked", ">Like 0", "Reply",
                "at most one post every 15 seconds and 20 an hour");
        assertThat(perform(get("/voice/talk").sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
                Locale.ENGLISH).with(as(colleague))).getContentAsString(StandardCharsets.UTF_8)).contains("2 posts");
    }

    @Test
    void aHeldPostShowsOnlyToItsAuthorUntilAnOfficerApprovesOrRejectsItFromTheQueue() throws Exception {
        long topic = createTopic("食堂口味怎么融合");
        assertThat(outcome(post(topicUrl(topic) + "/posts").param("body", "家乡土特产，欢迎 加 微 信 详谈"), employee))
                .isEqualTo("flash:voice.talk.heldForReview");
        long held = lastPostOf(employee);
        assertThat(outcome(post(topicUrl(topic) + "/posts").param("body", "代开发票 找我"), colleague))
                .isEqualTo("flash:voice.talk.heldForReview");
        long other = lastPostOf(colleague);
        assertThat(page(topicUrl(topic), employee)).contains("家乡土特产", "待审核");
        assertThat(page(topicUrl(topic), crowd.getFirst())).doesNotContain("家乡土特产").doesNotContain("代开发票");

        String admin = page("/voice-admin/talk", officer);
        assertThat(admin).contains("id=\"admin-topic-" + topic + "\"", "待审核 2 条", "发言 0 · 待审核 2 · 已隐藏 0");
        String queue = page("/voice-admin/talk/review", officer);
        assertThat(queue).contains("id=\"held-" + held + "\"", "家乡土特产", "命中敏感词：加微信", name(employee),
                "id=\"held-count-" + topic + "\"", "id=\"reject-" + other + "\"");
        assertThat(page(topicUrl(topic), officer)).contains("id=\"moderation\"", "家乡土特产", "代开发票",
                "命中敏感词：代开发票");

        assertThat(outcome(post("/voice-admin/talk/posts/" + held + "/approve"), officer))
                .isEqualTo("flash:voice.talk.approved");
        assertThat(page(topicUrl(topic), crowd.getFirst())).contains("家乡土特产");
        assertThat(outcome(post("/voice-admin/talk/posts/" + other + "/reject").param("reason", " "), officer))
                .isEqualTo("error:voice.error.talk.reason");
        assertThat(outcome(post("/voice-admin/talk/posts/" + other + "/reject").param("reason", "含广告内容"), officer))
                .isEqualTo("flash:voice.talk.rejected");
        assertThat(page(topicUrl(topic), colleague)).contains("代开发票", "未通过审核", "未通过原因：含广告内容");
        assertThat(page(topicUrl(topic), crowd.getFirst())).doesNotContain("代开发票");
        assertThat(page("/voice-admin/talk/review", officer)).contains("id=\"review-empty\"");
    }

    @Test
    void officersHideLockAndCloseFromTheirPagesAndEverythingIsAudited() throws Exception {
        long topic = createTopic("轮岗交流的困惑");
        assertThat(page("/voice-admin", officer)).contains("href=\"/voice-admin/talk\"");
        discussions.post(employee, topic, null, "转让九成新电动车一辆。");
        long offTopic = lastPostOf(employee);
        discussions.post(colleague, topic, null, "住得远的同事通勤压力大。");
        String moderated = page(topicUrl(topic), officer);
        assertThat(moderated).contains("id=\"hide-" + offTopic + "\"", "id=\"lock\"", "id=\"close\"");
        assertThat(page(topicUrl(topic), colleague)).doesNotContain("id=\"hide-");

        MvcResult hidden = mvc.perform(post("/voice-admin/talk/posts/" + offTopic + "/hide").param("sort", "new")
                .param("page", "0").with(csrf()).with(as(officer))).andReturn();
        assertThat(hidden.getResponse().getRedirectedUrl()).isEqualTo(topicUrl(topic) + "?sort=new&page=0#post-" + offTopic);
        assertThat(page(topicUrl(topic), colleague)).doesNotContain("转让九成新电动车").contains("通勤压力大");
        assertThat(page(topicUrl(topic), officer)).contains("转让九成新电动车", "已隐藏", "id=\"unhide-" + offTopic + "\"");
        assertThat(page(topicUrl(topic), employee)).as("its author sees it is hidden").contains("转让九成新电动车", "已隐藏");

        assertThat(outcome(post("/voice-admin/talk/topics/" + topic + "/lock").param("back", "topic"), officer))
                .isEqualTo("flash:voice.talk.locked");
        String locked = page(topicUrl(topic), colleague);
        assertThat(locked).contains("id=\"topic-locked\"", "已锁定").doesNotContain("id=\"post-form\"")
                .doesNotContain("id=\"reply-");
        assertThat(outcome(post(topicUrl(topic) + "/posts").param("body", "锁定后还想说"), crowd.getFirst()))
                .isEqualTo("error:voice.error.talk.locked");
        assertThat(outcome(post("/voice-admin/talk/topics/" + topic + "/unlock"), officer))
                .isEqualTo("flash:voice.talk.unlocked");
        assertThat(outcome(post("/voice-admin/talk/topics/" + topic + "/close"), officer))
                .isEqualTo("flash:voice.talk.closedDone");
        assertThat(page(topicUrl(topic), colleague)).contains("id=\"topic-closed\"").doesNotContain("id=\"post-form\"")
                .doesNotContain("id=\"like-");
        assertThat(page("/voice/talk", colleague)).contains("id=\"closed-topics\"", "轮岗交流的困惑");
        assertThat(outcome(post("/voice-admin/talk/topics/" + topic + "/lock"), officer))
                .isEqualTo("error:voice.error.talk.wrongState");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'voice.talk.%' AND actor_id = ?"
                        + " AND (target_id = ? OR target_id = ?)")
                .params(officer.accountId(), Long.toString(topic), Long.toString(offTopic)).query(Long.class).single())
                .as("create, hide, lock, unlock, close").isEqualTo(5);
    }

    @Test
    void longTopicsComeAPageAtATimeNewestOrMostLikedFirst() throws Exception {
        long topic = createTopic("安全生产月怎么合办");
        for (int i = 1; i <= 25; i++) {
            jdbc.sql("""
                            INSERT INTO voice_post (topic_id, author_id, body, status, likes, created_at)
                            VALUES (?, ?, ?, 'VISIBLE', ?, now() - make_interval(hours => ?))""")
                    .params(topic, crowd.get(i % 3).employeeId(), "第" + i + "条意见", i == 3 ? 9 : 0, 30 - i).update();
        }
        String first = page(topicUrl(topic), employee);
        assertThat(first).contains(">第25条意见<", ">第6条意见<").doesNotContain(">第5条意见<")
                .contains("href=\"/voice/talk/topics/" + topic + "?page=1\"", "第 1 / 2 页，共 25 条");
        assertThat(page(topicUrl(topic) + "?page=1", employee)).contains(">第5条意见<", ">第1条意见<")
                .doesNotContain(">第25条意见<");
        String liked = page(topicUrl(topic) + "?sort=liked", employee);
        assertThat(liked.indexOf(">第3条意见<")).isLessThan(liked.indexOf(">第25条意见<"));
        assertThat(liked).contains("href=\"/voice/talk/topics/" + topic + "?sort=liked&amp;page=1\"");
    }

    @Test
    void theCommitteeKeepsTheSensitiveWordsAndOtherOfficersOnlyReadThem() throws Exception {
        List<String> before = words.words();
        try {
            assertThat(page("/voice-admin/talk/words", officer)).contains("id=\"words-list\"", "加微信")
                    .doesNotContain("id=\"words-form\"");
            assertThat(status(post("/voice-admin/talk/words").param("words", "加微信"), officer)).isEqualTo(404);
            assertThat(words.words()).isEqualTo(before);
            assertThat(page("/voice-admin/talk/words", committee)).contains("id=\"words-form\"", "加微信");
            String typed = String.join("\n", before) + "\n\n  测 试  词Ｘ \n加微信\n";
            assertThat(outcome(post("/voice-admin/talk/words").param("words", typed), committee))
                    .isEqualTo("flash:voice.talk.wordsSaved");
            assertThat(words.words()).contains("测试词x").hasSize(before.size() + 1);
            long topic = createTopic("敏感词页面测试");
            assertThat(discussions.post(employee, topic, null, "这里有个测试-词x").held()).isTrue();
            assertThat(outcome(post("/voice-admin/talk/words").param("words", "x".repeat(31)), committee))
                    .isEqualTo("error:voice.error.talk.wordTooLong");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'voice.talk.words' AND after LIKE ?")
                    .param("%测试词x%").query(Long.class).single()).isOne();
        } finally {
            words.replace(committee, String.join("\n", before));
        }
        assertThat(words.words()).isEqualTo(before);
    }

    @Test
    void anotherUnitsOfficerAndEmployeesOutsideTheAudienceGet404() throws Exception {
        long topic = createTopic("范围测试话题");
        discussions.post(employee, topic, null, "本单位的发言。");
        long post = lastPostOf(employee);
        discussions.post(colleague, topic, null, "加微信 私聊");
        long held = lastPostOf(colleague);

        assertThat(perform(get(topicUrl(topic)).with(as(outsider))).getStatus()).isEqualTo(404);
        assertThat(perform(get(topicUrl(topic)).with(as(otherOfficer))).getStatus()).isEqualTo(404);
        assertThat(status(post(topicUrl(topic) + "/posts").param("body", "越权发言"), outsider)).isEqualTo(404);
        assertThat(status(post("/voice/talk/posts/" + post + "/like"), outsider)).isEqualTo(404);
        for (String action : List.of("lock", "unlock", "close")) {
            assertThat(status(post("/voice-admin/talk/topics/" + topic + "/" + action), otherOfficer)).as(action)
                    .isEqualTo(404);
        }
        for (String action : List.of("hide", "unhide")) {
            assertThat(status(post("/voice-admin/talk/posts/" + post + "/" + action), otherOfficer)).as(action)
                    .isEqualTo(404);
        }
        for (String action : List.of("approve", "reject")) {
            assertThat(status(post("/voice-admin/talk/posts/" + held + "/" + action).param("reason", "越权"),
                    otherOfficer)).as(action).isEqualTo(404);
        }
        assertThat(status(post("/voice-admin/talk").param("unitId", Long.toString(unit.unit().id()))
                .param("title", "越权话题"), otherOfficer)).isEqualTo(404);
        assertThat(page("/voice-admin/talk", otherOfficer)).doesNotContain("范围测试话题");
        assertThat(page("/voice-admin/talk/review", otherOfficer)).doesNotContain("加微信 私聊");
        assertThat(page("/voice/talk", outsider)).doesNotContain("范围测试话题");
        assertThat(status(post("/voice-admin/talk/posts/" + post + "/hide"), employee)).isEqualTo(403);

        Discussions.Post stored = discussions.post(post);
        assertThat(stored.hidden()).isFalse();
        assertThat(discussions.post(held).status()).isEqualTo("HELD");
        assertThat(discussions.find(topic).state()).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM voice_topic WHERE title = '越权话题'").query(Long.class).single()).isZero();
    }
}
