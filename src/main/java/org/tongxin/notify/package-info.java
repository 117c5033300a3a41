/**
 * Notifications: the in-app inbox with its unread count, and the API other modules call (or the
 * {@link org.tongxin.notify.NotificationRequested} event they publish) to reach one person or
 * everyone in a subtree. Delivery goes through {@link org.tongxin.notify.Channel}s so that email and
 * enterprise chat plug in beside the inbox.
 */
package org.tongxin.notify;
