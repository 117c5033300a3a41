package org.tongxin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.insight.InsightStory.kpi;
import static org.tongxin.insight.InsightStory.previous;
import static org.tongxin.insight.InsightStory.value;
import static org.tongxin.insight.InsightStory.values;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.insight.internal.Facts;
import org.tongxin.insight.internal.InsightSection;
import org.tongxin.insight.internal.Rebuild;
import org.tongxin.insight.internal.Section;
import org.tongxin.insight.internal.VoiceKinds;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.VoiceSetup;
import org.tongxin.voice.internal.Evaluations;
import org.tongxin.voice.internal.SuggestionScheme;

/**
 * Suggestions and democratic evaluation in insight: the figures kept from the voice module's snapshots equal the
 * figures rebuilt from its history, and the sections show what the story implies, this month against the last, with
 * evaluation results withheld below five ballots.
 */
class VoiceInsightTests extends IntegrationTestSupport {

    private static final List<String> KINDS = List.of(VoiceKinds.SUGGESTION, VoiceKinds.EVAL_BALLOTS,
            VoiceKinds.EVAL_SCORES, VoiceKinds.EVAL_MARKS, VoiceKinds.EVAL_SATISFIED);

    @Autowired
    Facts facts;
    @Autowired
    Rebuild rebuild;
    @Autowired
    List<InsightSection> sections;
    @Autowired
    SuggestionScheme suggestions;
    @Autowired
    Evaluations evaluations;
    @Autowired
    VoiceSetup voiceSetup;
    @Autowired
    MembershipSetup membership;

    long suggest(Viewer who, String title) {
        return suggestions.submit(who, new SuggestionScheme.Draft(title + System.nanoTime(), "现状", "办法", "", false));
    }

    List<String> rows(InsightStory story) {
        return story.rows(facts, KINDS.toArray(String[]::new));
    }

