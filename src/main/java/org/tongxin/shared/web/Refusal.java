package org.tongxin.shared.web;

/**
 * A request refused for a reason the person can act on (a closed unit, a missing reason, a file that is
 * not an image). Carries the i18n key of the message shown to them; pages turn it into a flash message.
 */
public class Refusal extends RuntimeException {

    private final String messageKey;

    public Refusal(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
