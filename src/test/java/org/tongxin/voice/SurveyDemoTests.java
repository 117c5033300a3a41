package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.shared.security.Role;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.SurveyResults;
import org.tongxin.voice.internal.Surveys;

/** The demo enterprise's surveys, as the demo logins find them. */
class SurveyDemoTests extends IntegrationTestSupport {

    @Autowired
    Surveys surveys;
    @Autowired
    SurveyResults results;

    private long surveyId(String title) {
        return jdbc.sql("SELECT id FROM voice_survey WHERE title = ? ORDER BY id LIMIT 1").param(title).query(Long.class)
                .single();
    }

    private long unitId(String name) {
        return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(name).query(Long.class).single();
    }

    private Viewer demoEmployee() {
        long id = fixtures.employeeId("100090");
        return new Viewer(fixtures.accountId(id), id, "demo", Set.of(Role.EMPLOYEE), Set.of(), Set.of(), false);
    }

    @Test
    void anAnonymousCanteenSurveyAtTheCompanyWithFortyResponsesThatTheDemoEmployeeCanStillAnswer() {
        long canteen = surveyId("职工食堂满意度调查");
        Surveys.Survey s = surveys.find(canteen);
        long company = jdbc.sql("SELECT id FROM org_unit WHERE kind = 'COMPANY_UNION' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        assertThat(s.unitId()).isEqualTo(company);
        assertThat(s.anonymous()).isTrue();
        assertThat(s.open(surveys.today())).isTrue();
        Viewer committee = new Viewer(fixtures.adminAccountId(), null, "committee", Set.of(Role.COMMITTEE), Set.of(),
                Set.of(), false);
        SurveyResults.Results r = results.results(committee, canteen);
        assertThat(r.responded()).isGreaterThanOrEqualTo(40);
        assertThat(r.counted()).as("all forty counted, in groups").isGreaterThanOrEqualTo(40);
        assertThat(r.shown()).isTrue();
        assertThat(r.lines()).hasSize(7);
        assertThat(r.lines().get(1).mean()).isBetween(3.0, 4.5);
        assertThat(r.lines().get(6).texts()).isNotEmpty().allSatisfy(t -> assertThat(t.name()).isNull());
        assertThat(jdbc.sql("SELECT count(*) FROM voice_survey_response WHERE survey_id = ?").param(canteen)
                .query(Long.class).single()).isZero();

        Viewer employee = demoEmployee();
        assertThat(surveys.openFor(employee)).extracting(Surveys.Survey::id).contains(canteen);
        assertThat(surveys.hasResponded(employee, canteen)).as("left for the demo employee to answer").isFalse();

        long culture = surveyId("并购后文化融合调查");
        Surveys.Survey c = surveys.find(culture);
        assertThat(c.state(surveys.today())).isEqualTo("CLOSED");
        assertThat(results.results(committee, culture).counted()).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_survey_pool WHERE survey_id IN (?, ?)").params(canteen, culture)
                .query(Long.class).single()).as("nothing left in the pool").isZero();
    }

    @Test
    void aSmallNamedSurveyAtTheStationThatTheDemoEmployeeHasAnswered() {
        long home = surveyId("职工之家活动意向调查");
        Surveys.Survey s = surveys.find(home);
        long station = unitId("蒲江收费站分会");
        assertThat(s.unitId()).isEqualTo(station);
        assertThat(s.anonymous()).isFalse();
        assertThat(s.open(surveys.today())).isTrue();
        assertThat(surveys.hasResponded(demoEmployee(), home)).isTrue();
        Viewer officer = new Viewer(fixtures.adminAccountId(), null, "officer", Set.of(Role.OFFICER), Set.of(station),
                Set.of(), false);
        SurveyResults.Results r = results.results(officer, home);
        assertThat(r.responded()).isBetween(4L, 10L);
        assertThat(r.lines().get(3).texts()).isNotEmpty().allSatisfy(t -> assertThat(t.name()).isNotBlank());
        assertThat(r.rate()).isPositive();
    }
}
