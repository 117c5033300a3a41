package org.tongxin.rights.internal;

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
import org.tongxin.rights.AppealProgress;

/**
 * The snapshots rights publishes after each change of an appeal, read back whole in the transaction of the change;
 * {@link org.tongxin.rights.RightsHistory} replays the same read.
 */
@Component
public class RightsSnapshots {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RightsSnapshots(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Publishes the appeal as it stands now. */
    public void changed(long id) {
        Instant now = Instant.now(clock);
        events.publishEvent(appeals(id - 1, 1, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000).getFirst());
    }

    private static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** The appeals after {@code after} in id order, at most {@code limit}. */
    public List<AppealProgress> appeals(long after, int limit, long version) {
        return jdbc.sql("""
                        SELECT a.id, a.home_unit_id, a.category, a.employee_id, a.created_at, a.status, a.accept_due,
                          a.resolve_due, a.rating, a.rated_at, a.closed_at,
                          (SELECT max(s.created_at) FROM rights_appeal_step s
                           WHERE s.appeal_id = a.id AND s.kind = 'MEDIATION') AS mediated_at
                        FROM rights_appeal a WHERE a.id > ? ORDER BY a.id LIMIT ?""")
                .params(after, limit)
                .query((rs, i) -> {
                    AppealCategory category = AppealCategory.valueOf(rs.getString("category"));
                    String status = rs.getString("status");
                    LocalDate ended = switch (status) {
                        case "CLOSED" -> day(rs.getObject("closed_at", OffsetDateTime.class));
                        case "MEDIATION" -> day(rs.getObject("mediated_at", OffsetDateTime.class));
                        default -> null;
                    };
                    LocalDate due = switch (status) {
                        case "SUBMITTED" -> rs.getObject("accept_due", LocalDate.class);
                        case "ACCEPTED" -> rs.getObject("resolve_due", LocalDate.class);
                        default -> null;
                    };
                    return new AppealProgress(rs.getLong("id"), rs.getLong("home_unit_id"), category.name(),
                            category.sensitive() ? rs.getLong("employee_id") : null,
                            day(rs.getObject("created_at", OffsetDateTime.class)), ended, due, status,
                            rs.getString("rating"), day(rs.getObject("rated_at", OffsetDateTime.class)), version);
                })
                .list();
    }
}
