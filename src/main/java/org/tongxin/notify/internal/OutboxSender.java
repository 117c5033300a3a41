package org.tongxin.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.org.EmployeeSummary;
import org.tongxin.org.OrgDirectory;
import org.tongxin.shared.web.PublicAddress;

/**
 * Delivers the outbox: claims due rows (leased, so any number of nodes may run this at once), sends each on its
 * channel, and records the result — sent, tried again after a backoff that grows fourfold, or failed for good with
 * the reason. Stops sending a claimed batch before its lease could run out, handing the rest back. Also folds the
 * notices held for daily digests into one per person and channel.
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** A claimed row is not started later than this before its lease ends (a send takes 15 s at most). */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final int DIGEST_LINES = 20;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Map<ChannelName, OutboundChannel> channels = new EnumMap<>(ChannelName.class);
    private final OrgDirectory org;
    private final NoticeSettings settings;
    private final NotifyProperties properties;
    private final PublicAddress address;
    private final NoticeTexts texts;
    private final TransactionTemplate tx;
    private final Clock clock;

    OutboxSender(JdbcClient jdbc, Outbox outbox, List<OutboundChannel> channels, OrgDirectory org,
                 NoticeSettings settings, NotifyProperties properties, PublicAddress address, NoticeTexts texts,
                 TransactionTemplate tx, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        channels.forEach(c -> this.channels.put(c.name(), c));
        this.org = org;
        this.settings = settings;
        this.properties = properties;
        this.address = address;
        this.texts = texts;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Sends one batch of what is due; returns how many went out. */
    public int sendDue() {
        return sendDue(now());
    }

    /** As {@link #sendDue()} with the time given (tests step through retries and quiet hours with it). */
    public int sendDue(OffsetDateTime now) {
        Outbox.Claim claim = outbox.claim(now, properties.batchSize(), properties.lease());
        if (claim.rows().isEmpty()) {
            return 0;
        }
        OffsetDateTime stopAt = OffsetDateTime.now(clock).plus(properties.lease()).minus(MARGIN);
        List<Long> people = claim.rows().stream().map(Outbox.Due::employeeId).distinct().toList();
        Map<Long, EmployeeSummary> employees = org.employees(people);
        Map<Long, NoticeSetting> own = settings.of(people);
        int sent = 0;
        List<Long> handBack = new ArrayList<>();
        for (Outbox.Due row : claim.rows()) {
            if (OffsetDateTime.now(clock).isAfter(stopAt)) {
                handBack.add(row.id());
                continue;
            }
            try {
                channel(row.channel()).send(outgoing(row, employees.get(row.employeeId()),
                        own.getOrDefault(row.employeeId(), NoticeSetting.NONE)));
                if (outbox.sent(claim.token(), row.id(), now)) {
                    sent++;
                }
            } catch (DeliveryFailure failure) {
                boolean last = failure.permanent() || row.attempts() >= properties.maxAttempts();
                outbox.failed(claim.token(), row.id(), failure.getMessage(), last ? null : now.plus(backoff(row.attempts())));
                if (last) {
                    log.warn("Notice {} on {} failed for good after {} attempts: {}", row.id(), row.channel(),
                            row.attempts(), failure.getMessage());
                }
            } catch (RuntimeException e) {
                log.error("Notice {} on {} failed unexpectedly", row.id(), row.channel(), e);
                outbox.failed(claim.token(), row.id(), e.getClass().getSimpleName(),
                        row.attempts() >= properties.maxAttempts() ? null : now.plus(backoff(row.attempts())));
            }
        }
        if (!handBack.isEmpty()) {
            outbox.handBack(claim.token(), handBack);
        }
        return sent;
    }

    /** 30 s, 2 min, 8 min, 32 min, ~2 h … after the first, second … attempt (with the default first retry). */
    Duration backoff(int attempts) {
        return properties.firstRetry().multipliedBy(1L << (2 * Math.min(Math.max(attempts - 1, 0), 10)));
    }

    private OutboundChannel channel(ChannelName name) throws DeliveryFailure {
        OutboundChannel channel = channels.get(name);
        if (channel == null || !channel.enabled()) {
            throw new DeliveryFailure("the " + name + " channel is not configured", true);
        }
        return channel;
    }

    private OutboundChannel.Outgoing outgoing(Outbox.Due row, EmployeeSummary employee, NoticeSetting setting)
            throws DeliveryFailure {
        if (employee == null) {
            throw new DeliveryFailure("no such employee", true);
        }
        String mobile = row.channel() == ChannelName.SMS
                ? org.mobileOf(row.employeeId()).orElseThrow(() -> new DeliveryFailure("no current mobile number", true))
                : null;
        if (row.channel() == ChannelName.EMAIL && !setting.reaches(ChannelName.EMAIL)) {
            throw new DeliveryFailure("no email address", true);
        }
        return new OutboundChannel.Outgoing(row.id(), row.employeeId(), employee.employeeNo(), setting.email(), mobile,
                row.title(), row.body(), row.link() == null ? null : address.of(row.link()),
                Locale.forLanguageTag(row.language()));
    }

    /**
     * Folds the notices held for digests whose time has come into one notice per person and channel, in the language
     * of the newest. One node at a time (a transaction-level advisory lock, tried, not waited for); returns how many
     * digests were made.
     */
    public int digest(OffsetDateTime now) {
        Integer made = tx.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('notify-digest'))")
                    .query(Boolean.class).single());
            if (!mine) {
                return 0;
            }
            record Held(long id, long employeeId, ChannelName channel, String language, String title) {
            }
            List<Held> held = jdbc.sql("""
                            SELECT id, employee_id, channel, language, title FROM notice_outbox
                            WHERE status = 'HELD' AND not_before <= ? ORDER BY employee_id, channel, id LIMIT 20000""")
                    .param(now)
                    .query((rs, i) -> new Held(rs.getLong(1), rs.getLong(2), ChannelName.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5)))
                    .list();
            Map<List<Object>, List<Held>> groups = held.stream().collect(Collectors.groupingBy(
                    h -> List.of(h.employeeId(), h.channel()), LinkedHashMap::new, Collectors.toList()));
            Map<Long, NoticeSetting> own = settings.of(held.stream().map(Held::employeeId).distinct().toList());
            ZonedDateTime local = now.atZoneSameInstant(properties.zone());
            for (List<Held> group : groups.values()) {
                Held newest = group.getLast();
                Locale language = Locale.forLanguageTag(newest.language());
                StringBuilder body = new StringBuilder();
                group.stream().limit(DIGEST_LINES).forEach(h -> body.append("· ").append(h.title()).append('\n'));
                if (group.size() > DIGEST_LINES) {
                    body.append(texts.format("notify.digest.more", new Object[]{group.size() - DIGEST_LINES}, language))
                            .append('\n');
                }
                NoticeSetting setting = own.getOrDefault(newest.employeeId(), NoticeSetting.NONE);
                long id = jdbc.sql("""
                                INSERT INTO notice_outbox (employee_id, channel, kind, urgent, language, title, body, link,
                                  status, not_before)
                                VALUES (?, ?, 'DIGEST', false, ?, ?, ?, '/inbox', 'PENDING', ?) RETURNING id""")
                        .params(newest.employeeId(), newest.channel().name(), newest.language(),
                                texts.format("notify.digest.title", new Object[]{group.size()}, language),
                                body.toString().strip(),
                                DeliveryPolicy.afterQuietHours(setting, local).toOffsetDateTime())
                        .query(Long.class).single();
                jdbc.sql("UPDATE notice_outbox SET status = 'DIGESTED', digest_id = ? WHERE id = ANY(?)")
                        .params(id, group.stream().map(Held::id).toArray(Long[]::new)).update();
            }
            return groups.size();
        });
        return made == null ? 0 : made;
    }

    /** Which channels are configured, for the admins' page. */
    public Set<ChannelName> enabled() {
        return outbox.enabled();
    }
}
