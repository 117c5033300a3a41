package org.tongxin.shared.table;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** Dates as people type them into HR files in China: 2026-1-5, 2026/1/5, 2026.1.5, 20260105, 2026年1月5日. */
public final class TableDates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"), DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("uuuu年M月d日")).stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private TableDates() {
    }

    /** The date, or empty when the text is none of the accepted forms or no real date (2026-02-30). */
    public static Optional<LocalDate> parse(String text) {
        for (DateTimeFormatter f : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, f));
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }
}
