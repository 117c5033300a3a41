package org.tongxin.publicity.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.org.OrgDirectory;
import org.tongxin.org.OrgUnit;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.crypto.FieldCipher;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.PublicAddress;
import org.tongxin.shared.web.Refusal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat-group robots of units and the push outbox. Publishing writes one push per active robot of the item's unit
 * in the publishing transaction; {@link #deliverDue} claims due pushes with SKIP LOCKED (so two nodes never send
 * one twice), posts the card in the robot's own format — a 企业微信 news card, a 钉钉 link card signed with the
 * robot's secret when it has one — and retries failures with growing delays until the last attempt, after which
 * the push stays FAILED with the reason for officers to see. Robot URLs carry their key: kept encrypted, shown
 * masked, and only to the official robot hosts (configurable, so tests and private deployments can add theirs).
 */
@Service
public class Pushes {

    /** Delays before the 2nd, 3rd … attempt; after the last the push is FAILED. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));
    static final Set<String> KINDS = Set.of("WECOM", "DINGTALK");

    /** A robot as officers see it (URL masked). */
    public record Webhook(long id, long unitId, String kind, String name, String maskedUrl, boolean signed,
                          boolean active) {
    }

    /** A push as officers see it. */
    public record Push(long id, long itemId, long webhookId, String webhookName, String status, int attempts,
                       OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime sentAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Items items;
    private final FieldCipher cipher;
    private final OrgDirectory org;
    private final AuditTrail audit;
    private final HttpClient http;
    private final Set<String> allowedHosts;
    private final PublicAddress address;

    Pushes(JdbcClient jdbc, Items items, FieldCipher cipher, OrgDirectory org, AuditTrail audit,
           @Value("${tongxin.publicity.webhook-hosts:qyapi.weixin.qq.com,oapi.dingtalk.com}") Set<String> allowedHosts,
           PublicAddress address) {
        this.jdbc = jdbc;
        this.items = items;
        this.cipher = cipher;
        this.org = org;
        this.audit = audit;
        this.allowedHosts = allowedHosts;
        // Cards are read outside the platform, so their links must be absolute.
        this.address = address;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Adds a robot to a unit the officer manages. */
    @Transactional
    public long add(Viewer officer, long unitId, String kind, String name, String url, String secret) {
        OrgUnit unit = org.managedUnit(officer, unitId);
        if (!KINDS.contains(kind)) {
            throw new Refusal("publicity.error.badWebhook");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 60) {
            throw new Refusal("publicity.error.webhookNameRequired");
        }
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal("publicity.error.badWebhook");
        }
        boolean localTest = "http".equals(uri.getScheme()) && allowedHosts.contains(uri.getHost());
        if (uri.getHost() == null || !allowedHosts.contains(uri.getHost())
                || !("https".equals(uri.getScheme()) || localTest)) {
            throw new Refusal("publicity.error.badWebhook");
        }
        String s = secret == null || secret.isBlank() ? null : secret.strip();
        long id = jdbc.sql("""
                        INSERT INTO publicity_webhook (unit_id, kind, name, url_encrypted, secret_encrypted, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.id(), kind, n, cipher.encrypt(uri.toString()), s == null ? null : cipher.encrypt(s),
                        officer.accountId())
                .query(Long.class).single();
        audit.record(officer, "publicity.webhook.add", "publicity_webhook", id, unit.id(), n, Map.of(),
                Map.of("kind", kind, "host", uri.getHost()));
        return id;
    }

    @Transactional
    public void deactivate(Viewer officer, long webhookId) {
        long unitId = jdbc.sql("SELECT unit_id FROM publicity_webhook WHERE id = ?").param(webhookId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("webhook " + webhookId));
        org.managedUnit(officer, unitId);
        jdbc.sql("UPDATE publicity_webhook SET active = false WHERE id = ?").param(webhookId).update();
        audit.record(officer, "publicity.webhook.deactivate", "publicity_webhook", webhookId, unitId, "", Map.of(),
                Map.of("active", false));
    }

    public List<Webhook> ofUnit(long unitId) {
        return jdbc.sql("""
                        SELECT id, unit_id, kind, name, url_encrypted, secret_encrypted IS NOT NULL, active
                        FROM publicity_webhook WHERE unit_id = ? ORDER BY id""")
                .param(unitId)
                .query((rs, i) -> new Webhook(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        masked(cipher.decrypt(rs.getString(5))), rs.getBoolean(6), rs.getBoolean(7)))
                .list();
    }

    static String masked(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                + (uri.getQuery() == null ? "" : "?…" + url.substring(Math.max(url.length() - 4, 0)));
    }

    /** Queues a push of the item to every active robot of its unit (inside the publishing transaction). */
    void queue(long itemId, long unitId) {
        jdbc.sql("""
                        INSERT INTO publicity_push (item_id, webhook_id, status)
                        SELECT ?, id, 'PENDING' FROM publicity_webhook WHERE unit_id = ? AND active
                        ON CONFLICT DO NOTHING""")
                .params(itemId, unitId).update();
    }

    private static final RowMapper<Push> PUSH = (rs, i) -> new Push(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
            rs.getObject(9, OffsetDateTime.class));

    public List<Push> ofItem(long itemId) {
        return jdbc.sql("""
                        SELECT p.id, p.item_id, p.webhook_id, w.name, p.status, p.attempts, p.next_attempt_at, p.last_error,
                          p.sent_at FROM publicity_push p JOIN publicity_webhook w ON w.id = p.webhook_id
                        WHERE p.item_id = ? ORDER BY p.id""")
                .param(itemId).query(PUSH).list();
    }

    /** Pushes that gave up, for the officers of the units given. */
    public List<Push> failedOf(java.util.Collection<Long> unitIds) {
        return jdbc.sql("""
                        SELECT p.id, p.item_id, p.webhook_id, w.name, p.status, p.attempts, p.next_attempt_at, p.last_error,
                          p.sent_at FROM publicity_push p JOIN publicity_webhook w ON w.id = p.webhook_id
                        WHERE p.status = 'FAILED' AND w.unit_id = ANY(?) ORDER BY p.id DESC LIMIT 50""")
                .param(unitIds.toArray(Long[]::new)).query(PUSH).list();
    }

    /** An officer sends a failed push again (from the first attempt). */
    @Transactional
    public void retry(Viewer officer, long pushId) {
        long unitId = jdbc.sql("""
                        SELECT w.unit_id FROM publicity_push p JOIN publicity_webhook w ON w.id = p.webhook_id WHERE p.id = ?""")
                .param(pushId).query(Long.class).optional().orElseThrow(() -> new NotFoundException("push " + pushId));
        org.managedUnit(officer, unitId);
        int retried = jdbc.sql("""
                        UPDATE publicity_push SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                        WHERE id = ? AND status = 'FAILED'""")
                .param(pushId).update();
        if (retried == 1) {
            audit.record(officer, "publicity.push.retry", "publicity_push", pushId, unitId, "",
                    Map.of("status", "FAILED"), Map.of("status", "PENDING"));
        }
    }

    /**
     * Sends the pushes that are due, holding each claimed row's lock while its robot answers (a few seconds at
     * most), so no other node sends it meanwhile. Returns how many were sent.
     */
    @Transactional
    public int deliverDue(int limit) {
        record Due(long id, long itemId, String kind, String url, String secret, int attempts) {
        }
        List<Due> due = jdbc.sql("""
                        SELECT p.id, p.item_id, w.kind, w.url_encrypted, w.secret_encrypted, p.attempts
                        FROM publicity_push p JOIN publicity_webhook w ON w.id = p.webhook_id
                        WHERE p.status = 'PENDING' AND p.next_attempt_at <= now()
                        ORDER BY p.next_attempt_at LIMIT ? FOR UPDATE OF p SKIP LOCKED""")
                .param(limit)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), cipher.decrypt(rs.getString(4)),
                        rs.getString(5) == null ? null : cipher.decrypt(rs.getString(5)), rs.getInt(6)))
                .list();
        int sent = 0;
        for (Due d : due) {
            Optional<String> error;
            Optional<Items.Item> item = items.find(d.itemId()).filter(Items.Item::published);
            if (item.isEmpty()) {
                error = Optional.of("the item is no longer published");
            } else {
                error = send(d.kind(), d.url(), d.secret(), item.get());
            }
            if (error.isEmpty()) {
                jdbc.sql("UPDATE publicity_push SET status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = ?")
                        .param(d.id()).update();
                sent++;
            } else if (d.attempts() + 1 > BACKOFF.size() || item.isEmpty()) {
                jdbc.sql("UPDATE publicity_push SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?")
                        .params(error.get(), d.id()).update();
            } else {
                jdbc.sql("""
                                UPDATE publicity_push SET attempts = attempts + 1, last_error = ?,
                                  next_attempt_at = now() + CAST(? AS interval) WHERE id = ?""")
                        .params(error.get(), BACKOFF.get(d.attempts()).toSeconds() + " seconds", d.id()).update();
            }
        }
        return sent;
    }

    /** The card for an item in the robot's format, with the item's public page and cover as absolute URLs. */
    String card(String kind, Items.Item item) {
        String url = address.of("/p/" + item.id());
        String cover = item.coverKey() == null ? null : address.of("/p/" + item.id() + "/cover");
        if (kind.equals("WECOM")) {
            return JSON.writeValueAsString(Map.of("msgtype", "news", "news", Map.of("articles", List.of(
                    withPicture(Map.of("title", item.title(), "description", item.summary(), "url", url), "picurl", cover)))));
        }
        return JSON.writeValueAsString(Map.of("msgtype", "link", "link",
                withPicture(Map.of("title", item.title(), "text", item.summary().isEmpty() ? item.title() : item.summary(),
                        "messageUrl", url), "picUrl", cover)));
    }

    private static Map<String, String> withPicture(Map<String, String> fields, String key, String picture) {
        if (picture == null) {
            return fields;
        }
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>(fields);
        m.put(key, picture);
        return m;
    }

    private Optional<String> send(String kind, String url, String secret, Items.Item item) {
        try {
            String target = url;
            if (kind.equals("DINGTALK") && secret != null) {
                long timestamp = System.currentTimeMillis();
                target += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                        + URLEncoder.encode(dingTalkSign(timestamp, secret), StandardCharsets.UTF_8);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(card(kind, item), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                return Optional.of("HTTP " + response.statusCode());
            }
            // Both robots answer 200 with {"errcode":0,"errmsg":"ok"} on success and a non-zero errcode otherwise.
            var answer = JSON.readTree(response.body());
            int code = answer.path("errcode").asInt(-1);
            return code == 0 ? Optional.empty()
                    : Optional.of("errcode " + code + ": " + answer.path("errmsg").asString(""));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** 钉钉 加签: base64 of HmacSHA256(key = secret, text = timestamp + "\n" + secret). */
    static String dingTalkSign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
