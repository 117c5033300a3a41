package org.tongxin.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tongxin.org.internal.imports.Column;
import org.tongxin.org.internal.imports.HrFileReader;
import org.tongxin.org.internal.imports.ImportFileException;
import org.tongxin.org.internal.imports.RawRow;

class HrFileReaderTests {

    private static final String HEADER = "工号,姓名,性别,出生日期,手机号,身份证号,部门编码,入职日期,岗位,状态\n";
    private static final String ROW = "100001,张伟,女,1949-12-31,13812345678,11010519491231002X,D1,1970-07-01,\"收费员,一班\",在职\n";

    @Test
    void readsUtf8CsvWithBomAndQuotedCommas() {
        byte[] bytes = ("\uFEFF" + HEADER + ROW).getBytes(StandardCharsets.UTF_8);
        List<RawRow> rows = HrFileReader.read("a.CSV", bytes);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(Column.NAME)).isEqualTo("张伟");
        assertThat(rows.getFirst().get(Column.JOB_TITLE)).isEqualTo("收费员,一班");
        assertThat(rows.getFirst().line()).isEqualTo(2);
    }

    @Test
    void rowNumbersFollowTheFileEvenWhenAQuotedFieldSpansLines() {
        String text = HEADER + "100001,张伟,女,1949-12-31,13812345678,11010519491231002X,D1,1970-07-01,\"收费员\n一班\",在职\n"
                + "\n" + ROW;
        List<RawRow> rows = HrFileReader.read("lines.csv", text.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(RawRow::line).containsExactly(2, 5);
    }

    @Test
    void readsGbkCsvAsExcelSavesIt() {
        byte[] bytes = (HEADER + ROW).getBytes(Charset.forName("GBK"));
        List<RawRow> rows = HrFileReader.read("gbk.csv", bytes);
        assertThat(rows.getFirst().get(Column.NAME)).isEqualTo("张伟");
        assertThat(rows.getFirst().get(Column.STATUS)).isEqualTo("在职");
    }

    @Test
    void readsXlsxWithDateCellsAsIsoDatesAndKeepsRowNumbers() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            String[] header = HEADER.trim().split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            Row r = sheet.createRow(3);
            r.createCell(0).setCellValue(100001);
            r.createCell(1).setCellValue("张伟");
            r.createCell(3).setCellValue(LocalDate.of(1949, 12, 31));
            r.getCell(3).setCellStyle(date);
            r.createCell(4).setCellValue(13812345678L);
            book.write(out);
            List<RawRow> rows = HrFileReader.read("hr.xlsx", out.toByteArray());
            assertThat(rows).hasSize(1);
            RawRow row = rows.getFirst();
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.get(Column.EMPLOYEE_NO)).isEqualTo("100001");
            assertThat(row.get(Column.BIRTH_DATE)).isEqualTo("1949-12-31");
            assertThat(row.get(Column.PHONE)).isEqualTo("13812345678");
            assertThat(row.get(Column.GENDER)).isEmpty();
        }
    }

    @Test
    void refusesOtherFileTypesAndMissingColumns() {
        assertThatThrownBy(() -> HrFileReader.read("a.xls", new byte[0]))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("import.file.type");
        assertThatThrownBy(() -> HrFileReader.read("a.csv", "工号,姓名\n1,张\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("身份证号");
        assertThatThrownBy(() -> HrFileReader.read("a.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("import.file.unreadable");
    }
}
