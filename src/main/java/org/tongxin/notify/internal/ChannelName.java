package org.tongxin.notify.internal;

/** The outside channels; the inbox is not one of them, it always works. */
public enum ChannelName {
    EMAIL, WECOM, DINGTALK, SMS
}
