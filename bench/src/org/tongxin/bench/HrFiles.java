package org.tongxin.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tongxin.org.OrgSetup.HrRow;

/** HR files as an HR department hands them over, written from generated rows. */
final class HrFiles {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADERS = {"工号", "姓名", "性别", "出生日期", "手机号", "身份证号", "部门编码", "入职日期",
            "岗位", "状态"};
    /** Rows SXSSF keeps in memory before flushing to its temporary file. */
    private static final int WINDOW = 1_000;

    private HrFiles() {
    }

    /**
     * Shaped like an export from an HR system built on POI's streaming writer: inline strings (POI's shared-strings
     * table takes 20 s for 100,000 rows here), dates as real date cells formatted yyyy-mm-dd, phone and ID numbers
     * as text (an 18-digit number would lose digits as a number cell).
     */
    static void writeXlsx(List<HrRow> rows, Path file) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(null, WINDOW, false, false);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("员工");
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.length; c++) {
                header.createCell(c).setCellValue(HEADERS[c]);
            }
            int r = 1;
            for (HrRow hr : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(hr.employeeNo());
                row.createCell(1).setCellValue(hr.name());
                row.createCell(2).setCellValue(hr.gender());
                row.createCell(3).setCellValue(LocalDate.parse(hr.birthDate()));
                row.getCell(3).setCellStyle(dateStyle);
                row.createCell(4).setCellValue(hr.phone());
                row.createCell(5).setCellValue(hr.idCard());
                row.createCell(6).setCellValue(hr.departmentCode());
                row.createCell(7).setCellValue(LocalDate.parse(hr.hireDate()));
                row.getCell(7).setCellStyle(dateStyle);
                row.createCell(8).setCellValue(hr.jobTitle());
                row.createCell(9).setCellValue(hr.status());
            }
            book.write(out);
        }
    }

    /** Rows as CSV (RFC 4180, as PostgreSQL's COPY reads it), the columns in file order, with the header row or not. */
    static String csv(List<HrRow> rows, boolean header) {
        StringBuilder csv = new StringBuilder(rows.size() * 120);
        if (header) {
            csv.append(String.join(",", HEADERS)).append('\n');
        }
        for (HrRow r : rows) {
            csv.append(r.employeeNo()).append(',');
            quote(csv, r.name()).append(',');
            csv.append(r.gender()).append(',').append(r.birthDate()).append(',').append(r.phone()).append(',')
                    .append(r.idCard()).append(',').append(r.departmentCode()).append(',').append(r.hireDate()).append(',');
            quote(csv, r.jobTitle()).append(',');
            csv.append(r.status()).append('\n');
        }
        return csv.toString();
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
