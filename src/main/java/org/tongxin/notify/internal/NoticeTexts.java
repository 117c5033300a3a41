package org.tongxin.notify.internal;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongxin.notify.Message;

/**
 * Renders a notice in one language. Patterns always go through {@link MessageFormat} (Spring skips it when there are
 * no arguments), so {@code ''} means an apostrophe in every notice template alike.
 */
@Component
public class NoticeTexts {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    /** A notice as one person reads it. */
    public record Text(String title, String body) {
    }

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    public Text render(Message message, Locale locale) {
        if (message.template() == null) {
            return new Text(message.title(), message.body());
        }
        Object[] args = message.args().toArray();
        return new Text(format("notice." + message.template() + ".title", args, locale),
                format("notice." + message.template() + ".body", args, locale));
    }

    /** One message key in the language, formatted with the arguments. */
    public String format(String key, Object[] args, Locale locale) {
        String pattern = messages.getMessage(key, null, locale);
        return new MessageFormat(pattern, locale).format(args);
    }
}
