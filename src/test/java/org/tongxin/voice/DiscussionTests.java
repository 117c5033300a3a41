package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.Discussions;
import org.tongxin.voice.internal.Discussions.Post;
import org.tongxin.voice.internal.Discussions.PostThread;
import org.tongxin.voice.internal.SensitiveWords;

/**
 * Discussions: who reads and writes a topic, one like per person, locked and closed topics, the rate limit (also for
 * two posts at the same instant), posts held for a sensitive word however it is spaced, their review, and hidden
 * posts shown to nobody but moderators and their author.
 */
class DiscussionTests extends IntegrationTestSupport {

    @Autowired
    Discussions discussions;

    Fixtures.UnitWithDepartment unit;
    Viewer a;
    Viewer b;
    Viewer below;
    Viewer outsider;
    Viewer officer;
    Viewer otherOfficer;
    Viewer committee;
    List<Viewer> more = new ArrayList<>();

    @BeforeEach
    void people() {
        unit = fixtures.grassroots("交流测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("交流测试旁站");
        OrgUnit group = orgSetup.createUnit(unit.unit().id(), unit.unit().name() + "一组", UnitKind.GROUP);
        String groupDepartment = "TG" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(groupDepartment, group.name() + "部门", group.id());
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        rows.add(Fixtures.row(groupDepartment));
        rows.add(Fixtures.row(other.departmentCode()));
        rows.add(Fixtures.row(other.departmentCode()));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "talk.csv", rows);
        List<Viewer> people = rows.stream().map(r -> {
            long id = fixtures.employeeId(r.employeeNo());
            return Fixtures.employee(fixtures.accountId(id), id);
        }).toList();
        a = people.get(0);
        b = people.get(1);
        Viewer chair = people.get(2);
        officer = new Viewer(chair.accountId(), chair.employeeId(), "chair", Set.of(Role.EMPLOYEE, Role.OFFICER),
                Set.of(unit.unit().id()), Set.of(), false);
        more.clear();
        more.addAll(people.subList(3, 6));
        below = people.get(6);
        outsider = people.get(7);
        Viewer otherChair = people.get(8);
        otherOfficer = new Viewer(otherChair.accountId(), otherChair.employeeId(), "other chair",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(other.unit().id()), Set.of(), false);
        committee = Fixtures.committee(fixtures.adminAccountId());
    }

    private long topic() {
        return discussions.create(officer, unit.unit().id(), "并购重组后的企业文化融合", "说说身边的变化。", null, false);
    }

    /** Moves a post into the past, so its author may write again. */
    private void ago(long postId, int seconds) {
        jdbc.sql("UPDATE voice_post SET created_at = created_at - make_interval(secs => ?) WHERE id = ?")
                .params(seconds, postId).update();
    }

    private List<Post> seen(Viewer viewer, long topicId) {
        List<Post> out = new ArrayList<>();
        for (PostThread t : discussions.page(viewer, discussions.find(topicId), "new", 0, 50).items()) {
            out.add(t.post());
            out.addAll(t.replies());
        }
        return out;
    }

    private List<Long> seenIds(Viewer viewer, long topicId) {
        return seen(viewer, topicId).stream().map(Post::id).toList();
    }

