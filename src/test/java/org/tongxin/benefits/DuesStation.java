package org.tongxin.benefits;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.membership.MembershipSetup;
import org.tongxin.org.OrgSetup;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.Fixtures;
import org.tongxin.support.PageTestSupport;

/**
 * A toll station with three members (joined two years ago), a colleague who is not a member and a chair, and a
 * service area beside it with a member and a chair of its own.
 */
abstract class DuesStation extends PageTestSupport {

    @Autowired
    MembershipSetup membership;

    Fixtures.UnitWithDepartment station;
    Fixtures.UnitWithDepartment serviceArea;
    List<OrgSetup.HrRow> members = new ArrayList<>();
    List<Long> memberIds = new ArrayList<>();
    OrgSetup.HrRow notMember;
    OrgSetup.HrRow otherMember;
    long otherMemberId;
    Viewer chair;
    Viewer otherChair;
    final YearMonth now = YearMonth.now();

    @BeforeEach
    void aStationAndAServiceArea() {
        station = fixtures.grassroots("会费测试收费站");
        serviceArea = fixtures.grassroots("会费测试服务区");
        List<OrgSetup.HrRow> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(Fixtures.row(station.departmentCode()));
        }
        rows.addAll(members);
        notMember = Fixtures.row(station.departmentCode());
        OrgSetup.HrRow chairRow = Fixtures.row(station.departmentCode());
        otherMember = Fixtures.row(serviceArea.departmentCode());
        OrgSetup.HrRow otherChairRow = Fixtures.row(serviceArea.departmentCode());
        rows.addAll(List.of(notMember, chairRow, otherMember, otherChairRow));
        orgSetup.importEmployees(Fixtures.admin(fixtures.adminAccountId()), "dues-people.csv", rows);
        LocalDate joined = LocalDate.now().minusYears(2);
        for (OrgSetup.HrRow r : members) {
            long id = fixtures.employeeId(r.employeeNo());
            memberIds.add(id);
            membership.enrol(id, station.unit().id(), joined);
        }
        otherMemberId = fixtures.employeeId(otherMember.employeeNo());
        membership.enrol(otherMemberId, serviceArea.unit().id(), joined);
        long chairAccount = fixtures.accountId(fixtures.employeeId(chairRow.employeeNo()));
        fixtures.chair(chairAccount, station.unit().id(), false);
        chair = Fixtures.officerWithoutCare(chairAccount, station.unit().id());
        long otherAccount = fixtures.accountId(fixtures.employeeId(otherChairRow.employeeNo()));
        fixtures.chair(otherAccount, serviceArea.unit().id(), false);
        otherChair = Fixtures.officerWithoutCare(otherAccount, serviceArea.unit().id());
    }

    Viewer member(int i) {
        long id = memberIds.get(i);
        return Fixtures.employee(fixtures.accountId(id), id);
    }

    /** Posts a payroll file as the viewer; the result as MockMvc has it. */
    MvcResult upload(Viewer viewer, String fileName, byte[] content, boolean replace) throws Exception {
        return mvc.perform(multipart("/benefits/dues/manage/import")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .param("replace", Boolean.toString(replace)).with(csrf()).with(as(viewer))).andReturn();
    }

    MvcResult uploadCsv(Viewer viewer, String csv, boolean replace) throws Exception {
        return upload(viewer, "工资会费.csv", csv.getBytes(StandardCharsets.UTF_8), replace);
    }

    /** The text of each body row of the table with {@code id}, cells joined by single spaces. */
    static List<String> rows(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            return List.of();
        }
        String table = html.substring(start, html.indexOf("</table>", start));
        int body = table.indexOf("<tbody");
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(body < 0 ? table : table.substring(body));
        while (m.find()) {
            out.add(m.group(1).replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip());
        }
        return out;
    }

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);

    long recorded(long employeeId) {
        return jdbc.sql("SELECT count(*) FROM benefits_dues WHERE employee_id = ?").param(employeeId)
                .query(Long.class).single();
    }
}
