package org.tongxin.publicity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.publicity.ItemPublication;
import org.tongxin.publicity.ItemRead;
import org.tongxin.publicity.ItemShares;

/**
 * Publicity's countable records as snapshots for figures kept elsewhere — items published (and withdrawn), reads,
 * shares per channel and day — read as they stand now. The services publish one after every change of such a
 * record, inside the change's transaction; {@link org.tongxin.publicity.PublicityHistory} replays them all through
 * the same reads, so a replay gives exactly what the services would publish now.
 */
@Component
public class PublicitySnapshots {

    private static final String ITEMS = """
            SELECT id, unit_id, kind, published_at, withdrawn_at FROM publicity_item WHERE published_at IS NOT NULL""";
    private static final String READS = """
            SELECT r.item_id, r.reader, i.unit_id AS item_unit_id, r.unit_id, r.first_at
            FROM publicity_read r JOIN publicity_item i ON i.id = r.item_id""";
    private static final String SHARES = """
            SELECT s.item_id, i.unit_id, s.channel, s.day, s.count
            FROM publicity_share s JOIN publicity_item i ON i.id = s.item_id""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicitySnapshots(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Publishes the item as it stands, after it was published or withdrawn in the current transaction. */
    public void itemChanged(long itemId) {
        items(ITEMS + " AND id = ?", List.of(itemId), version()).forEach(events::publishEvent);
    }

    /** Publishes a reader's read of an item, after it was counted in the current transaction. */
    void readCounted(long itemId, String reader) {
        reads(READS + " WHERE r.item_id = ? AND r.reader = ?", List.of(itemId, reader), version())
                .forEach(events::publishEvent);
    }

    /** Publishes the shares of an item on a channel and day as they stand, after one more in this transaction. */
    void sharesCounted(long itemId, String channel, LocalDate day) {
        shares(SHARES + " WHERE s.item_id = ? AND s.channel = ? AND s.day = ?", List.of(itemId, channel, day),
                version()).forEach(events::publishEvent);
    }

    /** Up to {@code limit} published (or once published) items after {@code afterId}, in id order. */
    public List<ItemPublication> itemsAfter(long afterId, int limit, long version) {
        return items(ITEMS + " AND id > ? ORDER BY id LIMIT ?", List.of(afterId, limit), version);
    }

    /** Up to {@code limit} reads after the one given, in (item, reader) order. */
    public List<ItemRead> readsAfter(long itemId, String reader, int limit, long version) {
        return reads(READS + " WHERE (r.item_id, r.reader) > (?, ?) ORDER BY r.item_id, r.reader LIMIT ?",
                List.of(itemId, reader, limit), version);
    }

    /** Up to {@code limit} share counts after the one given, in (item, channel, day) order. */
    public List<ItemShares> sharesAfter(long itemId, String channel, LocalDate day, int limit, long version) {
        return shares(SHARES + """
                         WHERE (s.item_id, s.channel, s.day) > (?, ?, ?)
                        ORDER BY s.item_id, s.channel, s.day LIMIT ?""",
                List.of(itemId, channel, day, limit), version);
    }

    private List<ItemPublication> items(String sql, List<Object> params, long version) {
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new ItemPublication(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("kind"),
                        day(rs, "published_at"), day(rs, "withdrawn_at"), version))
                .list();
    }

    private List<ItemRead> reads(String sql, List<Object> params, long version) {
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new ItemRead(rs.getLong("item_id"), rs.getString("reader"),
                        rs.getLong("item_unit_id"), rs.getObject("unit_id", Long.class), day(rs, "first_at"), version))
                .list();
    }

    private List<ItemShares> shares(String sql, List<Object> params, long version) {
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new ItemShares(rs.getLong("item_id"), rs.getLong("unit_id"), rs.getString("channel"),
                        rs.getObject("day", LocalDate.class), rs.getInt("count"), version))
                .list();
    }

    /** The day of a moment in the platform's time zone, as every page shows it. */
    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    private long version() {
        Instant now = Instant.now(clock);
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
