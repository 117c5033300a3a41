package org.tongxin.notify.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Text messages through the HTTP gateway the enterprise contracts (see {@link NotifyProperties.Sms}): the signature,
 * the title and the link, at most 300 characters (carriers split long ones). A number the gateway refuses with a 4xx
 * is a permanent failure.
 */
@Component
class SmsChannel implements OutboundChannel {

    private static final int MAX = 300;

    private final NotifyProperties.Sms config;
    private final JsonHttp http = new JsonHttp();

    SmsChannel(NotifyProperties properties) {
        this.config = properties.sms();
    }

    @Override
    public ChannelName name() {
        return ChannelName.SMS;
    }

    @Override
    public boolean enabled() {
        return config.configured();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        if (message.mobile() == null || message.mobile().isBlank()) {
            throw new DeliveryFailure("no mobile number", true);
        }
        String text = text(message);
        boolean json = config.contentType().contains("json");
        String body = config.body().replace("{phone}", escape(message.mobile(), json)).replace("{text}", escape(text, json));
        String answer = http.post(config.url(), body, config.contentType() + "; charset=utf-8", config.headers());
        if (!config.successField().isBlank()) {
            JsonNode node = JsonHttp.json(answer).path(config.successField());
            if (!config.successValue().equals(node.asString(""))) {
                throw new DeliveryFailure(config.successField() + " = " + JsonHttp.abbreviate(node.toString(), 60)
                        + ": " + JsonHttp.abbreviate(answer, 120), false);
            }
        }
    }

    String text(Outgoing m) {
        String text = config.signature() + m.title() + (m.url() == null ? "" : " " + m.url());
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }

    private static String escape(String value, boolean json) {
        if (!json) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        String quoted = JsonHttp.JSON.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}
