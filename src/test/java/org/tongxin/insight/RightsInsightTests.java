package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.InsightStory.chart;
import static org.tongxin.insight.InsightStory.kpi;
import static org.tongxin.insight.InsightStory.previous;
import static org.tongxin.insight.InsightStory.value;
import static org.tongxin.insight.InsightStory.values;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.RightsKinds;
import org.tongxin.insight.internal.Section;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.rights.RightsSetup;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

/**
 * Appeals in insight: the figures kept from the rights module's snapshots equal the figures rebuilt from its history,
 * and the section shows what the story implies, this month against the last, with harassment left out of every
 * figure until five different people have raised it.
 */
class RightsInsightTests extends IntegrationTestSupport {

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    Appeals appeals;
    @Autowired
    RightsSetup rightsSetup;
    @Autowired
    MembershipSetup membership;

    long raise(Viewer who, AppealCategory category) {
        return appeals.raise(who, new Appeals.Raise(category, Appeal.Identity.CONFIDENTIAL, "发生了什么。", "希望怎样。"));
    }

    /** Whether insight has every appeal in the status it has now. */
    boolean caughtUp(List<Long> ids) {
        return jdbc.sql("""
                        SELECT count(*) FROM rights_appeal a JOIN insight_fact f ON f.record = 'appeal:' || a.id
                        WHERE a.id = ANY(?) AND f.kind = 'APPEAL' AND f.outcome = a.status""")
                .param(ids.toArray(Long[]::new)).query(Long.class).single() == ids.size();
    }

    @Test
    void appealsAreCountedTheSameLiveAndRebuiltAndHarassmentOnlyFromFivePeople() {
        Assumptions.assumeTrue(InsightStory.sameMonthAsBeijing());
        InsightStory story = InsightStory.of(fixtures, orgSetup, membership, "诉求看板收费站", 6, 5);
        Viewer chair = Fixtures.officerWithoutCare(story.stationPeople.getFirst().accountId(), story.station.id());
        fixtures.chair(chair.accountId(), story.station.id(), false);
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        List<Viewer> s = story.stationPeople;
        List<Viewer> b = story.branchPeople;

        // Closed satisfied at the station, closed partly satisfied from the branch (handled by the station: the
        // branch has no officers), one waiting to be accepted, one harassment in the committee's hands, one referred
        // to mediation.
        long satisfied = raise(s.get(1), AppealCategory.WAGES);
        appeals.accept(chair, satisfied);
        appeals.reply(chair, satisfied, "已补发。");
        appeals.rate(s.get(1), satisfied, Appeal.Rating.SATISFIED, false);
        long partly = raise(b.get(1), AppealCategory.HOURS);
        appeals.accept(chair, partly);
        appeals.reply(chair, partly, "已安排调休。");
        appeals.rate(b.get(1), partly, Appeal.Rating.PARTLY, false);
        long waiting = raise(s.get(2), AppealCategory.LIVING);
        long harassment = raise(b.get(2), AppealCategory.HARASSMENT);
        appeals.accept(committee, harassment);
        long mediation = raise(s.get(3), AppealCategory.WAGES);
        appeals.accept(chair, mediation);
        appeals.toMediation(chair, mediation);
        List<Long> ids = List.of(satisfied, partly, waiting, harassment, mediation);

        Awaitility.await("the snapshots reach insight").atMost(Duration.ofSeconds(30)).until(() -> caughtUp(ids));
        List<String> live = story.rows(facts, RightsKinds.APPEAL, RightsKinds.APPEAL_RATING);
        rebuild.run();
        assertThat(story.rows(facts, RightsKinds.APPEAL, RightsKinds.APPEAL_RATING)).isEqualTo(live);

        Section rights = story.station(sections, "rights", chair);
        assertThat(value(kpi(rights, "rights-raised"))).as("harassment by one person is left out").isEqualTo("4");
        assertThat(value(kpi(rights, "rights-open"))).isEqualTo("1");
        assertThat(value(kpi(rights, "rights-days"))).isEqualTo("0");
        assertThat(value(kpi(rights, "rights-satisfied"))).isEqualTo("50");
        assertThat(chart(rights, "rights-categories").categories()).extracting(l -> l.code())
                .doesNotContain("insight.rights.category.HARASSMENT");
        assertThat(values(rights, "rights-ratings", 0)).containsExactly("1", "1", "0");
        assertThat(values(rights, "rights-trend", 1).getLast()).as("resolved this month").isEqualTo("3");

        // The satisfied one moves to last month, the waiting one is past its deadline, four more people raise
        // harassment: five people, so it counts everywhere (but in the bars by sub-unit).
        rightsSetup.backdate(satisfied, InsightStory.lastMonth());
        jdbc.sql("UPDATE rights_appeal SET accept_due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), waiting)
                .update();
        List<Long> more = new ArrayList<>(ids);
        for (Viewer who : List.of(s.get(4), s.get(5), b.get(3), b.get(4))) {
            more.add(raise(who, AppealCategory.HARASSMENT));
        }
        Awaitility.await("the new and the moved appeals reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                caughtUp(more) && "1".equals(previous(kpi(story.station(sections, "rights", chair), "rights-raised"))));
        rebuild.run();
        rights = story.station(sections, "rights", chair);
        assertThat(Arrays.asList(value(kpi(rights, "rights-raised")), previous(kpi(rights, "rights-raised"))))
                .containsExactly("8", "1");
        assertThat(Arrays.asList(value(kpi(rights, "rights-open")), previous(kpi(rights, "rights-open"))))
                .containsExactly("6", "0");
        assertThat(value(kpi(rights, "rights-overdue"))).isEqualTo("1");
        assertThat(Arrays.asList(value(kpi(rights, "rights-satisfied")), previous(kpi(rights, "rights-satisfied"))))
                .containsExactly("0", "100");
        assertThat(Arrays.asList(value(kpi(rights, "rights-days")), previous(kpi(rights, "rights-days"))))
                .containsExactly("0", "0");
        assertThat(values(rights, "rights-categories", 0)).as("wages, hours, safety, contract, living, harassment, other")
                .containsExactly("1", "1", "0", "0", "1", "5", "0");
        assertThat(values(rights, "rights-categories", 2)).as("overdue by category")
                .containsExactly("0", "0", "0", "0", "1", "0", "0");
        assertThat(values(rights, "rights-children", 0)).as("the branch's, without harassment").containsExactly("1");
        assertThat(values(rights, "rights-children", 1)).containsExactly("0");
    }
}
