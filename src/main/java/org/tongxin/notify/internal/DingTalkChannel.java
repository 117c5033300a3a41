package org.tongxin.notify.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 钉钉 work notices ({@code POST /topapi/message/corpconversation/asyncsend_v2}): an action card with the link when
 * there is one, else text, to the person whose 钉钉 userid is their employee number. 钉钉 queues the notice and
 * answers with a {@code task_id}; a userid it rejects at once (errcode 33012) is a permanent failure.
 */
@Component
class DingTalkChannel implements OutboundChannel {

    private static final Set<Integer> TOKEN_GONE = Set.of(40014, 42001, 88);
    private static final Set<Integer> NOBODY = Set.of(33012, 60121);

    private final NotifyProperties.DingTalk config;
    private final JsonHttp http = new JsonHttp();
    private final AccessTokens tokens;

    DingTalkChannel(NotifyProperties properties, Optional<Clock> clock) {
        this.config = properties.dingtalk();
        this.tokens = new AccessTokens(clock.orElse(Clock.systemUTC()));
    }

    @Override
    public ChannelName name() {
        return ChannelName.DINGTALK;
    }

    @Override
    public boolean enabled() {
        return config.configured();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        JsonNode answer = tokens.call(() -> http.get(config.baseUrl() + "/gettoken?appkey="
                        + JsonHttp.query(config.appKey()) + "&appsecret=" + JsonHttp.query(config.appSecret())),
                token -> http.post(config.baseUrl() + "/topapi/message/corpconversation/asyncsend_v2?access_token="
                        + JsonHttp.query(token), body(message)), TOKEN_GONE);
        int code = answer.path("errcode").asInt(-1);
        if (code != 0) {
            throw new DeliveryFailure("errcode " + code + ": " + answer.path("errmsg").asString(""), NOBODY.contains(code));
        }
    }

    Map<String, Object> body(Outgoing m) {
        Map<String, Object> msg = new LinkedHashMap<>();
        if (m.url() != null) {
            msg.put("msgtype", "action_card");
            msg.put("action_card", Map.of("title", m.title(),
                    "markdown", "### " + m.title() + "\n\n" + m.body(),
                    "single_title", "zh".equals(m.language().getLanguage()) ? "查看详情" : "Details",
                    "single_url", m.url()));
        } else {
            msg.put("msgtype", "text");
            msg.put("text", Map.of("content", m.title() + "\n" + m.body()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_id", config.agentId());
        body.put("userid_list", m.employeeNo());
        body.put("msg", msg);
        return body;
    }
}
