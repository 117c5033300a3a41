package org.tongxin.org.internal.imports;

/**
 * One problem in one row: the row number as the user sees it, the column ({@code null} for the row as a whole)
 * and an i18n key with the offending value as its argument.
 */
public record RowError(int line, Column column, String messageKey, String value) {
}