    @Test
    void suggestionsAndEvaluationsAreCountedTheSameLiveAndRebuilt() {
        InsightStory story = InsightStory.of(fixtures, orgSetup, membership, "建议看板收费站", 8, 4);
        long admin = fixtures.adminAccountId();
        Viewer officer = Fixtures.officerWithoutCare(admin, story.station.id());
        Viewer committee = Fixtures.committee(admin);
        Viewer stationChair = story.stationPeople.getFirst();
        Viewer branchChair = story.branchPeople.getFirst();
        fixtures.chair(stationChair.accountId(), story.station.id(), false);
        fixtures.chair(branchChair.accountId(), story.branch.id(), false);

        // At the station: one recognised with a verified benefit of ¥1,000, one returned; at the branch: one
        // adopted, one just submitted.
        long recognised = suggest(story.stationPeople.get(1), "收费亭防寒");
        suggestions.accept(officer, recognised);
        suggestions.assign(officer, recognised, story.station.id());
        suggestions.adopt(officer, recognised, "");
        suggestions.implemented(officer, recognised, "");
        suggestions.enterValue(officer, recognised, new BigDecimal("1000"), "节约电费");
        suggestions.confirmValue(committee, recognised);
        suggestions.recognise(committee, recognised, "");
        long returned = suggest(story.stationPeople.get(2), "职工之家");
        suggestions.returnIt(officer, returned, "请写具体");
        long adopted = suggest(story.branchPeople.get(1), "夜班热餐");
        suggestions.accept(officer, adopted);
        suggestions.assign(officer, adopted, story.branch.id());
        suggestions.adopt(officer, adopted, "");
        long submitted = suggest(story.branchPeople.get(2), "共享充电宝");

        // Six ballots on the station's chair are counted; three on the branch's stay in the pool (fewer than five).
        long round = evaluations.create(officer, story.station.id(), "看板测试评议" + System.nanoTime(),
                List.of("服务意识", "作风"), LocalDate.now(), LocalDate.now().plusDays(7));
        for (int i = 1; i <= 6; i++) {
            evaluations.vote(story.stationPeople.get(i), round, stationChair.employeeId(),
                    i <= 4 ? List.of(5, 4) : List.of(3, 3), "");
        }
        for (int i = 1; i <= 3; i++) {
            evaluations.vote(story.branchPeople.get(i), round, branchChair.employeeId(), List.of(2, 2), "");
        }
        evaluations.mix();

        Awaitility.await("the snapshots reach insight").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Section voice = story.station(sections, "voice", officer);
            Section evaluation = story.station(sections, "evaluation", officer);
            assertThat(values(voice, "voice-funnel", 0)).isEqualTo(List.of("4", "2", "2", "1", "1"));
            assertThat(value(kpi(voice, "voice-open"))).isEqualTo("2");
            assertThat(value(kpi(voice, "voice-value"))).isEqualTo("1000");
            assertThat(value(kpi(evaluation, "evaluation-ballots"))).isEqualTo("6");
        });
        List<String> live = rows(story);
        rebuild.run();
        assertThat(rows(story)).isEqualTo(live);

        Section voice = story.station(sections, "voice", officer);
        assertThat(value(kpi(voice, "voice-submitted"))).isEqualTo("4");
        assertThat(value(kpi(voice, "voice-adopted"))).isEqualTo("2");
        assertThat(values(voice, "voice-stages", 0)).as("submitted, accepted, assigned, adopted, implemented, verified")
                .isEqualTo(List.of("1", "0", "0", "1", "0", "0"));
        assertThat(values(voice, "voice-children", 0)).as("the branch's submitted").containsExactly("2");
        assertThat(values(voice, "voice-children", 1)).as("the branch's adopted").containsExactly("1");

        Section evaluation = story.station(sections, "evaluation", officer);
        assertThat(value(kpi(evaluation, "evaluation-rounds"))).isEqualTo("1");
        assertThat(value(kpi(evaluation, "evaluation-officers"))).isEqualTo("2");
        // (4 × (5 + 4) + 2 × (3 + 3)) / 12 scores = 48 / 12; four of six ballots average 4 or more
        assertThat(value(kpi(evaluation, "evaluation-average"))).isEqualTo("4");
        assertThat(value(kpi(evaluation, "evaluation-satisfied"))).isEqualTo("66.7");
        assertThat(previous(kpi(evaluation, "evaluation-average"))).as("no ballots last month: withheld").isNull();
        assertThat(values(evaluation, "evaluation-children", 0)).as("the branch: no ballot counted, withheld")
                .containsExactly((String) null);
        Section branchOnly = InsightStory.section(sections, "evaluation", officer, story.branch, List.of());
        assertThat(value(kpi(branchOnly, "evaluation-officers"))).isEqualTo("1");
        assertThat(value(kpi(branchOnly, "evaluation-average"))).isNull();
        assertThat(value(kpi(branchOnly, "evaluation-satisfied"))).isNull();

        // Last month: the recognised and the returned one; the submitted one is overdue now.
        voiceSetup.backdate(recognised, InsightStory.lastMonth(), InsightStory.lastMonth());
        voiceSetup.backdate(returned, InsightStory.lastMonth(), InsightStory.lastMonth());
        jdbc.sql("UPDATE voice_suggestion SET due_on = ? WHERE id = ?").params(LocalDate.now().minusDays(1), submitted)
                .update();
        // Moved in time, they are published again; the deadline changed above is only seen by a rebuild.
        Awaitility.await("the moved suggestions reach insight").atMost(Duration.ofSeconds(30)).until(() ->
                "2".equals(previous(kpi(story.station(sections, "voice", officer), "voice-submitted"))));
        rebuild.run();
        voice = story.station(sections, "voice", officer);
        assertThat(Arrays.asList(value(kpi(voice, "voice-submitted")), previous(kpi(voice, "voice-submitted"))))
                .containsExactly("2", "2");
        assertThat(Arrays.asList(value(kpi(voice, "voice-adopted")), previous(kpi(voice, "voice-adopted"))))
                .containsExactly("1", "1");
        assertThat(Arrays.asList(value(kpi(voice, "voice-value")), previous(kpi(voice, "voice-value"))))
                .containsExactly("0", "1000");
        assertThat(Arrays.asList(value(kpi(voice, "voice-open")), previous(kpi(voice, "voice-open"))))
                .containsExactly("2", "0");
        assertThat(value(kpi(voice, "voice-overdue"))).isEqualTo("1");
        assertThat(values(voice, "voice-stages", 1)).as("overdue by stage").isEqualTo(List.of("1", "0", "0", "0", "0", "0"));
        assertThat(values(voice, "voice-funnel", 0)).isEqualTo(List.of("2", "1", "1", "0", "0"));
    }
}
