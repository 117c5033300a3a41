package org.tongxin.notify;

/**
 * What a notice is about: each person chooses per kind which channels besides the inbox reach them. The message key
 * {@code notify.kind.<NAME>} names the kind on the settings page.
 */
public enum NoticeKind {
    ACCOUNT, MEMBERSHIP, ACTIVITY, LIBRARY, TRAINING, CARE, VOICE, PUBLICITY, LIVE, RIGHTS, BENEFITS
}
