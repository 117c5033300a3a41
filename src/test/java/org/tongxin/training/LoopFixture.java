package org.tongxin.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.org.OrgSetup;
import org.tongxin.org.OrgUnit;
import org.tongxin.org.UnitKind;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;

/**
 * A grassroots union with a team below it and people in both, its officer, an officer of a unit beside it, a
 * small bank of two skills, an exam drawing all of it, and a published two-lesson retraining course.
 */
final class LoopFixture {

    final Fixtures.UnitWithDepartment unit;
    final OrgUnit team;
    final Fixtures.UnitWithDepartment beside;
    final List<OrgSetup.HrRow> rows = new ArrayList<>();
    final List<Viewer> people = new ArrayList<>();
    final List<Viewer> teamPeople = new ArrayList<>();
    final Viewer officer;
    final Viewer besideOfficer;
    final String safety;
    final String media;
    final long exam;
    final long course;
    private final TrainingSetup training;

    LoopFixture(Fixtures fixtures, OrgSetup orgSetup, TrainingSetup training, String name) {
        this.training = training;
        unit = fixtures.grassroots(name + "工会");
        beside = fixtures.grassroots(name + "旁站工会");
        team = orgSetup.createUnit(unit.unit().id(), name + "一班", UnitKind.GROUP);
        String teamCode = "TM" + System.nanoTime() % 1_000_000;
        orgSetup.createDepartment(teamCode, name + "一班", team.id());
        List<OrgSetup.HrRow> teamRows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        for (int i = 0; i < 2; i++) {
            teamRows.add(Fixtures.row(teamCode));
        }
        List<OrgSetup.HrRow> all = new ArrayList<>(rows);
        all.addAll(teamRows);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), name + ".csv", all);
        for (OrgSetup.HrRow r : rows) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        for (OrgSetup.HrRow r : teamRows) {
            long id = fixtures.employeeId(r.employeeNo());
            teamPeople.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        rows.addAll(teamRows);
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        besideOfficer = Fixtures.officer(fixtures.adminAccountId(), beside.unit().id());
        long serial = System.nanoTime() % 1_000_000;
        safety = "安全" + serial;
        media = "宣传" + serial;
        List<TrainingSetup.Question> bank = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            bank.add(TrainingSetup.Question.single(safety, 1, "安全题 " + i, i, "因为 " + i, "甲", "乙", "丙"));
            bank.add(TrainingSetup.Question.trueFalse(media, 1, "宣传题 " + i, i == 0, "理由 " + i));
        }
        training.questions(officer, bank);
        exam = training.exam(officer, unit.unit().id(), name + "测验", 30, 60, List.of(
                new TrainingSetup.Rule("SINGLE", safety, 2, new BigDecimal("25")),
                new TrainingSetup.Rule("TRUE_FALSE", media, 2, new BigDecimal("25"))));
        course = training.course(officer, unit.unit().id(), name + "补训", "补训课程", "EMPLOYEES", unit.unit().id(), null,
                List.of(new TrainingSetup.Lesson("第一课", "第一课的正文"), new TrainingSetup.Lesson("第二课", "第二课的正文")));
    }

    /** An assessment of the unit with a pass mark of 60 over a period that includes today. */
    long assessment(String title) {
        return training.assessment(officer, title, exam, course, unit.unit().id(), 60, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(20), 12);
    }

    String employeeNo(Viewer person) {
        int i = people.indexOf(person);
        return i >= 0 ? rows.get(i).employeeNo() : rows.get(people.size() + teamPeople.indexOf(person)).employeeNo();
    }
}
