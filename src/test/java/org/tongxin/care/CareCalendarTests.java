package org.tongxin.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.org.IdCardNumber;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class CareCalendarTests extends IntegrationTestSupport {

    /** An employee born on the 15th of this month, {@code age} years ago. */
    private static OrgSetup.HrRow bornThisMonth(String department, int age, String name) {
        LocalDate birth = LocalDate.now().withDayOfMonth(15).minusYears(age);
        OrgSetup.HrRow r = Fixtures.row(department);
        String first17 = "440300" + birth.toString().replace("-", "") + String.format("%03d", (int) (System.nanoTime() % 500) * 2 + 1);
        String id = first17 + IdCardNumber.checkCharacter(first17);
        return new OrgSetup.HrRow(r.employeeNo(), name, "男", birth.toString(), r.phone(), id, department,
                birth.plusYears(22).toString(), r.jobTitle(), "在职");
    }

    @Test
    void birthdaysAndRetirementsOfMyPeopleShowAndAreMarkedOnce() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("日历测试工会");
        OrgSetup.HrRow birthday = bornThisMonth(unit.departmentCode(), 35, "过生日的人");
        OrgSetup.HrRow retiring = bornThisMonth(unit.departmentCode(), 60, "要退休的人");
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "calendar.csv", List.of(birthday, retiring));
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());

        String page = mvc.perform(get("/care/calendar").with(as(officer))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String birthdays = page.substring(page.indexOf("id=\"calendar-BIRTHDAY\""), page.indexOf("id=\"calendar-ANNIVERSARY\""));
        String retirements = page.substring(page.indexOf("id=\"calendar-RETIREMENT\""));
        assertThat(birthdays).contains("过生日的人").contains("要退休的人");
        assertThat(retirements).contains("要退休的人").doesNotContain("过生日的人");

        long id = fixtures.employeeId(birthday.employeeNo());
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("日历旁人工会").unit().id());
        assertThat(mvc.perform(get("/care/calendar").with(as(stranger))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("过生日的人");
        mvc.perform(post("/care/calendar/mark").param("employeeId", Long.toString(id)).param("kind", "BIRTHDAY")
                .param("month", YearMonth.now().toString()).with(csrf()).with(as(stranger))).andExpect(status().isNotFound());

        mvc.perform(post("/care/calendar/mark").param("employeeId", Long.toString(id)).param("kind", "BIRTHDAY")
                .param("month", YearMonth.now().toString()).with(csrf()).with(as(officer)));
        String after = mvc.perform(get("/care/calendar").with(as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String marked = after.substring(after.indexOf("过生日的人"));
        assertThat(marked.substring(0, marked.indexOf("</div>", marked.indexOf("</small>")) + 200)).contains("已记录");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'care.greeting' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aVisitIsRecordedWithWhoWentOnlyForMyPeople() throws Exception {
        Fixtures.UnitWithDepartment unit = fixtures.grassroots("慰问测试工会");
        OrgSetup.HrRow sick = Fixtures.row(unit.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "visit.csv", List.of(sick));
        Viewer officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        Viewer stranger = Fixtures.officer(fixtures.adminAccountId(), fixtures.grassroots("慰问旁人工会").unit().id());

        mvc.perform(post("/care/calendar/visit").param("employeeNo", sick.employeeNo()).param("kind", "ILLNESS")
                .param("visitedOn", LocalDate.now().toString()).param("visitors", "工会主席、班长").param("gift", "水果、慰问金")
                .with(csrf()).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/care/calendar/visit").param("employeeNo", sick.employeeNo()).param("kind", "ILLNESS")
                .param("visitedOn", LocalDate.now().toString()).param("visitors", "工会主席、班长").param("gift", "水果、慰问金")
                .with(csrf()).with(as(officer)));

        assertThat(jdbc.sql("SELECT kind || ' ' || visitors || ' ' || gift FROM care_visit WHERE employee_id = ?")
                .param(fixtures.employeeId(sick.employeeNo())).query(String.class).single())
                .isEqualTo("ILLNESS 工会主席、班长 水果、慰问金");
    }
}
