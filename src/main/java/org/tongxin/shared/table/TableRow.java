package org.tongxin.shared.table;

import java.util.EnumMap;
import java.util.Map;

/**
 * One data row of an uploaded table as read, before validation; {@code line} is the row number a user
 * sees in the file.
 */
public record TableRow<C extends Enum<C>>(int line, Map<C, String> values) {

    public TableRow {
        values = values.isEmpty() ? Map.copyOf(values) : new EnumMap<>(values);
    }

    public String get(C column) {
        String v = values.get(column);
        return v == null ? "" : v.strip();
    }
}
