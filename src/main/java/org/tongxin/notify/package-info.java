/**
 * Notifications: the in-app inbox with its unread count, and the API other modules call (or the
 * {@link org.tongxin.notify.NotificationRequested} event they publish) to reach one person or everyone in a subtree.
 * Notices are rendered from templates in each person's language; besides the inbox they go out on the outside
 * channels each person chose (email, 企业微信, 钉钉, SMS) through an outbox in the database, with quiet hours, a daily
 * digest and retries.
 */
package org.tongxin.notify;
