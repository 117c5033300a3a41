package org.tongxin.shared.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the cells of one worksheet's XML straight into rows of text. POI's own XSSFSheetXMLHandler
 * asks the styles table (XMLBeans) about every cell, which took most of a 100,000-row import; here
 * each style is asked once whether it formats dates. Dates come out as ISO dates, whole numbers
 * without grouping or exponent (phone numbers typed as numbers), blank rows stay in place so row
 * numbers match the sheet.
 */
final class SheetHandler extends DefaultHandler {

    final List<List<String>> records = new ArrayList<>();
    int firstRowNumber = -1;

    private final SharedStrings strings;
    private final boolean[] dateStyles;
    private final StringBuilder text = new StringBuilder();
    private List<String> row;
    private int nextRowNumber;
    private boolean collecting;
    private String cellRef;
    private String cellType;
    private int cellStyle;

    SheetHandler(SharedStrings strings, StylesTable styles) {
        this.strings = strings;
        int count = styles == null ? 0 : styles.getNumCellStyles();
        this.dateStyles = new boolean[count];
        for (int i = 0; i < count; i++) {
            XSSFCellStyle style = styles.getStyleAt(i);
            dateStyles[i] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                // A row without its number follows the previous one (the first is row 1).
                int number = r != null ? Integer.parseInt(r) : firstRowNumber < 0 ? 1 : nextRowNumber;
                if (firstRowNumber < 0) {
                    firstRowNumber = number;
                    nextRowNumber = number;
                }
                while (nextRowNumber < number) {
                    records.add(new ArrayList<>());
                    nextRowNumber++;
                }
                row = new ArrayList<>();
            }
            case "c" -> {
                cellRef = attributes.getValue("r");
                cellType = attributes.getValue("t");
                String s = attributes.getValue("s");
                cellStyle = s == null ? -1 : Integer.parseInt(s);
                text.setLength(0);
            }
            case "v", "t" -> collecting = true;
            default -> {
                // other elements (formulas, rich-text runs' properties) carry nothing we read
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (collecting) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "t" -> collecting = false;
            case "c" -> put(value());
            case "row" -> {
                records.add(row);
                nextRowNumber++;
            }
            default -> {
                // nothing to finish
            }
        }
    }

    private String value() {
        String raw = text.toString();
        if (cellType == null || cellType.equals("n")) {
            return raw.isEmpty() ? "" : number(raw);
        }
        return switch (cellType) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
            default -> raw;
        };
    }

    private String number(String raw) {
        double value = Double.parseDouble(raw);
        if (cellStyle >= 0 && cellStyle < dateStyles.length && dateStyles[cellStyle] && DateUtil.isValidExcelDate(value)) {
            return DateUtil.getLocalDateTime(value).toLocalDate().toString();
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
    }

    private void put(String value) {
        int col = column(cellRef, row.size());
        while (row.size() < col) {
            row.add("");
        }
        row.add(value);
    }

    /** Column index of a reference like "AB12"; a cell without a reference follows the previous one. */
    private static int column(String ref, int next) {
        if (ref == null) {
            return next;
        }
        int col = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            col = col * 26 + (ref.charAt(i) - 'A' + 1);
        }
        return col - 1;
    }
}
