package org.tongxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Browser;
import org.tongxin.support.Fixtures;
import org.tongxin.support.JourneyTestSupport;
import org.tongxin.voice.internal.Discussions;

/**
 * A discussion on a 375-px phone: an employee posts, replies to a colleague and likes the post; a post with a listed
 * word shows to its author as waiting; the officer approves it from the review queue and hides another from the
 * topic's page. Every page fits the phone.
 */
class TalkPhoneTests extends JourneyTestSupport {

    @Autowired
    Discussions discussions;

    @Test
    void anEmployeeTakesPartAndTheOfficerModeratesOnAPhone() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("交流手机工会");
        OrgSetup.HrRow author = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow colleague = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow chair = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "talk-phone.csv",
                List.of(author, colleague, chair));
        fixtures.withPassword(author, "Jiaoliu2026xx");
        long chairAccount = fixtures.withPassword(chair, "Zhuxi2026xxx");
        fixtures.chair(chairAccount, unit.unit().id(), false);
        Viewer officer = new Viewer(chairAccount, fixtures.employeeId(chair.employeeNo()), "chair",
                Set.of(Role.EMPLOYEE, Role.OFFICER), Set.of(unit.unit().id()), Set.of(), false);
        long colleagueId = fixtures.employeeId(colleague.employeeNo());
        long topic = discussions.create(officer, unit.unit().id(), "并购重组后的企业文化融合",
                "两边的职工走到一起已经半年，说说身边的变化、困惑和建议。", null, false);
        long theirs = discussions.post(Fixtures.employee(fixtures.accountId(colleagueId), colleagueId), topic, null,
                "建议多搞混编的班组活动，篮球赛、拔河都行，比开会更能拉近距离。").id();

        WebDriver browser = Browser.phone();
        logIn(browser, author.employeeNo(), "Jiaoliu2026xx");
        browser.get(url("/voice/talk"));
        assertThat(browser.findElement(By.id("topic-" + topic)).getText()).contains("并购重组后的企业文化融合", "1 条发言");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.cssSelector("#topic-" + topic));
        browser.findElement(By.id("post-body")).sendKeys("交接班制度很细，一开始不习惯，现在觉得确实减少了差错。");
        Browser.send(browser, By.id("post-submit"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("已发表");
        long mine = jdbc.sql("SELECT max(id) FROM voice_post WHERE topic_id = ?").param(topic).query(Long.class).single();
        assertThat(browser.findElement(By.id("post-" + mine)).getText()).contains("交接班制度很细");

        Browser.tap(browser, browser.findElement(By.cssSelector("#post-" + theirs + " summary")));
        jdbc.sql("UPDATE voice_post SET created_at = created_at - interval '1 minute' WHERE id = ?").param(mine).update();
        browser.findElement(By.id("reply-body-" + theirs)).sendKeys("同感，下个月运动会可以混编组队。");
        Browser.send(browser, By.id("reply-" + theirs));
        assertThat(browser.findElement(By.id("post-" + theirs)).getText()).contains("同感，下个月运动会可以混编组队");
        Browser.send(browser, By.id("like-" + theirs));
        assertThat(browser.findElement(By.id("like-" + theirs)).getText()).isEqualTo("已赞 1");
        Browser.screenshot(browser, "a1-talk-topic");
        Browser.assertFitsThePhone(browser);

        jdbc.sql("UPDATE voice_post SET created_at = created_at - interval '1 minute' WHERE author_id = ?")
                .param(fixtures.employeeId(author.employeeNo())).update();
        browser.findElement(By.id("post-body")).sendKeys("老家特产便宜卖，加 微 信 详谈");
        Browser.send(browser, By.id("post-submit"));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("审核通过后");
        long held = jdbc.sql("SELECT max(id) FROM voice_post WHERE topic_id = ?").param(topic).query(Long.class).single();
        assertThat(browser.findElement(By.id("post-" + held)).getText()).contains("待审核");
        Browser.assertFitsThePhone(browser);

        logIn(browser, chair.employeeNo(), "Zhuxi2026xxx");
        browser.get(url("/voice-admin/talk"));
        assertThat(browser.findElement(By.id("review-queue-link")).getText()).contains("待审核 1 条");
        assertThat(browser.findElement(By.id("admin-topic-" + topic)).getText()).contains("发言 3 · 待审核 1 · 已隐藏 0");
        Browser.screenshot(browser, "a2-talk-admin");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("review-queue-link"));
        assertThat(browser.findElement(By.id("held-" + held)).getText()).contains("命中敏感词：加微信");
        Browser.screenshot(browser, "a3-talk-review");
        Browser.assertFitsThePhone(browser);
        Browser.send(browser, By.id("approve-" + held));
        assertThat(browser.findElement(By.id("review-empty")).isDisplayed()).isTrue();

        browser.get(url("/voice/talk/topics/" + topic));
        assertThat(browser.findElement(By.id("moderation")).getText()).contains("待审核 0 条");
        Browser.send(browser, By.id("hide-" + held));
        assertThat(browser.findElement(By.id("post-" + held)).getText()).contains("已隐藏");
        Browser.assertFitsThePhone(browser);
        assertThat(discussions.post(held).hidden()).isTrue();
    }
}
