package org.tongxin.notify.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tongxin.notify.*}: which outside channels a person gets when they have not chosen (only configured ones
 * count), the zone quiet hours and digests are read in, retries, and each channel's credentials. A channel is off
 * until its credentials are set; email is on when {@code spring.mail.host} and {@code tongxin.notify.email.from} are.
 */
@ConfigurationProperties("tongxin.notify")
public record NotifyProperties(
        @DefaultValue({"WECOM", "DINGTALK", "EMAIL"}) List<ChannelName> defaultChannels,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue Email email,
        @DefaultValue WeCom wecom,
        @DefaultValue DingTalk dingtalk,
        @DefaultValue Sms sms) {

    /** The sender address; the server is Spring Boot's {@code spring.mail.*}. */
    public record Email(@DefaultValue("") String from) {
    }

    /** 企业微信 self-built application: corp id, the application's secret and agent id. */
    public record WeCom(@DefaultValue("https://qyapi.weixin.qq.com") String baseUrl, @DefaultValue("") String corpId,
                        @DefaultValue("") String secret, Long agentId) {

        boolean configured() {
            return !corpId.isBlank() && !secret.isBlank() && agentId != null;
        }
    }

    /** 钉钉 internal application: app key and secret and agent id, for work notices (工作通知). */
    public record DingTalk(@DefaultValue("https://oapi.dingtalk.com") String baseUrl, @DefaultValue("") String appKey,
                           @DefaultValue("") String appSecret, Long agentId) {

        boolean configured() {
            return !appKey.isBlank() && !appSecret.isBlank() && agentId != null;
        }
    }

    /**
     * An HTTP SMS gateway: POST to {@code url} the {@code body} template with {@code {phone}} and {@code {text}}
     * filled in (escaped for JSON when the content type is JSON, URL-encoded for a form), the {@code headers} given
     * (an API key); success is a 2xx answer and, when {@code successField} is set, that JSON field equal to
     * {@code successValue}. {@code signature} (【…】) is put before the text, as Chinese carriers require.
     */
    public record Sms(@DefaultValue("") String url,
                      @DefaultValue("{\"mobile\":\"{phone}\",\"content\":\"{text}\"}") String body,
                      @DefaultValue("application/json") String contentType,
                      @DefaultValue Map<String, String> headers,
                      @DefaultValue("") String successField, @DefaultValue("") String successValue,
                      @DefaultValue("【同心】") String signature) {

        boolean configured() {
            return !url.isBlank();
        }
    }
}
