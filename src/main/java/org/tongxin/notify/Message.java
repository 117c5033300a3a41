package org.tongxin.notify;

/**
 * What to tell people. {@code link} is a path inside Tongxin, or null.
 */
public record Message(String title, String body, String link) {

    public Message {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a notification needs a title");
        }
        body = body == null ? "" : body;
        if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("a notification link must be a path inside Tongxin");
        }
    }
}
