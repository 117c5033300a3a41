package org.tongxin.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.tongxin.support.Fixtures.as;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

class DuesImportTests extends DuesStation {

    private static final String HEADER = "工号,月份,缴费基数,费率,会费\n";

    private long runOf(MvcResult result) {
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/benefits/dues/manage/runs/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aGoodCsvIsRecordedAllAtOnceWithItsRunAndAnAuditLine() throws Exception {
        String csv = HEADER
                + members.get(0).employeeNo() + "," + now.minusMonths(1) + ",6000,,\n"
                + members.get(1).employeeNo() + "," + now.minusMonths(1) + ",\"7,333.33\",0.5%,36.67\n"
                + members.get(2).employeeNo() + "," + now.minusMonths(1) + ",5000,0.005,25\n";
        long run = runOf(uploadCsv(chair, csv, false));

        assertThat(jdbc.sql("SELECT amount FROM benefits_dues WHERE employee_id = ? AND month = ?")
                .params(memberIds.get(0), now.minusMonths(1).atDay(1)).query(BigDecimal.class).single())
                .isEqualByComparingTo("30.00");
        assertThat(jdbc.sql("SELECT base || ' ' || rate || ' ' || amount || ' ' || source || ' ' || unit_id"
                        + " FROM benefits_dues WHERE employee_id = ?").param(memberIds.get(1)).query(String.class).single())
                .isEqualTo("7333.33 0.00500 36.67 PAYROLL " + station.unit().id());
        assertThat(jdbc.sql("SELECT rows || ' ' || total || ' ' || file_name FROM benefits_dues_run WHERE id = ?")
                .param(run).query(String.class).single()).isEqualTo("3 91.67 工资会费.csv");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'benefits.dues.import' AND target_id = ?")
                .param(Long.toString(run)).query(Long.class).single()).isOne();
        String page = page("/benefits/dues/manage/runs/" + run, chair);
        assertThat(String.join("\n", rows(page, "run-entries"))).contains(members.get(1).name(), "¥7,333.33",
                "¥36.67");
        assertThat(page("/benefits/dues/manage/import", chair)).contains("/benefits/dues/manage/runs/" + run);
    }

    @Test
    void aGoodXlsxWithEnglishHeadersAndNumberCellsIsRecorded() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("payroll");
            Row header = sheet.createRow(0);
            String[] names = {"employee_no", "month", "base", "rate", "amount", "name"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int i = 0; i < 3; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(members.get(i).employeeNo());
                row.createCell(1).setCellValue(now.minusMonths(2).toString());
                row.createCell(2).setCellValue(4000 + i * 1000.5);
                row.createCell(3).setCellValue(0.005);
                row.createCell(5).setCellValue(members.get(i).name());
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        long run = runOf(upload(chair, "payroll.xlsx", xlsx, false));

        assertThat(jdbc.sql("SELECT string_agg(amount::text, ' ' ORDER BY base) FROM benefits_dues WHERE run_id = ?")
                .param(run).query(String.class).single()).isEqualTo("20.00 25.00 30.01");
        assertThat(jdbc.sql("SELECT total FROM benefits_dues_run WHERE id = ?").param(run).query(BigDecimal.class)
                .single()).isEqualByComparingTo("75.01");
    }

