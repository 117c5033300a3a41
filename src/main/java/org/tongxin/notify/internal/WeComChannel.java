package org.tongxin.notify.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 企业微信 application messages ({@code POST /cgi-bin/message/send}): a text card with the link when there is one,
 * else text, to the person whose 企业微信 userid is their employee number (the usual way enterprises set up
 * 通讯录). Duplicate check on, so a retry after a lost answer is not shown twice. A userid the application cannot
 * reach ({@code invaliduser}, errcode 81013 …) is a permanent failure.
 */
@Component
class WeComChannel implements OutboundChannel {

    /** Invalid or expired access token: fetch a new one and try once more. */
    private static final Set<Integer> TOKEN_GONE = Set.of(40014, 42001, 40082);
    /** Invalid userid, user not found, every recipient invalid, user outside the application's range. */
    private static final Set<Integer> NOBODY = Set.of(40003, 60111, 81013, 82001);

    private final NotifyProperties.WeCom config;
    private final JsonHttp http = new JsonHttp();
    private final AccessTokens tokens;

    WeComChannel(NotifyProperties properties, Optional<Clock> clock) {
        this.config = properties.wecom();
        this.tokens = new AccessTokens(clock.orElse(Clock.systemUTC()));
    }

    @Override
    public ChannelName name() {
        return ChannelName.WECOM;
    }

    @Override
    public boolean enabled() {
        return config.configured();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        JsonNode answer = tokens.call(() -> http.get(config.baseUrl() + "/cgi-bin/gettoken?corpid="
                        + JsonHttp.query(config.corpId()) + "&corpsecret=" + JsonHttp.query(config.secret())),
                token -> http.post(config.baseUrl() + "/cgi-bin/message/send?access_token=" + JsonHttp.query(token),
                        body(message)), TOKEN_GONE);
        int code = answer.path("errcode").asInt(-1);
        String invalid = answer.path("invaliduser").asString("");
        if (code == 0 && invalid.isEmpty()) {
            return;
        }
        String reason = code == 0 ? "invaliduser " + invalid : "errcode " + code + ": " + answer.path("errmsg").asString("");
        throw new DeliveryFailure(reason, code == 0 || NOBODY.contains(code));
    }

    Map<String, Object> body(Outgoing m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", m.employeeNo());
        body.put("agentid", config.agentId());
        if (m.url() != null) {
            body.put("msgtype", "textcard");
            body.put("textcard", Map.of("title", JsonHttp.cutBytes(m.title(), 128),
                    "description", JsonHttp.cutBytes(m.body().isBlank() ? m.title() : m.body(), 512),
                    "url", m.url(), "btntxt", "zh".equals(m.language().getLanguage()) ? "详情" : "Details"));
        } else {
            body.put("msgtype", "text");
            body.put("text", Map.of("content", JsonHttp.cutBytes(m.title() + "\n" + m.body(), 2048)));
        }
        body.put("enable_duplicate_check", 1);
        body.put("duplicate_check_interval", 1800);
        return body;
    }
}
