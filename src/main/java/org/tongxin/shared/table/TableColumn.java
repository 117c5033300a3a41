package org.tongxin.shared.table;

import java.util.Optional;

/** A column of an uploaded table; headers match in Chinese or English (any case), in any order. */
public interface TableColumn {

    String chinese();

    String english();

    /** Whether a file without this column is refused as a whole. */
    default boolean required() {
        return true;
    }

    /** The column of {@code type} a header names, if any. */
    static <C extends Enum<C> & TableColumn> Optional<C> forHeader(Class<C> type, String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip().replace("\uFEFF", "");
        for (C c : type.getEnumConstants()) {
            if (c.chinese().equals(h) || c.english().equalsIgnoreCase(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
