package org.tongxin.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;

class EmployeeImportTests extends IntegrationTestSupport {


    Fixtures.UnitWithDepartment unit;
    Viewer officer;

    @BeforeEach
    void setUp() {
        unit = fixtures.grassroots("导入测试工会");
        officer = Fixtures.officer(fixtures.adminAccountId(), unit.unit().id());
    }

    private String upload(Viewer viewer, String name, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/org/import").file(new MockMultipartFile("file", name, "text/csv", content))
                        .with(csrf()).with(as(viewer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/org/import/");
        return mvc.perform(get(location).with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(List<OrgSetup.HrRow> rows) {
        return jdbc.sql("SELECT count(*) FROM employee WHERE emp_no = ANY(?)")
                .param(rows.stream().map(OrgSetup.HrRow::employeeNo).toArray(String[]::new)).query(Long.class).single();
    }

    private List<OrgSetup.HrRow> rows(int n) {
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Fixtures.row(unit.departmentCode()));
        }
        return rows;
    }

    @Test
    void aGoodFileImportsAndImportingItAgainChangesNothing() throws Exception {
        List<OrgSetup.HrRow> rows = rows(3);
        byte[] file = Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8);

        String page = upload(officer, "good.csv", file);
        assertThat(page).contains("id=\"import-ok\"").contains("新增 3 人");
        assertThat(count(rows)).isEqualTo(3);
        String updatedAt = jdbc.sql("SELECT max(updated_at)::text FROM employee WHERE emp_no = ?")
                .param(rows.getFirst().employeeNo()).query(String.class).single();

        String again = upload(officer, "good.csv", file);
        assertThat(again).contains("新增 0 人，更新 0 人，3 人无变化");
        assertThat(jdbc.sql("SELECT max(updated_at)::text FROM employee WHERE emp_no = ?")
                .param(rows.getFirst().employeeNo()).query(String.class).single()).isEqualTo(updatedAt);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'employee.import' AND summary = 'good.csv'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFileNameWithAPathAndANulIsStoredAsItsLastSegmentWithoutControlCharacters() throws Exception {
        List<OrgSetup.HrRow> rows = rows(2);
        String page = upload(officer, "../../etc/pass\u0000wd.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("id=\"import-ok\"");
        assertThat(count(rows)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'employee.import' AND summary = 'passwd.csv'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndTheReportNamesRowAndField() throws Exception {
        List<OrgSetup.HrRow> rows = rows(3);
        OrgSetup.HrRow good = rows.get(1);
        rows.set(1, new OrgSetup.HrRow(good.employeeNo(), good.name(), good.gender(), good.birthDate(), "12345",
                good.idCard(), good.departmentCode(), good.hireDate(), good.jobTitle(), good.status()));

        String page = upload(officer, "bad.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("id=\"import-rejected\"").contains(">3</td>").contains("手机号应为 11 位");
        assertThat(count(rows)).isZero();
        long runId = jdbc.sql("SELECT max(id) FROM import_run WHERE file_name = 'bad.csv'").query(Long.class).single();
        byte[] report = mvc.perform(get("/org/import/" + runId + "/report.xlsx").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("手机号");
        }
    }

    @Test
    void duplicatesInsideTheFileAndPhonesOfOthersAreBadRows() throws Exception {
        List<OrgSetup.HrRow> existing = rows(1);
        assertThat(upload(officer, "first.csv", Fixtures.csv(existing).getBytes(StandardCharsets.UTF_8)))
                .contains("id=\"import-ok\"");
        List<OrgSetup.HrRow> rows = rows(2);
        rows.add(rows.getFirst());
        OrgSetup.HrRow r = rows.get(1);
        rows.set(1, new OrgSetup.HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), existing.getFirst().phone(),
                r.idCard(), r.departmentCode(), r.hireDate(), r.jobTitle(), r.status()));

        String page = upload(officer, "dups.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("与文件第 2 行重复").contains("该手机号已属于另一名职工");
        assertThat(count(rows)).isZero();
    }

    @Test
    void anUpdateChangesOnlyWhatChangedAndKeepsPersonalDataEncrypted() throws Exception {
        List<OrgSetup.HrRow> rows = rows(2);
        assertThat(upload(officer, "v1.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8)))
                .contains("id=\"import-ok\"");
        OrgSetup.HrRow r = rows.getFirst();
        rows.set(0, new OrgSetup.HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), r.phone(), r.idCard(),
                r.departmentCode(), r.hireDate(), "收费班长", r.status()));

        String page = upload(officer, "v2.csv", Fixtures.csv(rows).getBytes(Charset.forName("GBK")));

        assertThat(page).contains("新增 0 人，更新 1 人，1 人无变化");
        assertThat(jdbc.sql("SELECT job_title FROM employee WHERE emp_no = ?").param(r.employeeNo())
                .query(String.class).single()).isEqualTo("收费班长");
        String stored = jdbc.sql("SELECT phone_enc || id_card_enc FROM employee WHERE emp_no = ?")
                .param(r.employeeNo()).query(String.class).single();
        assertThat(stored).doesNotContain(r.phone()).doesNotContain(r.idCard());
    }

    @Test
    void anOfficerCannotImportIntoAnotherUnitsDepartment() throws Exception {
        Fixtures.UnitWithDepartment other = fixtures.grassroots("别的工会");
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(other.departmentCode()));

        String page = upload(officer, "other.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("id=\"import-rejected\"").contains("不在您负责的组织范围内");
        assertThat(count(rows)).isZero();
    }

    @Test
    void anOfficerCannotPullAnotherUnitsEmployeeIntoTheirOwnDepartment() throws Exception {
        Fixtures.UnitWithDepartment other = fixtures.grassroots("邻站工会");
        OrgSetup.HrRow theirs = Fixtures.row(other.departmentCode());
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "theirs.csv", List.of(theirs));
        OrgSetup.HrRow moved = new OrgSetup.HrRow(theirs.employeeNo(), theirs.name(), theirs.gender(),
                theirs.birthDate(), theirs.phone(), theirs.idCard(), unit.departmentCode(), theirs.hireDate(),
                theirs.jobTitle(), theirs.status());

        String page = upload(officer, "grab.csv", Fixtures.csv(List.of(moved)).getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("属于其他组织，您无权修改");
        assertThat(jdbc.sql("SELECT d.code FROM employee e JOIN department d ON d.id = e.department_id "
                + "WHERE e.emp_no = ?").param(theirs.employeeNo()).query(String.class).single())
                .isEqualTo(other.departmentCode());
    }

    @Test
    void reportsShowPhoneAndIdNumbersMaskedOnly() throws Exception {
        List<OrgSetup.HrRow> existing = rows(1);
        upload(officer, "owner.csv", Fixtures.csv(existing).getBytes(StandardCharsets.UTF_8));
        OrgSetup.HrRow r = Fixtures.row(unit.departmentCode());
        OrgSetup.HrRow clash = new OrgSetup.HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(),
                existing.getFirst().phone(), r.idCard(), r.departmentCode(), r.hireDate(), r.jobTitle(), r.status());

        String page = upload(officer, "clash.csv", Fixtures.csv(List.of(clash)).getBytes(StandardCharsets.UTF_8));

        String phone = existing.getFirst().phone();
        assertThat(page).contains("该手机号已属于另一名职工").contains(phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone);
        assertThat(jdbc.sql("SELECT errors FROM import_run WHERE file_name = 'clash.csv'").query(String.class).single())
                .doesNotContain(phone);
    }

    @Test
    void aPhoneWrittenTwiceInDifferentWaysIsADuplicateNotAServerError() throws Exception {
        List<OrgSetup.HrRow> rows = rows(2);
        String phone = rows.get(0).phone();
        OrgSetup.HrRow r = rows.get(1);
        rows.set(1, new OrgSetup.HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(),
                phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7), r.idCard(),
                r.departmentCode(), r.hireDate(), r.jobTitle(), r.status()));

