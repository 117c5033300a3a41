package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.InsightStory.kpi;
import static org.tongxin.insight.InsightStory.previous;
import static org.tongxin.insight.InsightStory.value;
import static org.tongxin.insight.InsightStory.values;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.benefits.internal.DuesService;
import org.tongxin.benefits.internal.Offers;
import org.tongxin.benefits.internal.Vouchers;
import org.tongxin.benefits.internal.Welfare;
import org.tongxin.benefits.internal.WelfareRound;
import org.tongxin.insight.internal.BenefitsKinds;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Section;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Welfare rounds, vouchers and dues in insight: the figures kept from the benefits module's snapshots equal the
 * figures rebuilt from its history, and the section shows what the story implies, this month against the last.
 */
class BenefitsInsightTests extends IntegrationTestSupport {

    private static final String[] KINDS = {BenefitsKinds.WELFARE_MEMBERS, BenefitsKinds.WELFARE_BUDGET,
            BenefitsKinds.WELFARE_SPEND, BenefitsKinds.WELFARE_COLLECTED, BenefitsKinds.VOUCHER_ISSUED,
            BenefitsKinds.VOUCHER_USED, BenefitsKinds.DUES, BenefitsKinds.DUES_PAYERS};

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    Welfare welfare;
    @Autowired
    Offers offers;
    @Autowired
    Vouchers vouchers;
    @Autowired
    DuesService dues;
    @Autowired
    MembershipSetup membership;

    @Test
    void welfareVouchersAndDuesAreCountedTheSameLiveAndRebuilt() {
        Assumptions.assumeTrue(InsightStory.sameMonthAsBeijing());
        InsightStory story = InsightStory.of(fixtures, orgSetup, membership, "福利看板收费站", 4, 3);
        Viewer chair = Fixtures.officerWithoutCare(fixtures.adminAccountId(), story.station.id());
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        int year = welfare.now().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).getYear();
        if (welfare.cap(year).isEmpty()) {
            welfare.setCap(committee, year, new BigDecimal("1800"));
        }
        Viewer s1 = story.stationPeople.get(1);
        Viewer b1 = story.branchPeople.get(1);

        // A round of ¥300 a member over the station's 4 members and the branch's 3: two pick, the rest get the
        // default (¥280) at the close; one at each site collects.
        OffsetDateTime now = welfare.now();
        String title = "看板测试中秋" + System.nanoTime();
        long round = welfare.create(chair, new Welfare.Draft(story.station.id(), WelfareRound.Occasion.MID_AUTUMN, title,
                new BigDecimal("300"), welfare.today(), now.minusMinutes(1), now.plusDays(7)));
        long oil = welfare.addPackage(chair, round, new Welfare.PackageDraft("粮油礼包", "米和油", new BigDecimal("280"),
                "粮油公司", 100));
        long fruit = welfare.addPackage(chair, round, new Welfare.PackageDraft("水果礼盒", "当季水果",
                new BigDecimal("250"), "果农合作社", 100));
        welfare.setDefault(chair, round, oil);
        welfare.open(chair, round);
        welfare.pick(s1, round, fruit);
        welfare.pick(b1, round, oil);
        welfare.closeDue(now.plusDays(7).plusSeconds(1));
        welfare.confirmDelivery(chair, round, story.station.id(), "");
        welfare.confirmDelivery(chair, round, story.branch.id(), "");
        welfare.sign(s1, round);
        welfare.sign(b1, round);

        // An offer: three claim, one voucher is used.
        Offers.Published offer = offers.publish(chair, new Offers.Draft(story.station.id(), "体检中心", "体检 6 折", "",
                "HEALTH", offers.today().toString(), offers.today().plusDays(30).toString(), "10"));
        long used = offers.claim(s1, offer.id());
        offers.claim(story.stationPeople.get(2), offer.id());
        offers.claim(b1, offer.id());
        vouchers.redeem(vouchers.find(used).orElseThrow().code(), offer.pin());

        // Dues in cash: two this month, one last month.
        YearMonth month = YearMonth.now();
        dues.recordCash(chair, s1.employeeId(), month.toString(), "12.50");
        dues.recordCash(chair, b1.employeeId(), month.toString(), "12.50");
        dues.recordCash(chair, story.stationPeople.get(2).employeeId(), month.minusMonths(1).toString(), "12.50");

        Awaitility.await("the snapshots reach insight").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Section benefits = story.station(sections, "benefits", chair);
            assertThat(values(benefits, "benefits-round-members", 1)).as("collected").containsExactly("2");
            assertThat(value(kpi(benefits, "benefits-spend"))).isEqualTo("1930");
            assertThat(value(kpi(benefits, "benefits-used"))).isEqualTo("1");
            assertThat(value(kpi(benefits, "benefits-claimed"))).isEqualTo("3");
            assertThat(Arrays.asList(value(kpi(benefits, "benefits-dues")), previous(kpi(benefits, "benefits-dues"))))
                    .containsExactly("25", "12.5");
        });
        List<String> live = story.rows(facts, KINDS);
        rebuild.run();
        assertThat(story.rows(facts, KINDS)).isEqualTo(live);

        Section benefits = story.station(sections, "benefits", chair);
        assertThat(Arrays.asList(value(kpi(benefits, "benefits-covered")), previous(kpi(benefits, "benefits-covered"))))
                .containsExactly("7", "0");
        // 250 + 3 × 280 at the station, 3 × 280 at the branch, against 7 × 300
        assertThat(value(kpi(benefits, "benefits-spend"))).isEqualTo("1930");
        assertThat(value(kpi(benefits, "benefits-budget-used"))).isEqualTo("91.9");
        assertThat(previous(kpi(benefits, "benefits-budget-used"))).as("no round last month").isNull();
        assertThat(chart(benefits).categories()).extracting(l -> l.text()).containsExactly(title);
        assertThat(values(benefits, "benefits-rounds", 0)).as("budget").containsExactly("2100");
        assertThat(values(benefits, "benefits-rounds", 1)).as("spend").containsExactly("1930");
        assertThat(values(benefits, "benefits-round-members", 0)).containsExactly("7");
        assertThat(values(benefits, "benefits-offers", 0)).as("claimed by category").startsWith("3", "0");
        assertThat(values(benefits, "benefits-offers", 1)).as("used by category").startsWith("1", "0");
        assertThat(value(kpi(benefits, "benefits-birthdays"))).isEqualTo("0");
        assertThat(values(benefits, "benefits-dues-trend", 1)).as("members paying this month").containsExactly("2");
        assertThat(values(benefits, "benefits-children", 0)).as("the branch's dues").containsExactly("12.5");
        assertThat(values(benefits, "benefits-children", 1)).as("the branch's members covered").containsExactly("3");
    }

    private static Section.Chart chart(Section benefits) {
        return InsightStory.chart(benefits, "benefits-rounds");
    }
}
