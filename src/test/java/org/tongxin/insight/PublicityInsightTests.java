package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.LearningSections.kpi;
import static org.tongxin.insight.LearningSections.last;
import static org.tongxin.insight.LearningSections.values;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.PublicityKinds;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Scope;
import org.tongxin.insight.internal.Section;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.publicity.PublicitySetup;
import org.tongxin.publicity.internal.PublicityService;
import org.tongxin.publicity.internal.Readership;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Publicity's figures kept from its snapshots: items published and withdrawn, reads by the unit's people and by a
 * reader without an account, shares by channel, counted by hand; and the same figures rebuilt from its history.
 */
class PublicityInsightTests extends IntegrationTestSupport {

    private static final List<String> KINDS = List.of(PublicityKinds.ITEM, PublicityKinds.READ, PublicityKinds.SHARE);
    /** Writer and reviewer accounts: the workflow only compares them. */
    private static final AtomicLong ACCOUNTS = new AtomicLong(3_100_000);

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    PublicitySetup publicity;
    @Autowired
    PublicityService service;
    @Autowired
    Readership readership;

    private static Viewer officer(long unitId) {
        return new Viewer(ACCOUNTS.incrementAndGet(), null, "宣传干部", Set.of(Role.OFFICER), Set.of(unitId), Set.of(),
                false);
    }

    private static byte[] cover() throws IOException {
        BufferedImage img = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 1200, 630);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private long published(Viewer writer, Viewer reviewer, long unitId, String title) throws IOException {
        long id = publicity.write(writer, new PublicitySetup.Article(unitId, "NEWS", title, "", "<p>" + title + "</p>",
                cover(), List.of(), false));
        publicity.submit(writer, id);
        publicity.approve(reviewer, id, null);
        return id;
    }

    @Test
    void publishingReadingAndSharingAreCountedByHandAndTheSameRebuilt() throws IOException {
        Fixtures.UnitWithDepartment station = fixtures.grassroots("宣传看板收费站");
        OrgUnit team = orgSetup.createUnit(station.unit().id(), "宣传看板一班" + System.nanoTime(), UnitKind.GROUP);
        String teamCode = "PI" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(teamCode, "宣传看板一班", team.id());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(station.departmentCode()),
                Fixtures.row(station.departmentCode()), Fixtures.row(teamCode));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "publicity-insight.csv", rows);
        long u1 = fixtures.employeeId(rows.get(0).employeeNo());
        long u2 = fixtures.employeeId(rows.get(1).employeeNo());
        long t1 = fixtures.employeeId(rows.get(2).employeeNo());
        long unit = station.unit().id();
        Viewer writer = officer(unit);
        Viewer reviewer = officer(unit);
        publicity.nameReviewer(writer, unit, reviewer.accountId());

        // One item of the station four months ago (the previous period), one now, one of the team now, withdrawn.
        long old = published(writer, reviewer, unit, "四个月前的稿件");
        publicity.backdate(old, 120);
        long now = published(writer, reviewer, unit, "本月的稿件");
        long teams = published(writer, reviewer, team.id(), "班组的稿件");
        service.withdraw(writer, teams, "信息有误");

        readership.read(now, "e:" + u1, u1, unit);
        readership.read(now, "e:" + u1, u1, unit);
        readership.read(now, "e:" + t1, t1, team.id());
        readership.read(now, "c:insight-" + System.nanoTime(), null, null);
        readership.read(teams, "e:" + u2, u2, unit);
        readership.read(old, "e:" + u2, u2, unit);
        LocalDate today = LocalDate.now();
        readership.shared(now, "WECHAT", today);
        readership.shared(now, "WECHAT", today);
        readership.shared(now, "QQ", today);
        readership.shared(teams, "POSTER", today);

        YearMonth month = YearMonth.now();
        Scope scope = new Scope(writer, station.unit(), List.of(team), month.minusMonths(2), month);
        Awaitility.await("the snapshots reach insight").atMost(Duration.ofSeconds(30)).until(() -> {
            Section s = LearningSections.build(sections, "publicity", scope);
            return kpi(s, "reads").value().longValue() == 5 && kpi(s, "shares").value().longValue() == 4
                    && kpi(s, "published").value().longValue() == 2
                    && kpi(s, "published").previous().longValue() == 1;
        });
        Section s = LearningSections.build(sections, "publicity", scope);
        // Read by u1 (once however often), t1, u2 twice (one of them the old item, read now), and one reader without
        // an account, who counts in the station that published the item.
        assertThat(kpi(s, "staffReads").value()).isEqualByComparingTo("4");
        assertThat(kpi(s, "reads").previous()).isEqualByComparingTo("0");
        assertThat(kpi(s, "shares").previous()).isEqualByComparingTo("0");
        assertThat(last(s, "publicity-trend", 0)).isEqualByComparingTo("4");
        assertThat(last(s, "publicity-trend", 1)).isEqualByComparingTo("1");
        assertThat(last(s, "publicity-trend", 2)).isEqualByComparingTo("4");
        assertThat(values(s, "publicity-trend", 3)).extracting(BigDecimal::longValue).containsExactly(0L, 0L, 2L);
        assertThat(values(s, "publicity-channels", 0)).extracting(BigDecimal::longValue)
                .containsExactly(2L, 1L, 0L, 1L);
        // The team: t1's read, the team's item (published in the months, withdrawn since).
        assertThat(values(s, "publicity-children", 0)).extracting(BigDecimal::longValue).containsExactly(1L);
        assertThat(values(s, "publicity-children", 1)).extracting(BigDecimal::longValue).containsExactly(1L);

        List<String> live = LearningSections.rows(facts, KINDS, unit, team.id());
        assertThat(live).isNotEmpty();
        rebuild.run();
        assertThat(LearningSections.rows(facts, KINDS, unit, team.id())).isEqualTo(live);
    }
}