        String page = upload(officer, "spaced.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("id=\"import-rejected\"").contains("与文件第 2 行重复");
        assertThat(count(rows)).isZero();
    }

    @Test
    void aClosedUnitTakesNoNewEmployees() throws Exception {
        Fixtures.UnitWithDepartment closed = fixtures.grassroots("已撤销工会");
        jdbc.sql("UPDATE org_unit SET closed_at = now() WHERE id = ?").param(closed.unit().id()).update();
        Viewer committee = Fixtures.committee(fixtures.adminAccountId());
        List<OrgSetup.HrRow> rows = List.of(Fixtures.row(closed.departmentCode()));

        String page = upload(committee, "closed.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("所属的组织已撤销");
        assertThat(count(rows)).isZero();
    }

    @Test
    void everyEmployeeAnImportChangesIsAuditedWithBeforeAndAfter() throws Exception {
        List<OrgSetup.HrRow> rows = rows(1);
        upload(officer, "before.csv", Fixtures.csv(rows).getBytes(StandardCharsets.UTF_8));
        OrgSetup.HrRow r = rows.getFirst();
        OrgSetup.HrRow left = new OrgSetup.HrRow(r.employeeNo(), r.name(), r.gender(), r.birthDate(), "13700000001",
                r.idCard(), r.departmentCode(), r.hireDate(), r.jobTitle(), "离职");

        upload(officer, "after.csv", Fixtures.csv(List.of(left)).getBytes(StandardCharsets.UTF_8));

        var entry = jdbc.sql("SELECT before, after FROM audit_event WHERE action = 'employee.update' AND target_id = ?")
                .param(r.employeeNo()).query((rs, i) -> rs.getString(1) + " → " + rs.getString(2)).single();
        assertThat(entry).contains("status: ACTIVE").contains("status: LEFT").contains("phone: *** (changed)")
                .doesNotContain("13700000001").doesNotContain(r.phone()).doesNotContain("jobTitle");
    }

    @Test
    void aFileOfTheWrongKindIsRejectedWithAClearMessage() throws Exception {
        String page = upload(officer, "people.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(page).contains("只能导入 .xlsx 或 .csv 文件");
    }
}
