package org.tongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.org.OrgSetup;
import org.tongxin.rights.internal.Appeal;
import org.tongxin.rights.internal.AppealCategory;
import org.tongxin.rights.internal.Appeals;
import org.tongxin.rights.internal.RightsFigures;
import org.tongxin.shared.security.OutOfScopeException;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

class RightsFiguresTests extends PageTestSupport {

    @Autowired
    Appeals appeals;
    @Autowired
    RightsFigures figures;

    Fixtures.UnitWithDepartment station;
    List<Viewer> people = new ArrayList<>();
    Viewer chair;
    Viewer otherChair;
    String department;

    @BeforeEach
    void aStationOfEightPeople() {
        station = fixtures.grassroots("统计测试收费站");
        Fixtures.UnitWithDepartment other = fixtures.grassroots("统计测试服务区");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(Fixtures.row(station.departmentCode()));
        }
        OrgSetup.HrRow o = Fixtures.row(other.departmentCode());
        List<OrgSetup.HrRow> all = new ArrayList<>(rows);
        all.add(o);
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "figures.csv", all);
        for (OrgSetup.HrRow r : rows.subList(0, 8)) {
            long id = fixtures.employeeId(r.employeeNo());
            people.add(Fixtures.employee(fixtures.accountId(id), id));
        }
        long chairAccount = fixtures.accountId(fixtures.employeeId(rows.get(8).employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        long otherAccount = fixtures.accountId(fixtures.employeeId(o.employeeNo()));
        fixtures.chair(otherAccount, other.unit().id(), false);
        otherChair = Fixtures.officerWithoutCare(otherAccount, other.unit().id());
        department = jdbc.sql("SELECT name FROM department WHERE code = ?").param(station.departmentCode())
                .query(String.class).single();
    }

    long raise(Viewer who, AppealCategory category) {
        return appeals.raise(who, new Appeals.Raise(category, Appeal.Identity.CONFIDENTIAL, "发生了什么", "希望怎样"));
    }

    RightsFigures.Figures now() {
        return figures.of(chair, station.unit().id(), appeals.today());
    }

    @Test
    void aSensitiveCategoryRaisedByFewerThanFivePeopleIsLeftOutOfEveryFigure() {
        for (int i = 0; i < 3; i++) {
            raise(people.get(i), AppealCategory.WAGES);
        }
        raise(people.get(3), AppealCategory.HARASSMENT);
        raise(people.get(4), AppealCategory.HARASSMENT);

        RightsFigures.Figures f = now();
        assertThat(f.appeals()).as("the two harassment appeals are not in the total").isEqualTo(3);
        assertThat(f.byCategory()).extracting(RightsFigures.CategoryRow::category)
                .doesNotContain(AppealCategory.HARASSMENT).contains(AppealCategory.WAGES);
        assertThat(f.byMonth().stream().mapToLong(RightsFigures.MonthRow::appeals).sum()).isEqualTo(3);
        assertThat(f.open()).isEqualTo(3);
        assertThat(f.someLeftOut()).isTrue();
        assertThat(f.repeated()).containsExactly(new RightsFigures.Repeat(department, AppealCategory.WAGES, 3));

        for (int i = 5; i < 8; i++) {
            raise(people.get(i), AppealCategory.HARASSMENT);
        }
        RightsFigures.Figures five = now();
        assertThat(five.appeals()).isEqualTo(8);
        assertThat(five.someLeftOut()).isFalse();
        assertThat(five.byCategory()).contains(new RightsFigures.CategoryRow(AppealCategory.HARASSMENT, 5));
        assertThat(five.repeated()).contains(new RightsFigures.Repeat(department, AppealCategory.HARASSMENT, 5));
    }

    @Test
    void timesSatisfactionAndOverdueAreCounted() {
        long id = raise(people.get(0), AppealCategory.WAGES);
        raise(people.get(1), AppealCategory.HOURS);
        appeals.accept(chair, id);
        appeals.reply(chair, id, "已答复");
        appeals.rate(people.get(0), id, Appeal.Rating.PARTLY, false);

        RightsFigures.Figures f = figures.of(chair, station.unit().id(), appeals.today().plusDays(30));
        assertThat(f.daysToAccept()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(f.daysToReply()).isNotNull().isGreaterThanOrEqualTo(f.daysToAccept());
        assertThat(f.ratings().get(Appeal.Rating.PARTLY)).isEqualTo(1);
        assertThat(f.open()).isEqualTo(1);
        assertThat(f.overdue()).as("the hours appeal was never accepted").isEqualTo(1);
    }

    @Test
    void anOfficerSeesOnlyTheFiguresOfUnitsTheyManage() throws Exception {
        raise(people.get(0), AppealCategory.WAGES);
        assertThatThrownBy(() -> figures.of(otherChair, station.unit().id(), appeals.today()))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(perform(get("/rights/figures?unit=" + station.unit().id()).with(as(otherChair))).getStatus())
                .isEqualTo(404);
        String page = page("/rights/figures?unit=" + station.unit().id(), chair);
        assertThat(page).contains("id=\"figures-appeals\">1<").contains("诉求统计");
        assertThat(perform(get("/rights/figures").with(as(people.get(1)))).getStatus()).as("an employee").isEqualTo(404);
    }
}
