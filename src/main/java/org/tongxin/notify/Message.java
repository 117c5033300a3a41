package org.tongxin.notify;

import java.util.Arrays;
import java.util.List;

/**
 * What to tell people. Normally a {@code template}: the message keys {@code notice.<template>.title} and
 * {@code notice.<template>.body} (in {@code messages*.properties}, MessageFormat with {@code {0}}… for the
 * {@code args}, so an apostrophe is written {@code ''}), rendered in each person's own language when delivered.
 * A literal title and body stand for text a person wrote (an officer's own words), shown as written to everyone.
 * {@code link} is a path inside Tongxin, or null. {@code urgent} notices (escalations, overdue decisions) are never
 * held by quiet hours or a digest and always go out on an outside channel when one is configured.
 */
public record Message(NoticeKind kind, String template, List<String> args, String title, String body, String link,
                      boolean urgent) {

    public Message {
        if (kind == null) {
            throw new IllegalArgumentException("a notification needs a kind");
        }
        if (template == null && (title == null || title.isBlank())) {
            throw new IllegalArgumentException("a notification needs a template or a title");
        }
        if (template != null && !template.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("a notification template is a message key part: " + template);
        }
        args = args == null ? List.of() : List.copyOf(args);
        body = body == null ? "" : body;
        if (link != null && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("a notification link must be a path inside Tongxin");
        }
    }

    /**
     * A notice from the template {@code notice.<template>.title/body}, its arguments turned to text as given (format
     * dates and numbers language-neutrally, e.g. {@code 2026-11-27 09:00}, before passing them).
     */
    public static Message of(NoticeKind kind, String template, String link, Object... args) {
        return new Message(kind, template, Arrays.stream(args).map(String::valueOf).toList(), null, null, link, false);
    }

    /** A notice in words a person wrote, the same for every reader. */
    public static Message literal(NoticeKind kind, String title, String body, String link) {
        return new Message(kind, null, List.of(), title, body, link, false);
    }

    /** The same notice marked urgent: it goes out at once, whatever the quiet hours or digest. */
    public Message urgently() {
        return new Message(kind, template, args, title, body, link, true);
    }
}
