package org.tongxin.shared.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded table (.xlsx, or .csv in UTF-8 or GBK) into rows keyed by the caller's columns. The .xlsx is streamed (SAX, see
 * {@link SheetHandler}) so a file of 100,000 rows does not build a workbook in memory; dates in
 * date-formatted cells come out as ISO dates whatever the cell's display format.
 */
public final class TableReader {

    static final Charset GBK = Charset.forName("GBK");

    private TableReader() {
    }

    /**
     * The data rows of the first sheet (or the CSV), numbered as in the file.
     *
     * @throws TableFileException when the type is wrong, the file unreadable or empty, or a column is missing
     */
    public static <C extends Enum<C> & TableColumn> List<TableRow<C>> read(String fileName, byte[] content,
                                                                          Class<C> columns) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return readXlsx(content, columns);
        }
        if (name.endsWith(".csv")) {
            return readCsv(content, columns);
        }
        throw new TableFileException("import.file.type", fileName);
    }

    // ---- CSV

    static <C extends Enum<C> & TableColumn> List<TableRow<C>> readCsv(byte[] content, Class<C> columns) {
        List<Integer> lines = new ArrayList<>();
        List<List<String>> records = parseCsv(decode(content), lines);
        return toRows(records, lines::get, columns);
    }

    /** UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise GBK, as Excel in China saves CSV. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, GBK);
        }
    }

    /**
     * RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. {@code startLines} receives
     * the line of the file each record starts on, which is what a person looking at the file counts.
     */
    static List<List<String>> parseCsv(String text, List<Integer> startLines) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                    line++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                startLines.add(recordLine);
                recordLine = line;
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            startLines.add(recordLine);
        }
        return records;
    }

    // ---- XLSX

    static <C extends Enum<C> & TableColumn> List<TableRow<C>> readXlsx(byte[] content, Class<C> columns) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TableFileException("import.file.empty", null);
            }
            SheetHandler handler = new SheetHandler(strings, styles);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
            }
            int first = Math.max(1, handler.firstRowNumber);
            return toRows(handler.records, index -> first + index, columns);
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            if (e instanceof TableFileException ife) {
                throw ife;
            }
            if (zipBomb(e)) {
                throw new TableFileException("badinput.bomb", null);
            }
            throw new TableFileException("import.file.unreadable", e.getClass().getSimpleName());
        }
    }

    /** POI's ZipSecureFile refused an entry that inflates far beyond its compressed size. */
    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    // ---- shared

    /**
     * First non-blank record is the header; every later non-blank record becomes a row numbered as in the file.
     *
     * @param lineOf the line or row number in the file of the record at an index
     */
    private static <C extends Enum<C> & TableColumn> List<TableRow<C>> toRows(List<List<String>> records,
                                                                             IntUnaryOperator lineOf, Class<C> type) {
        int headerIndex = -1;
        for (int i = 0; i < records.size(); i++) {
            if (!isBlank(records.get(i))) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex < 0) {
            throw new TableFileException("import.file.empty", null);
        }
        Map<Integer, C> columns = new HashMap<>();
        List<String> header = records.get(headerIndex);
        for (int c = 0; c < header.size(); c++) {
            int index = c;
            TableColumn.forHeader(type, header.get(c)).ifPresent(col -> columns.put(index, col));
        }
        List<String> missing = new ArrayList<>();
        for (C col : type.getEnumConstants()) {
            if (col.required() && !columns.containsValue(col)) {
                missing.add(col.chinese());
            }
        }
        if (!missing.isEmpty()) {
            throw new TableFileException("import.file.missingColumns", String.join("、", missing));
        }
        List<TableRow<C>> rows = new ArrayList<>(records.size());
        for (int i = headerIndex + 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (isBlank(record)) {
                continue;
            }
            Map<C, String> values = new EnumMap<>(type);
            for (var e : columns.entrySet()) {
                values.put(e.getValue(), e.getKey() < record.size() ? record.get(e.getKey()) : "");
            }
            rows.add(new TableRow<>(lineOf.applyAsInt(i), values));
        }
        return rows;
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(s -> s == null || s.isBlank());
    }
}
