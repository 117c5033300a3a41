package org.tongxin.library.internal;

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
import org.tongxin.library.LibraryLoan;

/**
 * Loans as the snapshots the library publishes after each change, read the same way for the live events and for the
 * history's replay, so a replay produces exactly what the live code would publish now.
 */
@Component
public class LoanSnapshots {

    /**
     * The reader's previous loan from the same room is the latest one borrowed before this one (ties broken by id),
     * found through the reader's index.
     */
    private static final String LOAN = """
            SELECT l.id, l.room_id, r.unit_id, c.title_id, l.borrowed_at, l.due_at, l.returned_at,
              (SELECT max(p.borrowed_at) FROM library_loan p WHERE p.employee_id = l.employee_id
                 AND p.room_id = l.room_id AND (p.borrowed_at, p.id) < (l.borrowed_at, l.id)) AS previous
            FROM library_loan l JOIN library_room r ON r.id = l.room_id JOIN library_copy c ON c.id = l.copy_id""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoanSnapshots(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Publishes the loan as it now stands, in the transaction of the change. */
    void changed(long loanId) {
        Instant now = Instant.now(clock);
        long version = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        jdbc.sql(LOAN + " WHERE l.id = ?").param(loanId).query((rs, i) -> loan(rs, version)).optional()
                .ifPresent(events::publishEvent);
    }

    /** Loans with ids above {@code afterId}, in id order, as of now with version 0. */
    public List<LibraryLoan> after(long afterId, int limit) {
        return jdbc.sql(LOAN + " WHERE l.id > ? ORDER BY l.id LIMIT ?").params(afterId, limit)
                .query((rs, i) -> loan(rs, 0)).list();
    }

    private static LibraryLoan loan(ResultSet rs, long version) throws SQLException {
        return new LibraryLoan(rs.getLong("id"), rs.getLong("room_id"), rs.getLong("unit_id"), rs.getLong("title_id"),
                day(rs.getObject("borrowed_at", OffsetDateTime.class)),
                day(rs.getObject("due_at", OffsetDateTime.class)),
                day(rs.getObject("returned_at", OffsetDateTime.class)),
                day(rs.getObject("previous", OffsetDateTime.class)), version);
    }

    /** The day of a moment in the server's time zone (the one loans are due by); null stays null. */
    private static LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }
}
