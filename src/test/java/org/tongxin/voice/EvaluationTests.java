package org.tongxin.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.voice.internal.Evaluations;

/**
 * The secret evaluation of officers: one ballot per member per officer, results only in aggregate and only from
 * five ballots, and — inspected in the schema and the data — nothing that links a ballot to its voter.
 */
class EvaluationTests extends IntegrationTestSupport {

    private static final List<String> CRITERIA = List.of("服务意识", "创新能力", "网络能力", "作风");

    @Autowired
    Evaluations evaluations;
    @Autowired
    MembershipSetup membership;

    Fixtures.UnitWithDepartment unit;
    Viewer organiser;
    long chair;
    List<Viewer> members = new ArrayList<>();
    Viewer nonMember;
    long round;

    @BeforeEach
    void aUnitWithAChairAndMembers() {
        unit = fixtures.grassroots("评议测试工会");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "evaluation.csv", rows);
        members.clear();
        for (OrgSetup.HrRow r : rows.subList(0, 7)) {
            long id = fixtures.employeeId(r.employeeNo());
            membership.enrol(id, unit.unit().id(), LocalDate.now().minusYears(2));
            members.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long plain = fixtures.employeeId(rows.get(7).employeeNo());
        nonMember = Fixtures.employee(fixtures.accountId(plain), plain);
        chair = members.getFirst().employeeId();
        fixtures.chair(members.getFirst().accountId(), unit.unit().id(), false);
        organiser = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        round = evaluations.create(organiser, unit.unit().id(), "2026年度工会干部民主评议", CRITERIA,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(7));
    }

    @Test
    void membersVoteOnceAndResultsShowOnlyInAggregateFromFiveBallots() {
        Viewer first = members.get(1);
        assertThat(evaluations.evalueesFor(first, round)).containsExactly(chair);
        assertThat(evaluations.evalueesFor(members.getFirst(), round)).as("nobody evaluates themselves").isEmpty();
        assertThat(evaluations.evalueesFor(nonMember, round)).as("members only").isEmpty();
        assertThatThrownBy(() -> evaluations.vote(nonMember, round, chair, List.of(5, 5, 5, 5), ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evaluations.vote(first, round, chair, List.of(5, 6, 5, 5), ""))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.scores");
        evaluations.vote(first, round, chair, List.of(5, 4, 4, 5), "服务热情");
        assertThat(evaluations.hasVoted(first, round, chair)).isTrue();
        assertThatThrownBy(() -> evaluations.vote(first, round, chair, List.of(1, 1, 1, 1), ""))
                .isInstanceOf(Refusal.class).hasMessage("voice.error.alreadyVoted");

        for (int i = 2; i < 5; i++) {
            evaluations.vote(members.get(i), round, chair, List.of(4, 4, 3, 5), "");
        }
        evaluations.mix();
        Evaluations.Result four = evaluations.results(organiser, round).getFirst();
        assertThat(four.ballots()).as("four ballots stay in the pool: not a group of five yet").isZero();
        assertThat(four.shown()).isFalse();
        assertThat(four.averages()).isEmpty();

        evaluations.vote(members.get(5), round, chair, List.of(3, 4, 5, 5), "希望多下基层");
        assertThat(evaluations.mix()).isEqualTo(5);
        Evaluations.Result five = evaluations.results(organiser, round).getFirst();
        assertThat(five.shown()).isTrue();
        assertThat(five.ballots()).isEqualTo(5);
        assertThat(five.averages().getFirst()).isEqualTo((5 + 4 + 4 + 4 + 3) / 5.0);
        assertThat(five.comments()).containsExactlyInAnyOrder("服务热情", "希望多下基层");
        assertThatThrownBy(() -> evaluations.results(Fixtures.officer(fixtures.adminAccountId(),
                fixtures.grassroots("评议旁站工会").unit().id()), round)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void nothingInTheSchemaOrTheDataLinksABallotToItsVoter() {
        for (int i = 1; i < 7; i++) {
            evaluations.vote(members.get(i), round, chair, List.of(1 + i % 5, 3, 4, 5), "");
        }
        evaluations.mix();

        List<String> ballotColumns = jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_name IN ('voice_ballot', 'voice_ballot_pool')""").query(String.class).list();
        assertThat(ballotColumns).doesNotContain("voter_id", "employee_id", "account_id", "created_at", "at")
                .allSatisfy(c -> assertThat(c).doesNotContain("voter").doesNotContain("time").doesNotContain("_at"));
        List<String> ballotTypes = jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_name IN ('voice_ballot', 'voice_ballot_pool', 'voice_voted')""").query(String.class).list();
        assertThat(ballotTypes).as("no time of any kind").noneMatch(t -> t.contains("time") || t.contains("date"));
        assertThat(jdbc.sql("""
                        SELECT column_name FROM information_schema.columns WHERE table_name = 'voice_voted'""")
                .query(String.class).list()).containsExactlyInAnyOrder("evaluation_id", "evaluee_id", "voter_id");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.table_constraints
                        WHERE table_name IN ('voice_ballot', 'voice_voted') AND constraint_type = 'FOREIGN KEY'
                          AND constraint_name LIKE '%voted%ballot%'""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT column_default FROM information_schema.columns WHERE table_name = 'voice_ballot' "
                + "AND column_name = 'id'").query(String.class).single()).as("random ids, not a sequence")
                .contains("gen_random_uuid");

        // Rows written in one transaction share its id: the counted ballots must share none with the voters' rows.
        Set<String> voterTransactions = new HashSet<>(jdbc.sql(
                "SELECT xmin::text FROM voice_voted WHERE evaluation_id = ?").param(round).query(String.class).list());
        List<String> ballotTransactions = jdbc.sql("SELECT xmin::text FROM voice_ballot WHERE evaluation_id = ?")
                .param(round).query(String.class).list();
        assertThat(ballotTransactions).hasSize(6).noneMatch(voterTransactions::contains);
        assertThat(new HashSet<>(ballotTransactions)).as("moved together, as one group").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM voice_ballot_pool WHERE evaluation_id = ?").param(round)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'voice.vote%'").query(Long.class)
                .single()).as("votes are not in the audit trail").isZero();
    }
}
