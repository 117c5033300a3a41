package org.tongxin.shared.table;

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

class TableReaderTests {

    /** The employee file's columns, and one optional column no file here has. */
    enum Column implements TableColumn {
        EMPLOYEE_NO("工号", "employee_no"), NAME("姓名", "name"), GENDER("性别", "gender"),
        BIRTH_DATE("出生日期", "birth_date"), PHONE("手机号", "phone"), ID_CARD("身份证号", "id_card"),
        DEPARTMENT("部门编码", "department_code"), HIRE_DATE("入职日期", "hire_date"), JOB_TITLE("岗位", "job_title"),
        STATUS("状态", "status"), NOTE("备注", "note");

        private final String chinese;
        private final String english;

        Column(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        @Override
        public String chinese() {
            return chinese;
        }

        @Override
        public String english() {
            return english;
        }

        @Override
        public boolean required() {
            return this != NOTE;
        }
    }

    private static final String HEADER = "工号,姓名,性别,出生日期,手机号,身份证号,部门编码,入职日期,岗位,状态\n";
    private static final String ROW = "100001,张伟,女,1949-12-31,13812345678,11010519491231002X,D1,1970-07-01,\"收费员,一班\",在职\n";

    @Test
    void readsUtf8CsvWithBomAndQuotedCommas() {
        byte[] bytes = ("\uFEFF" + HEADER + ROW).getBytes(StandardCharsets.UTF_8);
        List<TableRow<Column>> rows = TableReader.read("a.CSV", bytes, Column.class);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(Column.NAME)).isEqualTo("张伟");
        assertThat(rows.getFirst().get(Column.JOB_TITLE)).isEqualTo("收费员,一班");
        assertThat(rows.getFirst().line()).isEqualTo(2);
        assertThat(rows.getFirst().get(Column.NOTE)).isEmpty();
    }

    @Test
    void matchesEnglishHeadersInAnyCaseAndOrder() {
        String text = "NAME,Employee_No,status,job_title,hire_date,department_code,id_card,phone,birth_date,gender,note\n"
                + "张伟,100001,在职,收费员,1970-07-01,D1,11010519491231002X,13812345678,1949-12-31,女,夜班\n";
        TableRow<Column> row = TableReader.read("en.csv", text.getBytes(StandardCharsets.UTF_8), Column.class).getFirst();
        assertThat(row.get(Column.EMPLOYEE_NO)).isEqualTo("100001");
        assertThat(row.get(Column.NOTE)).isEqualTo("夜班");
    }

    @Test
    void rowNumbersFollowTheFileEvenWhenAQuotedFieldSpansLines() {
        String text = HEADER + "100001,张伟,女,1949-12-31,13812345678,11010519491231002X,D1,1970-07-01,\"收费员\n一班\",在职\n"
                + "\n" + ROW;
        List<TableRow<Column>> rows = TableReader.read("lines.csv", text.getBytes(StandardCharsets.UTF_8), Column.class);
        assertThat(rows).extracting(TableRow::line).containsExactly(2, 5);
    }

    @Test
    void readsGbkCsvAsExcelSavesIt() {
        byte[] bytes = (HEADER + ROW).getBytes(Charset.forName("GBK"));
        List<TableRow<Column>> rows = TableReader.read("gbk.csv", bytes, Column.class);
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
            List<TableRow<Column>> rows = TableReader.read("hr.xlsx", out.toByteArray(), Column.class);
            assertThat(rows).hasSize(1);
            TableRow<Column> row = rows.getFirst();
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.get(Column.EMPLOYEE_NO)).isEqualTo("100001");
            assertThat(row.get(Column.BIRTH_DATE)).isEqualTo("1949-12-31");
            assertThat(row.get(Column.PHONE)).isEqualTo("13812345678");
            assertThat(row.get(Column.GENDER)).isEmpty();
        }
    }

    @Test
    void refusesOtherFileTypesAndMissingColumns() {
        assertThatThrownBy(() -> TableReader.read("a.xls", new byte[0], Column.class))
                .isInstanceOf(TableFileException.class).hasMessageContaining("import.file.type");
        assertThatThrownBy(() -> TableReader.read("a.csv", "工号,姓名\n1,张\n".getBytes(StandardCharsets.UTF_8), Column.class))
                .isInstanceOf(TableFileException.class).hasMessageContaining("身份证号");
        assertThatThrownBy(() -> TableReader.read("a.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), Column.class))
                .isInstanceOf(TableFileException.class).hasMessageContaining("import.file.unreadable");
    }
}
