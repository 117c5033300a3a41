package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.SurveyResults;
import org.tongxin.voice.internal.Surveys;
import org.tongxin.voice.internal.Surveys.QuestionDraft;

/**
 * Surveys: one response per person (the database refuses a second), required questions, nothing half-saved, closed
 * and not-yet-open surveys refused, the audience checked, questions fixed from the first response, results counted
 * right — and, inspected in the schema and the data, nothing that links an anonymous survey's answers to anyone.
 */
class SurveyTests extends IntegrationTestSupport {

    @Autowired
    Surveys surveys;
    @Autowired
    SurveyResults results;
    @Autowired
    MembershipSetup membership;

    Fixtures.UnitWithDepartment unit;
    Viewer officer;
    List<Viewer> members = new ArrayList<>();
    Viewer nonMember;
    Viewer elsewhere;
    Viewer otherOfficer;

    @BeforeEach
    void aUnitWithMembersAndAnotherUnit() {
        unit = fixtures.grassroots("问卷测试工会");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("问卷旁站工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        OrgSetup.HrRow outsider = Fixtures.row(other.departmentCode());
        List<OrgSetup.HrRow> all = new ArrayList<>(rows);
        all.add(outsider);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "survey.csv", all);
        members.clear();
        for (OrgSetup.HrRow r : rows.subList(0, 8)) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unit.unit().id(), LocalDate.now().minusYears(1));
            members.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long plain = fixtures.employeeId(rows.get(8).employeeNo());
        nonMember = Fixtures.employee(fixtures.accountId(plain), plain);
        long out = fixtures.employeeId(outsider.employeeNo());
        elsewhere = Fixtures.employee(fixtures.accountId(out), out);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        otherOfficer = Fixtures.officer(fixtures.adminAccountId(), other.unit().id());
    }

    private long survey(boolean anonymous, String audience, LocalDate opensOn) {
        long id = surveys.create(officer, unit.unit().id(), new Surveys.Settings("班组满意度调查", "请如实填写。", audience,
                opensOn, LocalDate.now().plusDays(7), anonymous));
        surveys.addQuestion(officer, id, new QuestionDraft("SINGLE", "你在哪个班组？", true, List.of("一班", "二班", "三班"),
                null, null, null, null));
        surveys.addQuestion(officer, id, new QuestionDraft("MULTIPLE", "希望改进什么？", false,
                List.of("排班", "伙食", "宿舍", "培训"), 2, null, null, null));
        surveys.addQuestion(officer, id, new QuestionDraft("SCALE", "总体满意度", true, List.of(), null, 5, "很不满意",
                "非常满意"));
        surveys.addQuestion(officer, id, new QuestionDraft("TEXT", "其他意见", false, List.of(), null, null, null, null));
        return id;
    }

    private List<Long> questionIds(long survey) {
        return surveys.questions(survey).stream().map(Surveys.Question::id).toList();
    }

    private Map<Long, List<String>> answers(long survey, List<String> single, List<String> multiple, List<String> scale,
                                            List<String> text) {
        List<Long> q = questionIds(survey);
        Map<Long, List<String>> out = new HashMap<>();
        out.put(q.get(0), single);
        out.put(q.get(1), multiple);
        out.put(q.get(2), scale);
        out.put(q.get(3), text);
        return out;
    }

    private long count(String sql, long survey) {
        return jdbc.sql(sql).param(survey).query(Long.class).single();
    }

    @Test
    void eachPersonAnswersOnceEveryRequiredQuestionAndNothingIsHalfSaved() {
        long id = survey(false, "EMPLOYEES", LocalDate.now());
        List<Long> q = questionIds(id);
        surveys.publish(officer, id);
        Viewer first = members.getFirst();

        assertThatThrownBy(() -> surveys.respond(first, id, answers(id, List.of(), List.of(), List.of("4"), List.of())))
                .isInstanceOfSatisfying(Surveys.BadAnswer.class, b -> {
                    assertThat(b.messageKey()).isEqualTo("voice.error.survey.required");
                    assertThat(b.questionId()).isEqualTo(q.get(0));
                    assertThat(b.number()).isEqualTo(1);
                });
        assertThatThrownBy(() -> surveys.respond(first, id, answers(id, List.of("1"), List.of("0", "1", "2"), List.of("4"),
                List.of()))).isInstanceOf(Surveys.BadAnswer.class).hasMessage("voice.error.survey.tooManyChoices");
        assertThatThrownBy(() -> surveys.respond(first, id, answers(id, List.of("3"), List.of(), List.of("4"), List.of())))
                .isInstanceOf(Surveys.BadAnswer.class).hasMessage("voice.error.survey.badAnswer");
        assertThatThrownBy(() -> surveys.respond(first, id, answers(id, List.of("0"), List.of(), List.of("6"), List.of())))
                .isInstanceOf(Surveys.BadAnswer.class).hasMessage("voice.error.survey.badAnswer");
        assertThatThrownBy(() -> surveys.respond(first, id, answers(id, List.of("0"), List.of(), List.of("3"),
                List.of("长".repeat(1001))))).isInstanceOf(Surveys.BadAnswer.class).hasMessage("voice.error.survey.tooLong");
        assertThat(count("SELECT count(*) FROM voice_survey_responded WHERE survey_id = ?", id)).as("nothing half-saved")
                .isZero();
        assertThat(count("SELECT count(*) FROM voice_survey_response WHERE survey_id = ?", id)).isZero();

        surveys.respond(first, id, answers(id, List.of("1"), List.of("2", "0"), List.of("4"), List.of(" 宿舍太吵 ")));
        assertThat(surveys.hasResponded(first, id)).isTrue();
        assertThat(jdbc.sql("SELECT answers::text FROM voice_survey_response WHERE survey_id = ? AND employee_id = ?")
                .params(id, first.employeeId()).query(String.class).single())
                .contains("\"" + q.get(0) + "\": 1", "\"" + q.get(1) + "\": [0, 2]", "\"" + q.get(2) + "\": 4",
                        "\"" + q.get(3) + "\": \"宿舍太吵\"");
        assertThatThrownBy(() -> surveys.respond(first, id, answers(id, List.of("0"), List.of(), List.of("1"), List.of())))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.survey.alreadyResponded");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO voice_survey_responded (survey_id, employee_id) VALUES (?, ?)")
                .params(id, first.employeeId()).update()).as("the database refuses a second response")
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO voice_survey_pool (survey_id, answers) VALUES (?, '{}')").param(id)
                .update()).as("a named survey has no anonymous answers").isInstanceOf(DataAccessException.class);

        // From the first response the questions are fixed, and anonymity is fixed from publication.
        assertThatThrownBy(() -> surveys.addQuestion(officer, id, new QuestionDraft("TEXT", "补充", false, List.of(), null,
                null, null, null))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.locked");
        assertThatThrownBy(() -> surveys.removeQuestion(officer, id, q.get(3))).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.survey.locked");
        assertThatThrownBy(() -> jdbc.sql("UPDATE voice_survey_question SET prompt = '改过了' WHERE id = ?").param(q.get(0))
                .update()).as("refused by the database too").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE voice_survey SET anonymous = true WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE voice_survey SET status = 'DRAFT', published_at = NULL WHERE id = ?")
                .param(id).update()).isInstanceOf(DataAccessException.class);
        assertThat(surveys.questions(id)).extracting(Surveys.Question::prompt).containsExactly("你在哪个班组？",
                "希望改进什么？", "总体满意度", "其他意见");
    }

    @Test
    void questionsAreWrittenInOrderAndChangeOnlyBeforeTheFirstResponse() {
        long id = survey(true, "EMPLOYEES", LocalDate.now());
        List<Long> q = questionIds(id);
        surveys.moveQuestion(officer, id, q.get(2), -1);
        assertThat(questionIds(id)).containsExactly(q.get(0), q.get(2), q.get(1), q.get(3));
        assertThatThrownBy(() -> surveys.moveQuestion(officer, id, q.get(0), -1)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.survey.cannotMove");
        surveys.removeQuestion(officer, id, q.get(2));
        assertThat(surveys.questions(id)).extracting(Surveys.Question::position).containsExactly(1, 2, 3);
        surveys.updateQuestion(officer, id, q.get(1), new QuestionDraft("MULTIPLE", "希望改进什么？（可多选）", true,
                List.of("排班", "伙食", "排班", " "), null, null, null, null));
        assertThat(surveys.question(id, q.get(1)).options()).as("blank and repeated options dropped")
                .containsExactly("排班", "伙食");
        assertThatThrownBy(() -> surveys.addQuestion(officer, id, new QuestionDraft("SINGLE", "只有一个选项", true,
                List.of("是"), null, null, null, null))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.options");
        assertThatThrownBy(() -> surveys.addQuestion(officer, id, new QuestionDraft("SCALE", "打分", true, List.of(), null,
                7, null, null))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.scale");
        surveys.update(officer, id, new Surveys.Settings("改名后的问卷", "", "MEMBERS", LocalDate.now(),
                LocalDate.now().plusDays(3), false));
        assertThat(surveys.find(id).anonymous()).isFalse();
        surveys.publish(officer, id);
        assertThatThrownBy(() -> surveys.update(officer, id, new Surveys.Settings("再改", "", "MEMBERS", LocalDate.now(),
                LocalDate.now().plusDays(3), true))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.notDraft");
        assertThatThrownBy(() -> surveys.delete(officer, id)).isInstanceOf(Refusal.class);

        long empty = surveys.create(officer, unit.unit().id(), new Surveys.Settings("空问卷", "", "EMPLOYEES",
                LocalDate.now(), LocalDate.now(), false));
        assertThatThrownBy(() -> surveys.publish(officer, empty)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.survey.noQuestions");
        surveys.delete(officer, empty);
        assertThatThrownBy(() -> surveys.find(empty)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_type = 'voice_survey' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).as("every change audited").isGreaterThanOrEqualTo(10);
    }

    @Test
    void closedAndNotYetOpenSurveysTakeNoAnswers() {
        long later = survey(false, "EMPLOYEES", LocalDate.now().plusDays(2));
        surveys.publish(officer, later);
        assertThat(surveys.find(later).state(surveys.today())).isEqualTo("SCHEDULED");
        assertThatThrownBy(() -> surveys.respond(members.getFirst(), later, answers(later, List.of("0"), List.of(),
                List.of("3"), List.of()))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.notYetOpen");

        long early = survey(false, "EMPLOYEES", LocalDate.now());
        surveys.publish(officer, early);
        surveys.respond(members.get(1), early, answers(early, List.of("0"), List.of(), List.of("3"), List.of()));
        surveys.close(officer, early);
        assertThat(surveys.find(early).state(surveys.today())).isEqualTo("CLOSED");
        assertThatThrownBy(() -> surveys.respond(members.getFirst(), early, answers(early, List.of("0"), List.of(),
                List.of("3"), List.of()))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.closed");
        assertThatThrownBy(() -> surveys.close(officer, early)).isInstanceOf(Refusal.class)
                .hasMessage("voice.error.survey.notOpen");

        long past = survey(false, "EMPLOYEES", LocalDate.now());
        surveys.publish(officer, past);
        jdbc.sql("UPDATE voice_survey SET opens_on = current_date - 9, closes_on = current_date - 1 WHERE id = ?")
                .param(past).update();
        assertThatThrownBy(() -> surveys.respond(members.getFirst(), past, answers(past, List.of("0"), List.of(),
                List.of("3"), List.of()))).isInstanceOf(Refusal.class).hasMessage("voice.error.survey.closed");
        assertThat(surveys.openFor(members.getFirst())).extracting(Surveys.Survey::id).doesNotContain(later, early, past);
        assertThat(count("SELECT count(*) FROM voice_survey_responded WHERE survey_id = ?", early)).isOne();
    }

    @Test
    void onlyTheAudienceSeesAndAnswers() {
        long forMembers = survey(false, "MEMBERS", LocalDate.now());
        long draft = survey(false, "EMPLOYEES", LocalDate.now());
        assertThatThrownBy(() -> surveys.forRespondent(members.getFirst(), forMembers)).as("a draft is nobody's")
                .isInstanceOf(NotFoundException.class);
        surveys.publish(officer, forMembers);
        Map<Long, List<String>> ok = answers(forMembers, List.of("2"), List.of("1"), List.of("5"), List.of());
        assertThatThrownBy(() -> surveys.respond(nonMember, forMembers, ok)).as("members only")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> surveys.respond(elsewhere, forMembers, ok)).as("another unit's employee")
                .isInstanceOf(NotFoundException.class);
        assertThat(surveys.openFor(nonMember)).extracting(Surveys.Survey::id).doesNotContain(forMembers);
        assertThat(surveys.openFor(elsewhere)).extracting(Surveys.Survey::id).doesNotContain(forMembers);
        assertThat(surveys.openFor(members.getFirst())).extracting(Surveys.Survey::id).contains(forMembers)
                .doesNotContain(draft);
        surveys.respond(members.getFirst(), forMembers, ok);
        assertThat(surveys.audienceSize(surveys.find(forMembers))).isEqualTo(8);
        assertThat(surveys.audienceSize(surveys.find(draft))).isEqualTo(9);

        // Officers of another unit neither see nor write the unit's surveys.
        assertThatThrownBy(() -> surveys.forOfficer(otherOfficer, forMembers)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> results.results(otherOfficer, forMembers)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> results.export(otherOfficer, forMembers)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> surveys.close(otherOfficer, forMembers)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> surveys.create(otherOfficer, unit.unit().id(), new Surveys.Settings("越权", "",
                "EMPLOYEES", LocalDate.now(), LocalDate.now(), false))).isInstanceOf(RuntimeException.class);
        assertThat(surveys.ofOfficer(otherOfficer)).extracting(Surveys.Survey::id).doesNotContain(forMembers, draft);
        assertThat(surveys.ofOfficer(officer)).extracting(Surveys.Survey::id).contains(forMembers, draft);
    }

    @Test
    void resultsCountEachOptionAndScoreAndShowNamesOnlyOnNamedSurveys() {
        long named = survey(false, "EMPLOYEES", LocalDate.now());
        surveys.publish(officer, named);
        surveys.respond(members.get(0), named, answers(named, List.of("0"), List.of("0", "1"), List.of("5"),
                List.of("多组织培训")));
        surveys.respond(members.get(1), named, answers(named, List.of("0"), List.of("1"), List.of("4"), List.of()));
        surveys.respond(members.get(2), named, answers(named, List.of("2"), List.of(), List.of("2"), List.of()));
        surveys.respond(nonMember, named, answers(named, List.of("1"), List.of("1", "3"), List.of("4"), List.of("宿舍漏水")));
        SurveyResults.Results r = results.results(officer, named);
        assertThat(r.shown()).isTrue();
        assertThat(r.responded()).isEqualTo(4);
        assertThat(r.audience()).isEqualTo(9);
        assertThat(r.rate()).isCloseTo(4 * 100.0 / 9, org.assertj.core.data.Offset.offset(0.01));
        SurveyResults.QuestionResult single = r.lines().get(0);
        assertThat(single.answered()).isEqualTo(4);
        assertThat(single.bars()).extracting(SurveyResults.Bar::label).containsExactly("一班", "二班", "三班");
        assertThat(single.bars()).extracting(SurveyResults.Bar::count).containsExactly(2, 1, 1);
        assertThat(single.bars()).extracting(SurveyResults.Bar::percent).containsExactly(50.0, 25.0, 25.0);
        SurveyResults.QuestionResult multiple = r.lines().get(1);
        assertThat(multiple.answered()).as("one left it out").isEqualTo(3);
        assertThat(multiple.bars()).extracting(SurveyResults.Bar::count).containsExactly(1, 3, 0, 1);
        assertThat(multiple.bars().get(1).percent()).isEqualTo(100.0);
        SurveyResults.QuestionResult scale = r.lines().get(2);
        assertThat(scale.mean()).isEqualTo((5 + 4 + 2 + 4) / 4.0);
        assertThat(scale.bars()).extracting(SurveyResults.Bar::count).containsExactly(0, 1, 0, 2, 1);
        assertThat(r.lines().get(3).texts()).extracting(SurveyResults.Text::text).containsExactly("多组织培训", "宿舍漏水");
        assertThat(r.lines().get(3).texts()).allSatisfy(t -> assertThat(t.name()).isNotBlank());

        long anonymous = survey(true, "EMPLOYEES", LocalDate.now());
        surveys.publish(officer, anonymous);
        for (int i = 0; i < 4; i++) {
            surveys.respond(members.get(i), anonymous, answers(anonymous, List.of("1"), List.of(), List.of("3"),
                    List.of("意见" + i)));
        }
        surveys.mix();
        SurveyResults.Results four = results.results(officer, anonymous);
        assertThat(four.responded()).isEqualTo(4);
        assertThat(four.counted()).isZero();
        assertThat(four.shown()).as("fewer than five: nothing shown").isFalse();
        assertThat(four.lines()).isEmpty();
        assertThat(results.export(officer, anonymous).rows()).isEmpty();
        surveys.respond(members.get(4), anonymous, answers(anonymous, List.of("2"), List.of("3"), List.of("1"),
                List.of()));
        assertThat(surveys.mix()).isEqualTo(5);
        SurveyResults.Results five = results.results(officer, anonymous);
        assertThat(five.shown()).isTrue();
        assertThat(five.lines().get(2).mean()).isEqualTo((3 * 4 + 1) / 5.0);
        assertThat(five.lines().get(3).texts()).extracting(SurveyResults.Text::text)
                .containsExactlyInAnyOrder("意见0", "意见1", "意见2", "意见3");
        assertThat(five.lines().get(3).texts()).as("no names on an anonymous survey")
                .allSatisfy(t -> assertThat(t.name()).isNull());
        assertThat(results.export(officer, anonymous).rows()).hasSize(5)
                .allSatisfy(row -> assertThat(row.name()).isNull())
                .allSatisfy(row -> assertThat(row.employeeNo()).isNull())
                .allSatisfy(row -> assertThat(row.at()).isNull());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'voice.survey.export' AND target_id = ?")
                .param(Long.toString(anonymous)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void nothingInTheSchemaOrTheDataLinksAnAnonymousAnswerToItsRespondent() {
        long id = survey(true, "MEMBERS", LocalDate.now());
        surveys.publish(officer, id);
        for (int i = 0; i < 6; i++) {
            surveys.respond(members.get(i), id, answers(id, List.of(Integer.toString(i % 3)), List.of(),
                    List.of(Integer.toString(1 + i % 5)), List.of()));
        }
        assertThat(surveys.mix()).isEqualTo(6);
        surveys.respond(members.get(6), id, answers(id, List.of("0"), List.of(), List.of("5"), List.of()));
        surveys.respond(members.get(7), id, answers(id, List.of("1"), List.of(), List.of("4"), List.of()));
        assertThat(surveys.mix()).as("two wait in the pool").isZero();
        surveys.close(officer, id);

        List<String> answerColumns = jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_name IN ('voice_survey_ballot', 'voice_survey_pool')""").query(String.class).list();
        assertThat(new HashSet<>(answerColumns)).containsExactlyInAnyOrder("id", "survey_id", "answers");
        List<String> types = jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_name IN ('voice_survey_ballot', 'voice_survey_pool', 'voice_survey_responded')""")
                .query(String.class).list();
        assertThat(types).as("no time of any kind").noneMatch(t -> t.contains("time") || t.contains("date"));
        assertThat(jdbc.sql("""
                        SELECT column_name FROM information_schema.columns WHERE table_name = 'voice_survey_responded'""")
                .query(String.class).list()).containsExactlyInAnyOrder("survey_id", "employee_id");
        assertThat(jdbc.sql("""
                        SELECT column_default FROM information_schema.columns
                        WHERE table_name = 'voice_survey_ballot' AND column_name = 'id'""").query(String.class).single())
                .as("random ids, not a sequence").contains("gen_random_uuid");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.referential_constraints r
                          JOIN information_schema.table_constraints t ON t.constraint_name = r.constraint_name
                        WHERE t.table_name IN ('voice_survey_ballot', 'voice_survey_pool', 'voice_survey_responded')
                          AND r.unique_constraint_name NOT IN (SELECT constraint_name FROM information_schema.table_constraints
                                                               WHERE table_name = 'voice_survey')""")
                .query(Long.class).single()).as("they refer to the survey and nothing else").isZero();
        assertThat(count("SELECT count(*) FROM voice_survey_response WHERE survey_id = ?", id))
                .as("no named answers on an anonymous survey").isZero();

        // Rows written in one transaction share its id: the counted answers share none with the respondents' rows.
        // The two left at closing are never counted: results read before and after them would tell their answers.
        Set<String> respondents = new HashSet<>(jdbc.sql("SELECT xmin::text FROM voice_survey_responded WHERE survey_id = ?")
                .param(id).query(String.class).list());
        assertThat(respondents).hasSize(8);
        List<String> answers = jdbc.sql("SELECT xmin::text FROM voice_survey_ballot WHERE survey_id = ?").param(id)
                .query(String.class).list();
        assertThat(answers).hasSize(6).noneMatch(respondents::contains);
        assertThat(new HashSet<>(answers)).as("the six moved together").hasSize(1);
        assertThat(surveys.mix()).as("closed, and still fewer than five waiting").isZero();
        assertThat(count("SELECT count(*) FROM voice_survey_pool WHERE survey_id = ?", id)).isEqualTo(2);
        SurveyResults.Results shown = results.results(officer, id);
        assertThat(shown.responded()).isEqualTo(8);
        assertThat(shown.counted()).as("the two withheld").isEqualTo(6);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE target_type = 'voice_survey' AND target_id = ?
                          AND action NOT IN ('voice.survey.create', 'voice.survey.question.add', 'voice.survey.publish',
                                             'voice.survey.close')""")
                .param(Long.toString(id)).query(Long.class).single()).as("responses are not in the audit trail").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'voice.survey.respon%'")
                .query(Long.class).single()).isZero();
    }
}
