package org.tongxin.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.notify.Message;

/**
 * The notices waiting for the outside channels, written in the transaction of the change that caused them. Senders
 * claim due rows with {@code FOR UPDATE SKIP LOCKED} and lease them under a fresh token, so two nodes never take the
 * same row; a row whose sender died is taken again when its lease runs out. Results are written only by the holder
 * of the lease.
 */
@Repository
public class Outbox {

    /** A claimed row, ready to send. */
    public record Due(long id, long employeeId, ChannelName channel, String language, String title, String body,
                      String link, int attempts) {
    }

    /** A row as the admins' page shows it. */
    public record Row(long id, long employeeId, ChannelName channel, String kind, boolean urgent, String title,
                      String status, int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime notBefore,
                      OffsetDateTime sentAt) {
    }

    /** How many rows per channel and status. */
    public record Count(ChannelName channel, String status, long rows) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getLong("employee_id"),
            ChannelName.valueOf(rs.getString("channel")), rs.getString("kind"), rs.getBoolean("urgent"),
            rs.getString("title"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("not_before", OffsetDateTime.class),
            rs.getObject("sent_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final NoticeSettings settings;
    private final List<OutboundChannel> channels;
    private final NotifyProperties properties;
    private final Clock clock;

    Outbox(JdbcClient jdbc, NoticeSettings settings, List<OutboundChannel> channels, NotifyProperties properties,
           Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** The outside channels that are configured. */
    public Set<ChannelName> enabled() {
        Set<ChannelName> out = EnumSet.noneOf(ChannelName.class);
        channels.stream().filter(OutboundChannel::enabled).forEach(c -> out.add(c.name()));
        return out;
    }

    /**
     * Queues the notice, already rendered in {@code language}, for each person's outside channels: one statement
     * however many people. Does nothing when no outside channel is configured.
     */
    public void enqueue(List<Long> employeeIds, Message message, Locale language, NoticeTexts.Text text) {
        Set<ChannelName> enabled = enabled();
        if (enabled.isEmpty()) {
            return;
        }
        Map<Long, NoticeSetting> own = settings.of(employeeIds);
        Map<Long, Set<ChannelName>> chosen = settings.chosen(employeeIds, message.kind());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.zone()));
        List<Long> people = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (Long id : employeeIds) {
            NoticeSetting setting = own.getOrDefault(id, NoticeSetting.NONE);
            Set<ChannelName> picked = DeliveryPolicy.channels(message.urgent(), chosen.get(id),
                    properties.defaultChannels(), enabled, setting);
            if (picked.isEmpty()) {
                continue;
            }
            DeliveryPolicy.Timing timing = DeliveryPolicy.timing(message.urgent(), setting, now);
            for (ChannelName c : picked) {
                people.add(id);
                names.add(c.name());
                states.add(timing.held() ? "HELD" : "PENDING");
                times.add(timing.notBefore().toOffsetDateTime().toString());
            }
        }
        if (people.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO notice_outbox (employee_id, channel, status, not_before, kind, urgent, language, title,
                          body, link)
                        SELECT p, c, s, t::timestamptz, ?, ?, ?, ?, ?, ?
                        FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS r(p, c, s, t)""")
                .params(message.kind().name(), message.urgent(), language.toLanguageTag(), text.title(), text.body(),
                        message.link(), people.toArray(Long[]::new), names.toArray(String[]::new),
                        states.toArray(String[]::new), times.toArray(String[]::new))
                .update();
    }

    /** Leases up to {@code limit} due rows to one sender for {@code lease}; returns the token and the rows. */
    public Claim claim(OffsetDateTime now, int limit, Duration lease) {
        UUID token = UUID.randomUUID();
        List<Due> rows = jdbc.sql("""
                        UPDATE notice_outbox o SET status = 'SENDING', attempts = o.attempts + 1, claim_token = ?,
                          lease_until = ?
                        WHERE o.id IN (SELECT id FROM notice_outbox
                                       WHERE (status = 'PENDING' AND not_before <= ?) OR (status = 'SENDING' AND lease_until < ?)
                                       ORDER BY not_before, id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING o.id, o.employee_id, o.channel, o.language, o.title, o.body, o.link, o.attempts""")
                .params(token, now.plus(lease), now, now, limit)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), ChannelName.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .list();
        return new Claim(token, rows.stream().sorted(Comparator.comparingLong(Due::id)).toList());
    }

    /** Rows leased under one token. */
    public record Claim(UUID token, List<Due> rows) {
    }

    /** Whether the row was still held under the token (a sender whose lease ran out writes nothing). */
    public boolean sent(UUID token, long id, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE notice_outbox SET status = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL
                        WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")
                .params(at, id, token).update() == 1;
    }

    /** Tries again at {@code retryAt}, or gives up when {@code retryAt} is null. */
    public boolean failed(UUID token, long id, String reason, OffsetDateTime retryAt) {
        String r = reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        return jdbc.sql("""
                        UPDATE notice_outbox SET status = ?, not_before = coalesce(?, not_before), last_error = ?,
                          lease_until = NULL
                        WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")
                .params(retryAt == null ? "FAILED" : "PENDING", retryAt, r, id, token).update() == 1;
    }

    /** Hands claimed rows back unsent (the lease was about to run out), as if never claimed. */
    public void handBack(UUID token, List<Long> ids) {
        jdbc.sql("""
                        UPDATE notice_outbox SET status = 'PENDING', attempts = attempts - 1, lease_until = NULL
                        WHERE id = ANY(?) AND claim_token = ? AND status = 'SENDING'""")
                .params(ids.toArray(Long[]::new), token).update();
    }

    /** Forgets rows that are done (sent, folded into a digest, failed) and older than {@code before}; returns how many. */
    public int purge(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM notice_outbox WHERE status IN ('SENT', 'DIGESTED', 'FAILED') AND created_at < ?")
                .param(before).update();
    }

    /** Rows per channel and status, for the admins' page. */
    public List<Count> counts() {
        return jdbc.sql("SELECT channel, status, count(*) FROM notice_outbox GROUP BY channel, status ORDER BY 1, 2")
                .query((rs, i) -> new Count(ChannelName.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** How many rows are in one of {@code statuses}, for the metrics (each status has its partial index). */
    public long inStatus(String... statuses) {
        return jdbc.sql("SELECT count(*) FROM notice_outbox WHERE status = ANY(?)").param(statuses).query(Long.class)
                .single();
    }

    /** The newest rows that gave up, with the reason. */
    public List<Row> failures(int limit) {
        return jdbc.sql("SELECT * FROM notice_outbox WHERE status = 'FAILED' ORDER BY id DESC LIMIT ?").param(limit)
                .query(ROW).list();
    }

    /** The newest rows for one person, for the admins' page when someone says they got nothing. */
    public List<Row> ofPerson(long employeeId, int limit) {
        return jdbc.sql("SELECT * FROM notice_outbox WHERE employee_id = ? ORDER BY id DESC LIMIT ?")
                .params(employeeId, limit).query(ROW).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM notice_outbox WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Puts a failed row back in the queue from its first attempt; false when it is not failed. */
    public boolean retry(long id, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE notice_outbox SET status = 'PENDING', attempts = 0, not_before = ?, last_error = NULL
                        WHERE id = ? AND status = 'FAILED'""")
                .params(now, id).update() == 1;
    }
}
