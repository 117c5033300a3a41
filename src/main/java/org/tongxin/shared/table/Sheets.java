package org.tongxin.shared.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables as sheets of one .xlsx download for the finance office or a meeting: numbers as numbers (so sums work in
 * Excel), everything else as text, blanks left empty, no header row when a table has none.
 */
public final class Sheets {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One table: its sheet name, column headings (may be none) and rows. */
    public record Table(String name, List<String> headers, List<List<Object>> rows) {
    }

    private Sheets() {
    }

    public static ResponseEntity<byte[]> download(String fileName, String sheetName, List<String> headers,
                                                  List<List<Object>> rows) {
        return download(fileName, List.of(new Table(sheetName, headers, rows)));
    }

    public static ResponseEntity<byte[]> download(String fileName, List<Table> tables) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(workbook(tables));
    }

    /** The .xlsx bytes of the tables. */
    public static byte[] workbook(List<Table> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Table t : tables) {
                Sheet sheet = book.createSheet(t.name().replaceAll("[\\\\/?*\\[\\]:]", " "));
                int r = 0;
                if (!t.headers().isEmpty()) {
                    Row header = sheet.createRow(r++);
                    for (int i = 0; i < t.headers().size(); i++) {
                        header.createCell(i).setCellValue(t.headers().get(i));
                    }
                }
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v instanceof Number n) {
                            row.createCell(i).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(i).setCellValue(v.toString());
                        }
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
