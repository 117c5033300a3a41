package org.tongxin.shared.table;

/** The file as a whole cannot be read: wrong type, no header row, missing columns. Carries an i18n key. */
public class TableFileException extends RuntimeException {

    private final String messageKey;
    private final String detail;

    public TableFileException(String messageKey, String detail) {
        super(messageKey + (detail == null ? "" : ": " + detail));
        this.messageKey = messageKey;
        this.detail = detail;
    }

    public String messageKey() {
        return messageKey;
    }

    public String detail() {
        return detail;
    }
}
