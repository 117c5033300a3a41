package org.tongxin.org.internal.imports;

/** The file as a whole cannot be read: wrong type, no header row, missing columns. Carries an i18n key. */
public class ImportFileException extends RuntimeException {

    private final String messageKey;
    private final String detail;

    public ImportFileException(String messageKey, String detail) {
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
