package org.tongxin.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.activity.ActivitySetup;
import org.tongxin.activity.ResultsSetup;
import org.tongxin.activity.VolunteerSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.training.internal.AssessmentService;
import org.tongxin.training.internal.OfficerSelection;
import org.tongxin.training.internal.OfficerSelection.Candidate;
import org.tongxin.training.internal.OfficerSelection.Filter;
import org.tongxin.training.internal.OfficerSelection.Order;

/**
 * Officer selection shows each candidate's records from the activity and training modules; years of service are
 * shown but never order the list; each officer keeps a shortlist of the people they manage and exports it.
 */
class SelectionTests extends IntegrationTestSupport {

    @Autowired
    TrainingSetup training;
    @Autowired
    OfficerSelection selection;
    @Autowired
    VolunteerSetup volunteering;
    @Autowired
    ResultsSetup results;
    @Autowired
    ActivitySetup activities;
    @Autowired
    AssessmentService assessments;

    Fixtures.UnitWithDepartment unit;
    Fixtures.UnitWithDepartment beside;
    Viewer officer;
    Viewer besideOfficer;
    List<OrgSetup.HrRow> rows = new ArrayList<>();
    List<Long> ids = new ArrayList<>();

    @BeforeEach
    void fivePeopleHiredYearsApart() {
        unit = fixtures.grassroots("选拔工会");
        beside = fixtures.grassroots("选拔旁站工会");
        rows.clear();
        ids.clear();
        // Names in another order than years of service, so that ordering by seniority would show.
        String[] names = {"王五", "张三", "李四", "赵六", "陈七"};
        for (int i = 0; i < 5; i++) {
            OrgSetup.HrRow r = Fixtures.row(unit.departmentCode());
            rows.add(new OrgSetup.HrRow(r.employeeNo(), names[i], r.gender(), r.birthDate(), r.phone(), r.idCard(),
                    r.departmentCode(), LocalDate.now().minusYears(17 - 3L * i).minusDays(10).toString(), r.jobTitle(),
                    r.status()));
        }
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "selection.csv", rows);
        rows.forEach(r -> ids.add(fixtures.employeeId(r.employeeNo())));
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
        besideOfficer = Fixtures.officer(fixtures.accountId(ids.get(4)), beside.unit().id());
    }

    private Candidate candidate(List<Candidate> list, long id) {
        return list.stream().filter(c -> c.employeeId() == id).findFirst().orElseThrow();
    }

    private List<Candidate> all(Order order) {
        return selection.view(officer, new Filter(unit.unit().id(), null, null, order, false, 0)).candidates().items();
    }

    @Test
    void recordsFromTheModulesAreShownAndTheOfficerOrdersByThemNeverBySeniority() throws Exception {
        long volunteer = ids.get(0);
        long honoured = ids.get(1);
        long chair = ids.get(2);
        long attendee = ids.get(3);
        OffsetDateTime past = OffsetDateTime.now().minusDays(5);
        long project = volunteering.project("护路志愿服务", "", "收费站", "EMPLOYEES", unit.unit().id(), unit.unit().id(),
                List.of(), "PUBLISHED", fixtures.adminAccountId());
        long shift = volunteering.shift(project, past, past.plusHours(3), null, 5);
        volunteering.signUp(shift, List.of(volunteer));
        volunteering.hours(shift, List.of(), fixtures.adminAccountId(), fixtures.accountId(chair), past.plusHours(4));
        results.honour(unit.unit().id(), "ADVANCED_INDIVIDUAL", null, 2025, "收费零差错", honoured, null, null,
                fixtures.adminAccountId());
        fixtures.chair(fixtures.accountId(chair), unit.unit().id(), false);
        long held = activities.activity("读书会", "CULTURE_SPORTS", "", "职工书屋", past, past.plusHours(2),
                past.minusDays(5), past.minusDays(1), 10, "EMPLOYEES", unit.unit().id(), false, unit.unit().id(), List.of(),
                "HELD", fixtures.adminAccountId());
        activities.register(held, attendee, true);
        activities.checkIn(held, attendee, past);

        List<Candidate> byName = all(Order.NAME);
        assertThat(byName).hasSize(5);
        assertThat(byName).extracting(Candidate::name).containsExactly("陈七", "李四", "王五", "张三", "赵六");
        assertThat(byName).extracting(Candidate::yearsOfService).containsExactly(5, 11, 17, 14, 8);
        for (Candidate c : byName) {
            OrgSetup.HrRow r = rows.get(ids.indexOf(c.employeeId()));
            assertThat(c.age()).isEqualTo(Period.between(LocalDate.parse(r.birthDate()), LocalDate.now()).getYears());
        }
        assertThat(candidate(byName, volunteer).volunteerHours()).isEqualByComparingTo("3");
        assertThat(candidate(byName, honoured).honours()).isOne();
        assertThat(candidate(byName, chair).activitiesHosted()).isEqualTo(2);
        assertThat(candidate(byName, chair).posts()).extracting(p -> p.post()).containsExactly("主席");
        assertThat(candidate(byName, attendee).activitiesAttended()).isOne();

        assertThat(all(Order.VOLUNTEER_HOURS).getFirst().employeeId()).isEqualTo(volunteer);
        assertThat(all(Order.HONOURS).getFirst().employeeId()).isEqualTo(honoured);
        assertThat(all(Order.ACTIVITIES_HOSTED).getFirst().employeeId()).isEqualTo(chair);
        assertThat(all(Order.ACTIVITIES_ATTENDED).getFirst().employeeId()).isEqualTo(attendee);
        // Nothing to order by but the records: neither age nor years of service is an order.
        assertThat(Order.values()).extracting(Enum::name).noneMatch(n -> n.contains("AGE") || n.contains("SERVICE")
                || n.contains("SENIOR") || n.contains("HIRE"));

        String page = mvc.perform(get("/training-admin/selection").param("unitId", Long.toString(unit.unit().id()))
                .with(as(officer))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String card = page.substring(page.indexOf("id=\"candidate-" + volunteer + "\""));
        card = card.substring(0, card.indexOf("id=\"mark-" + volunteer + "\""));
        assertThat(card).contains("司龄 17 年");
        assertThat(page.substring(page.indexOf("id=\"candidate-" + volunteer + "\""))).contains("志愿服务 3 小时")
                .contains("建议采纳 0");
        assertThat(page).contains("现任：" + unit.unit().name() + " 主席");
    }

    @Test
    void filtersByAgeBandAndBySkillReachedInAnAssessment() {
        for (OfficerSelection.AgeBand band : OfficerSelection.AgeBand.values()) {
            List<Candidate> shown = selection.view(officer, new Filter(unit.unit().id(), band, null, null, false, 0))
                    .candidates().items();
            List<Candidate> everyone = all(Order.NAME);
            long expected = everyone.stream().filter(c -> switch (band) {
                case UP_TO_35 -> c.age() <= 35;
                case FROM_36_TO_45 -> c.age() >= 36 && c.age() <= 45;
                case FROM_46_TO_55 -> c.age() >= 46 && c.age() <= 55;
                case FROM_56 -> c.age() >= 56;
            }).count();
            assertThat(shown).as("band %s", band).hasSize((int) expected);
        }
        LoopFixture f = new LoopFixture(fixtures, orgSetup, training, "选拔技能");
        long assessment = f.assessment("选拔考核");
        Viewer skilled = f.people.get(0);
        assessments.assign(f.officer, assessment, AssessmentService.Group.LIST, null, List.of(skilled.employeeId()));
        assertThat(training.attempt(skilled, assessment, 1.0)).isTrue();
        OfficerSelection.View view = selection.view(f.officer, new Filter(null, null, f.safety, Order.COMPETENCE, false, 0));
        assertThat(view.skills()).contains(f.safety, f.media);
        assertThat(view.candidates().items()).extracting(Candidate::employeeId).containsExactly(skilled.employeeId());
        assertThat(view.candidates().items().getFirst().assessmentsPassed()).isOne();
    }

    @Test
    void anOfficerShortlistsPeopleTheyManageOnlyAndExportsTheList() throws Exception {
        long marked = ids.get(0);
        MvcResult result = mvc.perform(post("/training-admin/selection/shortlist/" + marked).with(csrf()).with(as(officer))
                .param("back", "/training-admin/selection?unitId=" + unit.unit().id() + "&page=0")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/training-admin/selection?unitId=" + unit.unit().id() + "&page=0");
        MvcResult elsewhere = mvc.perform(post("/training-admin/selection/shortlist/" + ids.get(1)).with(csrf())
                .with(as(officer)).param("back", "https://example.com/")).andReturn();
        assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/training-admin/selection");
        mvc.perform(post("/training-admin/selection/shortlist/" + ids.get(1) + "/remove").with(csrf()).with(as(officer)));
        assertThat(jdbc.sql("SELECT employee_id FROM training_shortlist WHERE account_id = ?")
                .param(officer.accountId()).query(Long.class).list()).contains(marked).doesNotContain(ids.get(1));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'training.shortlist.add' AND target_id = ?")
                .param(Long.toString(marked)).query(Long.class).single()).isOne();

        // An officer beside cannot mark, see or export people they do not manage.
        assertThat(mvc.perform(post("/training-admin/selection/shortlist/" + ids.get(2)).with(csrf())
                .with(as(besideOfficer))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM training_shortlist WHERE employee_id = ?").param(ids.get(2))
                .query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/training-admin/selection").param("unitId", Long.toString(unit.unit().id()))
                .with(as(besideOfficer))).andReturn().getResponse().getStatus()).isEqualTo(404);
        String besidePage = mvc.perform(get("/training-admin/selection").with(as(besideOfficer))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(besidePage).doesNotContain("id=\"candidate-" + marked + "\"");

        List<Candidate> shortlisted = selection.view(officer, new Filter(unit.unit().id(), null, null, null, true, 0))
                .candidates().items();
        assertThat(shortlisted).extracting(Candidate::employeeId).containsExactly(marked);
        byte[] xlsx = mvc.perform(get("/training-admin/selection/shortlist.xlsx").with(as(officer))).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isOne();
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("王五");
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(3))).isEqualTo("17");
            assertThat(text.formatCellValue(sheet.getRow(0).getCell(11))).isEqualTo("建议采纳数（实名）");
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(11))).isEqualTo("0");
        }
        byte[] none = mvc.perform(get("/training-admin/selection/shortlist.xlsx").with(as(besideOfficer))).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(none))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
    }
}
