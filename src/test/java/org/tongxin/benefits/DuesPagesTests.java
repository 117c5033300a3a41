package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongxin.benefits.internal.DuesArrears;
import org.tongxin.support.Fixtures;

class DuesPagesTests extends DuesStation {

    private static final String HEADER = "工号,月份,缴费基数,费率,会费\n";

    @Autowired
    DuesArrears arrears;

    private void payroll(String csv) throws Exception {
        assertThat(uploadCsv(chair, HEADER + csv, false).getResponse().getStatus()).isEqualTo(302);
    }

    private static String line(String no, YearMonth month, int base) {
        return no + "," + month + "," + base + ",,\n";
    }

    private long exemptionOf(long employeeId) {
        return jdbc.sql("SELECT max(id) FROM benefits_dues_exemption WHERE employee_id = ?").param(employeeId)
                .query(Long.class).single();
    }

    private List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.toString()));
                out.add(cells);
            }
        }
        return out;
    }

    @Test
    void arrearsCountMembersMonthsUpToTheLatestPayrollLeavingOutExemptAndPaidMonths() throws Exception {
        int year = now.getYear();
        YearMonth last = arrears.lastCounted(year).orElseThrow();
        assumeTrue(last.getMonthValue() >= 4, "needs a few months of the year behind");
        StringBuilder csv = new StringBuilder();
        for (YearMonth m = YearMonth.of(year, 1); !m.isAfter(last); m = m.plusMonths(1)) {
            csv.append(line(members.get(0).employeeNo(), m, 6000));
            if (m.isBefore(last.minusMonths(2))) {
                csv.append(line(members.get(1).employeeNo(), m, 8000));
            }
        }
        payroll(csv.toString());
        assertThat(outcome(post("/benefits/dues/manage/people/" + memberIds.get(1) + "/exemptions")
                .param("reason", "HARDSHIP").param("from", last.minusMonths(1).toString())
                .param("to", last.minusMonths(1).toString()), chair)).isEqualTo("flash:benefits.dues.exemption.granted");

        String page = page("/benefits/dues/manage?unit=" + station.unit().id() + "&year=" + year, chair);
        String owing = page.substring(page.indexOf("id=\"arrears-" + members.get(1).employeeNo() + "\""));
        assertThat(owing.substring(0, owing.indexOf("</li>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "))
                .contains(members.get(1).name(), last.minusMonths(2) + " " + last, "2 个月", "¥80.00")
                .doesNotContain(last.minusMonths(1).toString());
        String never = page.substring(page.indexOf("id=\"arrears-" + members.get(2).employeeNo() + "\""));
        assertThat(never.substring(0, never.indexOf("</li>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "))
                .contains(last.getMonthValue() + " 个月", "—");
        assertThat(page).doesNotContain("id=\"arrears-" + members.get(0).employeeNo() + "\"")
                .doesNotContain(otherMember.name()).contains("其中 1 人尚无缴费基数记录");

        assertThat(outcome(post("/benefits/dues/manage/people/" + memberIds.get(1) + "/cash")
                .param("month", last.minusMonths(2).toString()).param("amount", "40.00"), chair))
                .isEqualTo("flash:benefits.dues.cash.done");
        assertThat(outcome(post("/benefits/dues/manage/people/" + memberIds.get(1) + "/cash")
                .param("month", last.minusMonths(2).toString()).param("amount", "40.00"), chair))
                .isEqualTo("error:benefits.dues.cash.recorded");
        assertThat(outcome(post("/benefits/dues/manage/people/" + memberIds.get(1) + "/cash")
                .param("month", last.minusMonths(1).toString()).param("amount", "40.00"), chair))
                .isEqualTo("error:benefits.dues.cash.exempt");
        assertThat(outcome(post("/benefits/dues/manage/people/" + memberIds.get(1) + "/cash")
                .param("month", last.toString()).param("amount", "-3"), chair))
                .isEqualTo("error:benefits.dues.cash.amount");
        assertThat(jdbc.sql("SELECT source || ' ' || amount || ' ' || base FROM benefits_dues WHERE employee_id = ?"
                        + " AND month = ?").params(memberIds.get(1), last.minusMonths(2).atDay(1)).query(String.class)
                .single()).isEqualTo("CASH 40.00 8000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'benefits.dues.cash' AND actor_id = ?")
                .param(chair.accountId()).query(Long.class).single()).isOne();

        DuesArrears.Owed owed = arrears.owed(List.of(memberIds.get(1)), year).get(memberIds.get(1));
        assertThat(owed.months()).containsExactly(last);
        assertThat(owed.sum()).isEqualByComparingTo("40.00");
        byte[] xlsx = mvc.perform(get("/benefits/dues/manage/arrears.xlsx?unit=" + station.unit().id() + "&year=" + year)
                .with(as(chair))).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = sheet(xlsx);
        assertThat(rows.getFirst()).contains("工号", "欠缴金额");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(members.get(1).employeeNo(), last.toString(), "1.0",
                "40.0"));
        assertThat(rows).noneSatisfy(r -> assertThat(r).contains(members.get(0).employeeNo()));

        String own = page("/benefits/dues?year=" + year, member(1));
        assertThat(own).contains("id=\"dues-month-" + last.minusMonths(2) + "\"", "现金", "¥8,000.00", "0.50%",
                "生活困难", "1 个月").doesNotContain(members.get(0).name());
        assertThat(page("/benefits/dues?year=" + year, member(0))).contains("无欠缴", "¥6,000.00");
        assertThat(page("/me", member(1))).contains("我的会费", "欠缴 1 个月，¥40.00");
    }

    @Test
    void exemptionsAreGrantedEndedAndRevokedByTheUnitsOfficersOnly() throws Exception {
        String grant = "/benefits/dues/manage/people/" + memberIds.get(0) + "/exemptions";
        assertThat(outcome(post(grant).param("reason", "OTHER").param("from", now.toString()), chair))
                .isEqualTo("error:benefits.dues.exemption.note");
        assertThat(outcome(post(grant).param("reason", "HARDSHIP").param("from", now.toString())
                .param("to", now.minusMonths(1).toString()), chair)).isEqualTo("error:benefits.dues.exemption.badTo");
        assertThat(outcome(post(grant).param("reason", "HARDSHIP").param("from", now.minusMonths(2).toString()), chair))
                .isEqualTo("flash:benefits.dues.exemption.granted");
        long first = exemptionOf(memberIds.get(0));
        assertThat(outcome(post(grant).param("reason", "LONG_SICK_LEAVE").param("from", now.toString()), chair))
                .isEqualTo("error:benefits.dues.exemption.overlaps");
        assertThat(outcome(post("/benefits/dues/manage/exemptions/" + first + "/end")
                .param("month", now.minusMonths(3).toString()), chair)).isEqualTo("error:benefits.dues.exemption.badEnd");
        assertThat(outcome(post("/benefits/dues/manage/exemptions/" + first + "/end")
                .param("month", now.minusMonths(1).toString()), chair)).isEqualTo("flash:benefits.dues.exemption.ended");
        assertThat(outcome(post(grant).param("reason", "LONG_SICK_LEAVE").param("from", now.toString()), chair))
                .isEqualTo("flash:benefits.dues.exemption.granted");
        long second = exemptionOf(memberIds.get(0));
        String live = page("/benefits/dues/manage?unit=" + station.unit().id(), chair);
        assertThat(live.substring(live.indexOf("id=\"live-exemptions\""))).contains(members.get(0).name(), "长期病假")
                .doesNotContain("生活困难");
        assertThat(outcome(post("/benefits/dues/manage/exemptions/" + second + "/revoke"), chair))
                .isEqualTo("flash:benefits.dues.exemption.revokedDone");
        assertThat(outcome(post("/benefits/dues/manage/exemptions/" + second + "/revoke"), chair))
                .isEqualTo("error:benefits.dues.exemption.revoked");
        assertThat(jdbc.sql("""
                        SELECT string_agg(reason || ' ' || from_month || ' ' || coalesce(to_month::text, '-') || ' '
                          || (revoked_at IS NOT NULL), ', ' ORDER BY id) FROM benefits_dues_exemption WHERE employee_id = ?""")
                .param(memberIds.get(0)).query(String.class).single())
                .isEqualTo("HARDSHIP " + now.minusMonths(2).atDay(1) + " " + now.minusMonths(1).atDay(1) + " false, "
                        + "LONG_SICK_LEAVE " + now.atDay(1) + " - true");
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE actor_id = ?"
                        + " AND action LIKE 'benefits.dues.exemption.%'").param(chair.accountId()).query(String.class)
                .single()).isEqualTo("benefits.dues.exemption.grant,benefits.dues.exemption.end,"
                        + "benefits.dues.exemption.grant,benefits.dues.exemption.revoke");
        long notMemberId = fixtures.employeeId(notMember.employeeNo());
        assertThat(outcome(post("/benefits/dues/manage/people/" + notMemberId + "/exemptions").param("reason", "HARDSHIP")
                .param("from", now.toString()), chair)).isEqualTo("error:benefits.dues.exemption.notMember");

        assertThat(status(post(grant).param("reason", "HARDSHIP").param("from", now.plusMonths(2).toString()),
                otherChair)).isEqualTo(404);
        assertThat(status(post("/benefits/dues/manage/exemptions/" + first + "/revoke"), otherChair)).isEqualTo(404);
        assertThat(status(post("/benefits/dues/manage/exemptions/" + first + "/end").param("month", now.toString()),
                otherChair)).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM benefits_dues_exemption WHERE employee_id = ?").param(memberIds.get(0))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(page("/benefits/dues/manage/people/" + memberIds.get(0), chair)).contains("id=\"exemption-" + first
                + "\"", "id=\"revoke-" + first + "\"", "已撤销").doesNotContain("id=\"revoke-" + second + "\"");
    }

    @Test
    void aMembersRecordIsSeenByTheMemberAndTheirUnitsOfficersOnly() throws Exception {
        payroll(line(members.get(0).employeeNo(), now.minusMonths(1), 6100) + line(members.get(1).employeeNo(),
                now.minusMonths(1), 7200));
        assertThat(page("/benefits/dues?year=" + now.minusMonths(1).getYear(), member(0))).contains("¥6,100.00")
                .doesNotContain("¥7,200.00");
        assertThat(page("/benefits/dues/manage/people/" + memberIds.get(1) + "?year=" + now.minusMonths(1).getYear(),
                chair)).contains(members.get(1).name(), "¥7,200.00", "cash-form", "exemption-form");
        assertThat(perform(get("/benefits/dues/manage/people/" + memberIds.get(1)).with(as(otherChair))).getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/benefits/dues/manage/people/" + otherMemberId).with(as(chair))).getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/benefits/dues/manage/people/" + memberIds.get(1)).with(as(member(0)))).getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/benefits/dues/manage").with(as(member(0)))).getStatus()).isEqualTo(404);
        assertThat(status(post("/benefits/dues/manage/people/" + memberIds.get(1) + "/cash").param("month", now.toString())
                .param("amount", "36"), otherChair)).isEqualTo(404);
        assertThat(recorded(memberIds.get(1))).isOne();
        String found = page("/benefits/dues/manage?q=" + members.get(1).name(), chair);
        assertThat(found).contains("/benefits/dues/manage/people/" + memberIds.get(1));
        assertThat(page("/benefits/dues/manage?q=" + otherMember.name(), chair))
                .doesNotContain("/benefits/dues/manage/people/" + otherMemberId);
        long notMemberId = fixtures.employeeId(notMember.employeeNo());
        assertThat(page("/benefits/dues", Fixtures.employee(fixtures.accountId(notMemberId), notMemberId)))
                .contains("dues-not-member");
    }

    @Test
    void totalsShowWhatEachUnitCollectedPerMonthWithPayingAndExemptMembers() throws Exception {
        YearMonth month = now.minusMonths(1);
        payroll(line(members.get(0).employeeNo(), month, 6000) + line(members.get(1).employeeNo(), month, 8000));
        assertThat(outcome(post("/benefits/dues/manage/people/" + memberIds.get(2) + "/exemptions")
                .param("reason", "LONG_SICK_LEAVE").param("from", month.minusMonths(1).toString()), chair))
                .isEqualTo("flash:benefits.dues.exemption.granted");
        String page = page("/benefits/dues/manage/totals?unit=" + station.unit().id() + "&year=" + month.getYear()
                + "&month=" + month, chair);
        assertThat(rows(page, "totals")).containsExactly(station.unit().name() + " ¥70.00 2 1",
                month + " 合计 ¥70.00 2 1");
        List<List<String>> sheet = sheet(mvc.perform(get("/benefits/dues/manage/totals.xlsx?unit=" + station.unit().id()
                + "&year=" + month.getYear()).with(as(chair))).andReturn().getResponse().getContentAsByteArray());
        assertThat(sheet.getFirst()).containsExactly("月份", "单位", "收缴金额", "缴费人数", "减免人数");
        assertThat(sheet).contains(List.of(month.toString(), station.unit().name(), "70.0", "2.0", "1.0"));
        assertThat(perform(get("/benefits/dues/manage/totals?unit=" + station.unit().id()).with(as(otherChair)))
                .getStatus()).isEqualTo(404);
    }
}
