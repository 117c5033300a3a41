package org.tongxin.org.internal.imports;

import java.util.EnumMap;
import java.util.Map;

/** One data row of an HR file as read, before validation; {@code line} is the row number a user sees in the file. */
public record RawRow(int line, Map<Column, String> values) {

    public RawRow {
        values = new EnumMap<>(values);
    }

    public String get(Column column) {
        String v = values.get(column);
        return v == null ? "" : v.strip();
    }
}