    @Test
    void everyBadRowIsListedWithItsRowNumberAndNothingIsSaved() throws Exception {
        runOf(uploadCsv(chair, HEADER + members.get(1).employeeNo() + "," + now.minusMonths(3) + ",6000,,\n", false));
        String m = now.minusMonths(1).toString();
        String csv = HEADER
                + "NOBODY-1," + m + ",6000,,\n"                                                  // 2 unknown
                + notMember.employeeNo() + "," + m + ",6000,,\n"                                // 3 not a member
                + otherMember.employeeNo() + "," + m + ",6000,,\n"                              // 4 another unit
                + members.get(0).employeeNo() + ",2026-13,6000,,\n"                             // 5 bad month
                + members.get(0).employeeNo() + "," + now.plusMonths(3) + ",6000,,\n"           // 6 far future
                + members.get(0).employeeNo() + "," + now.minusMonths(4) + ",-6000,,\n"         // 7 negative wage
                + members.get(0).employeeNo() + "," + now.minusMonths(5) + ",6000000,,\n"       // 8 absurd wage
                + members.get(0).employeeNo() + "," + now.minusMonths(6) + ",6000,6%,\n"        // 9 rate above 5 %
                + members.get(0).employeeNo() + "," + now.minusMonths(7) + ",6000,0.5%,31\n"    // 10 amount disagrees
                + members.get(0).employeeNo() + "," + m + ",6000,,\n"                           // 11 fine
                + members.get(0).employeeNo() + "," + m + ",6000,,\n"                           // 12 same month twice
                + members.get(1).employeeNo() + "," + now.minusMonths(3) + ",6000,,\n";         // 13 recorded already
        MvcResult result = uploadCsv(chair, csv, false);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        List<String> errors = rows(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "import-errors");
        assertThat(errors).containsExactly(
                "2 工号 没有这个工号的职工：NOBODY-1",
                "3 月份 该月不是工会会员：" + notMember.employeeNo() + " " + m,
                "4 工号 职工 " + otherMember.employeeNo() + " 不属于你负责的单位。",
                "5 月份 不是月份（请写成 2026-03）：2026-13",
                "6 月份 月份只能在 2000-01 到下个月之间：" + now.plusMonths(3),
                "7 缴费基数 缴费基数须大于 0 且不超过 200000：-6000",
                "8 缴费基数 缴费基数须大于 0 且不超过 200000：6000000",
                "9 费率 费率须在 0 到 5% 之间：6%",
                "10 会费 会费与缴费基数 × 费率相差超过 0.01 元：31 ≠ 30.00",
                "12 月份 与第 11 行是同一会员同一月份",
                "13 月份 该月已有记录（勾选“替换”可覆盖）：" + members.get(1).employeeNo() + " " + now.minusMonths(3));
        assertThat(recorded(memberIds.get(0))).isZero();
        assertThat(recorded(memberIds.get(1))).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM benefits_dues_run WHERE actor_id = ?").param(chair.accountId())
                .query(Long.class).single()).isOne();

        String english = mvc.perform(multipart("/benefits/dues/manage/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "dues.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH)
                        .with(csrf()).with(as(chair)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows(english, "import-errors"))
                .contains("2 Employee number No employee has this number: NOBODY-1",
                        "12 Month The same member and month as row 11");
    }

    @Test
    void recordedMonthsAreReplacedOnlyWhenTheImporterTicksReplace() throws Exception {
        String first = HEADER + members.get(0).employeeNo() + "," + now.minusMonths(1) + ",6000,,\n";
        runOf(uploadCsv(chair, first, false));
        String corrected = HEADER + members.get(0).employeeNo() + "," + now.minusMonths(1) + ",6400,,\n";
        assertThat(uploadCsv(chair, corrected, false).getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT amount FROM benefits_dues WHERE employee_id = ?").param(memberIds.get(0))
                .query(BigDecimal.class).single()).isEqualByComparingTo("30.00");

        long run = runOf(uploadCsv(chair, corrected, true));
        assertThat(jdbc.sql("SELECT amount || ' ' || run_id FROM benefits_dues WHERE employee_id = ?")
                .param(memberIds.get(0)).query(String.class).single()).isEqualTo("32.00 " + run);
        assertThat(jdbc.sql("SELECT replaced FROM benefits_dues_run WHERE id = ?").param(run).query(Integer.class)
                .single()).isOne();
        assertThat(jdbc.sql("SELECT before || ' / ' || after FROM audit_event WHERE action = 'benefits.dues.replace'"
                        + " AND actor_id = ? ORDER BY id DESC LIMIT 1").param(chair.accountId()).query(String.class)
                .single()).contains("amount: 30.00").contains("amount: 32.00");
    }

    @Test
    void anotherUnitsOfficerAndPlainEmployeesCannotImportForTheStation() throws Exception {
        String csv = HEADER + members.get(0).employeeNo() + "," + now.minusMonths(1) + ",6000,,\n";
        MvcResult other = uploadCsv(otherChair, csv, false);
        assertThat(other.getResponse().getStatus()).isEqualTo(200);
        assertThat(other.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("不属于你负责的单位");
        assertThat(uploadCsv(member(1), csv, false).getResponse().getStatus()).isEqualTo(404);
        assertThat(recorded(memberIds.get(0))).isZero();
        assertThat(page("/benefits/dues/manage/import", otherChair)).doesNotContain("工资会费.csv");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() throws Exception {
        MvcResult result = uploadCsv(chair, "工号,月份\n" + members.get(0).employeeNo() + "," + now + "\n", false);
        assertThat(rows(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "import-errors"))
                .containsExactly("— — 缺少必需的列：缴费基数");
        assertThat(List.of(recorded(memberIds.get(0)))).containsExactly(0L);
    }
}