    @Test
    void theEmployeesOfTheUnitsSubtreeReadAndWriteAndNobodyElseReachesTheTopic() {
        long topic = topic();
        assertThat(discussions.openFor(a)).extracting(Discussions.Topic::id).contains(topic);
        assertThat(discussions.openFor(below)).as("a unit below").extracting(Discussions.Topic::id).contains(topic);
        assertThat(discussions.openFor(outsider)).extracting(Discussions.Topic::id).doesNotContain(topic);

        long post = discussions.post(a, topic, null, "交接班制度很细，减少了差错。").id();
        long reply = discussions.post(below, topic, post, "同感，建议做成小卡片。").id();
        assertThat(seenIds(b, topic)).containsExactly(post, reply);

        assertThatThrownBy(() -> discussions.readable(outsider, topic)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> discussions.post(outsider, topic, null, "路过")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> discussions.like(outsider, post)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> discussions.readable(otherOfficer, topic)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> discussions.hide(otherOfficer, post)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> discussions.lock(otherOfficer, topic)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> discussions.create(otherOfficer, unit.unit().id(), "越权话题", "", null, false))
                .isInstanceOf(RuntimeException.class);
        assertThat(discussions.topicsOf(otherOfficer)).extracting(Discussions.Topic::id).doesNotContain(topic);
        assertThat(discussions.topicsOf(officer)).extracting(Discussions.Topic::id).contains(topic);
        assertThat(discussions.moderates(committee, discussions.find(topic))).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM voice_post WHERE topic_id = ?").param(topic).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void aPostIsLikedOncePerPersonByTheDatabaseAndALikeCanBeTakenBack() {
        long topic = topic();
        long post = discussions.post(a, topic, null, "建议多搞混编的班组活动。").id();
        discussions.like(b, post);
        discussions.like(b, post);
        discussions.like(below, post);
        assertThat(discussions.post(post).likes()).isEqualTo(2);
        assertThat(discussions.likedBy(b, List.of(post))).containsExactly(post);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO voice_post_like (post_id, employee_id) VALUES (?, ?)")
                .params(post, b.employeeId()).update()).isInstanceOf(DataIntegrityViolationException.class);
        discussions.unlike(b, post);
        discussions.unlike(b, post);
        assertThat(discussions.post(post).likes()).isEqualTo(1);
        assertThat(discussions.likedBy(b, List.of(post))).isEmpty();
    }

    @Test
    void aLockedTopicTakesNoPostsOrRepliesUntilUnlockedAndAClosedOneNothingAtAll() {
        long topic = topic();
        long post = discussions.post(a, topic, null, "先说一句。").id();
        discussions.lock(officer, topic);
        assertThatThrownBy(() -> discussions.post(b, topic, null, "锁定后发言")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.locked");
        assertThatThrownBy(() -> discussions.post(b, topic, post, "锁定后回复")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.locked");
        assertThatThrownBy(() -> discussions.lock(officer, topic)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.wrongState");
        discussions.unlock(officer, topic);
        discussions.post(b, topic, post, "解锁后回复");
        discussions.close(officer, topic);
        assertThatThrownBy(() -> discussions.post(below, topic, null, "结束后发言")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.closed");
        assertThatThrownBy(() -> discussions.like(below, post)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.closed");
        assertThatThrownBy(() -> discussions.unlock(officer, topic)).isInstanceOf(Refusal.class);
        assertThat(discussions.openFor(a)).extracting(Discussions.Topic::id).doesNotContain(topic);
        assertThat(discussions.closedFor(a, 10)).extracting(Discussions.Topic::id).contains(topic);

        long dated = topic();
        jdbc.sql("UPDATE voice_topic SET closes_on = current_date - 1 WHERE id = ?").param(dated).update();
        assertThatThrownBy(() -> discussions.post(a, dated, null, "过了截止日")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.closed");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'voice_topic' AND target_id = ?"
                + " ORDER BY id").param(Long.toString(topic)).query(String.class).list())
                .containsExactly("voice.talk.create", "voice.talk.lock", "voice.talk.unlock", "voice.talk.close");
    }

    @Test
    void aPersonWritesAtMostOnceInTheGapAndTheHourlyNumber() {
        long topic = topic();
        long first = discussions.post(a, topic, null, "第一条。").id();
        assertThatThrownBy(() -> discussions.post(a, topic, first, "紧接着回复")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.tooFast");
        discussions.post(b, topic, first, "别人不受影响。");
        ago(first, discussions.minGapSeconds() + 1);
        long second = discussions.post(a, topic, first, "过了间隔再回复。").id();

        // The hour's allowance: with as many posts in the last hour as allowed, the next waits until one is older.
        ago(second, discussions.minGapSeconds() + 1);
        for (int i = 2; i < discussions.perHour(); i++) {
            jdbc.sql("""
                            INSERT INTO voice_post (topic_id, author_id, body, status, created_at)
                            VALUES (?, ?, '早先的发言', 'VISIBLE', now() - make_interval(mins => ?))""")
                    .params(topic, a.employeeId(), 2 + i).update();
        }
        assertThatThrownBy(() -> discussions.post(a, topic, null, "一小时内第二十一条")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.tooFast");
        jdbc.sql("UPDATE voice_post SET created_at = now() - interval '61 minutes' WHERE id = ?").param(first).update();
        discussions.post(a, topic, null, "最早的一条过了一小时。");
    }

    @Test
    void twoPostsTappedAtTheSameInstantMakeOneRow() throws Exception {
        long topic = topic();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Viewer person : List.of(a, b, below)) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> taps = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int n = i;
                    taps.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        try {
                            discussions.post(person, topic, null, "同时点了两下 " + n);
                            return "posted";
                        } catch (Refusal r) {
                            return r.messageKey();
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : taps) {
                    outcomes.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(outcomes).containsExactlyInAnyOrder("posted", "voice.error.talk.tooFast");
                assertThat(jdbc.sql("SELECT count(*) FROM voice_post WHERE topic_id = ? AND author_id = ?")
                        .params(topic, person.employeeId()).query(Long.class).single()).isOne();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListedWordIsFoundWhateverTheCaseWidthOrWhatIsTypedBetweenItsCharacters() {
        List<String> words = List.of("加微信", "spam", "代开发票");
        assertThat(SensitiveWords.matches("想要的加微信联系", words)).containsExactly("加微信");
        assertThat(SensitiveWords.matches("欢迎 加 微 信 详谈", words)).containsExactly("加微信");
        assertThat(SensitiveWords.matches("加.微-信！", words)).containsExactly("加微信");
        assertThat(SensitiveWords.matches("加\u200b微\u200b信", words)).as("zero-width spaces").containsExactly("加微信");
        assertThat(SensitiveWords.matches("Ｓ Ｐ Ａ Ｍ here", words)).as("full width, upper case, spaced")
                .containsExactly("spam");
        assertThat(SensitiveWords.matches("S-p_A.m", words)).containsExactly("spam");
        assertThat(SensitiveWords.matches("可代开 发票，也可加微信", words)).containsExactlyInAnyOrder("加微信", "代开发票");
        assertThat(SensitiveWords.matches("建议加强微信群管理", words)).as("other characters between").isEmpty();
        assertThat(SensitiveWords.matches("交接班制度很细", words)).isEmpty();
        assertThat(SensitiveWords.normalise("ＡＢＣ　１２３，Ｘ")).isEqualTo("abc123x");
    }

    @Test
    void aPostWithAListedWordIsHeldForItsAuthorAndTheModeratorsUntilApprovedOrRejected() {
        long topic = topic();
        long open = discussions.post(b, topic, null, "正常发言。").id();
        Discussions.Posted held = discussions.post(a, topic, null, "土特产优惠，欢迎加 微·信 详谈");
        assertThat(held.held()).isTrue();
        Discussions.Posted reply = discussions.post(below, topic, open, "代开 发 票，价格低");
        assertThat(reply.held()).isTrue();
        Post stored = discussions.post(held.id());
        assertThat(stored.status()).isEqualTo("HELD");
        assertThat(stored.heldWords()).containsExactly("加微信");

        assertThat(seenIds(a, topic)).contains(held.id()).doesNotContain(reply.id());
        assertThat(seen(a, topic)).filteredOn(p -> p.id() == held.id()).singleElement()
                .satisfies(p -> assertThat(p.held()).isTrue());
        assertThat(seenIds(b, topic)).containsExactly(open);
        assertThat(seenIds(officer, topic)).contains(held.id(), reply.id(), open);
        assertThat(discussions.held(officer, 50)).extracting(Post::id).containsExactly(held.id(), reply.id());
        assertThat(discussions.held(otherOfficer, 50)).extracting(Post::id).doesNotContain(held.id(), reply.id());
        assertThat(discussions.counts(List.of(topic)).get(topic).held()).isEqualTo(2);
        assertThatThrownBy(() -> discussions.like(b, held.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> discussions.post(b, topic, held.id(), "回复待审核的")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> discussions.approve(otherOfficer, held.id())).isInstanceOf(RuntimeException.class);

        discussions.approve(officer, held.id());
        assertThat(seenIds(b, topic)).contains(held.id());
        assertThatThrownBy(() -> discussions.approve(officer, held.id())).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.notHeld");

        assertThatThrownBy(() -> discussions.reject(officer, reply.id(), "  ")).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.talk.reason");
        discussions.reject(officer, reply.id(), "含有广告内容");
        Post rejected = discussions.post(reply.id());
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.rejectReason()).isEqualTo("含有广告内容");
        assertThat(seenIds(b, topic)).doesNotContain(reply.id());
        assertThat(seenIds(below, topic)).as("its author still sees it, marked").contains(reply.id());
        assertThat(discussions.held(officer, 50)).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM notification WHERE employee_id = ? AND link LIKE ? AND body LIKE ?")
                .params(below.employeeId(), "/voice/talk/topics/" + topic + "%", "%含有广告内容%").query(Long.class)
                .single() == 1);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'voice_post' AND target_id IN (?, ?)"
                        + " ORDER BY id").params(Long.toString(held.id()), Long.toString(reply.id()))
                .query(String.class).list()).containsExactly("voice.talk.approve", "voice.talk.reject");
        long another = discussions.post(more.getFirst(), topic, null, "兼职日结，加V了解").id();
        assertThatThrownBy(() -> jdbc.sql("UPDATE voice_post SET status = 'VISIBLE' WHERE id = ?").param(another)
                .update()).as("a listed word is only shown once reviewed").isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aHiddenPostIsKeptAndShownOnlyToTheModeratorsAndItsAuthor() {
        long topic = topic();
        long post = discussions.post(a, topic, null, "转让电动车一辆，有意私聊。").id();
        long reply = discussions.post(b, topic, post, "多少钱？").id();
        long kept = discussions.post(below, topic, null, "说回正题：建议编一份术语对照表。").id();
        discussions.hide(officer, post);
        assertThat(seenIds(b, topic)).as("hidden with its replies").containsExactly(kept);
        assertThat(seenIds(more.getFirst(), topic)).containsExactly(kept);
        assertThat(seenIds(a, topic)).contains(post);
        assertThat(seen(officer, topic)).filteredOn(p -> p.id() == post).singleElement()
                .satisfies(p -> assertThat(p.hidden()).isTrue());
        assertThat(seenIds(committee, topic)).contains(post, reply, kept);
        assertThat(discussions.counts(List.of(topic)).get(topic).hidden()).isOne();
        assertThatThrownBy(() -> discussions.like(b, post)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> discussions.post(b, topic, post, "再回复")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> discussions.hide(officer, post)).isInstanceOf(Refusal.class);
        assertThat(jdbc.sql("SELECT body FROM voice_post WHERE id = ?").param(post).query(String.class).single())
                .isEqualTo("转让电动车一辆，有意私聊。");
        discussions.unhide(officer, post);
        assertThat(seenIds(b, topic)).contains(post, reply, kept);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'voice_post' AND target_id = ?"
                + " ORDER BY id").param(Long.toString(post)).query(String.class).list())
                .containsExactly("voice.talk.hide", "voice.talk.unhide");
    }

    @Test
    void repliesGoOneLevelDeepAndPostsComeNewestOrMostLikedFirstAPageAtATime() {
        long topic = topic();
        long first = discussions.post(a, topic, null, "第一条。").id();
        ago(first, 600);
        long second = discussions.post(b, topic, null, "第二条。").id();
        ago(second, 300);
        long third = discussions.post(below, topic, null, "第三条。").id();
        long reply = discussions.post(more.get(0), topic, first, "回复第一条。").id();
        assertThatThrownBy(() -> discussions.post(more.get(1), topic, reply, "回复的回复")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO voice_post (topic_id, parent_id, author_id, body, status)
                        VALUES (?, ?, ?, '回复的回复', 'VISIBLE')""")
                .params(topic, reply, more.get(1).employeeId()).update())
                .as("the database keeps replies one level deep").isInstanceOf(DataIntegrityViolationException.class);
        long elsewhere = topic();
        assertThatThrownBy(() -> discussions.post(more.get(1), elsewhere, first, "别的话题的回复"))
                .isInstanceOf(NotFoundException.class);

        discussions.like(b, first);
        discussions.like(below, first);
        discussions.like(a, second);
        Discussions.Topic t = discussions.find(topic);
        var newest = discussions.page(b, t, "new", 0, 2);
        assertThat(newest.items()).extracting(x -> x.post().id()).containsExactly(third, second);
        assertThat(newest.total()).isEqualTo(3);
        assertThat(newest.hasNext()).isTrue();
        assertThat(discussions.page(b, t, "new", 1, 2).items()).extracting(x -> x.post().id()).containsExactly(first);
        var liked = discussions.page(b, t, "liked", 0, 3);
        assertThat(liked.items()).extracting(x -> x.post().id()).containsExactly(first, second, third);
        assertThat(liked.items().getFirst().replies()).extracting(Post::id).containsExactly(reply);
    }
}
