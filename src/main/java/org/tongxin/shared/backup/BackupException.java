package org.tongxin.shared.backup;

/** A backup or restore that was refused or failed, with a message meant for the operator running the command. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
