package org.tongxin.library.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.notify.Message;
import org.tongxin.notify.NoticeKind;
import org.tongxin.notify.NotificationRequested;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.web.NotFoundException;
import org.tongxin.shared.web.Refusal;

/**
 * Acquisition suggestions (荐购): an employee suggests a book for a room; the room's officers accept it, decline it
 * with a reply, or mark it acquired once copies are on the shelf. The suggester is told of each decision.
 */
@Service
public class Suggestions {

    /** Where a suggestion stands. */
    public enum Status {
        NEW, ACCEPTED, DECLINED, ACQUIRED
    }

    /** A suggestion as lists show it. */
    public record Suggestion(long id, long employeeId, long roomId, String title, String authors, String isbn13,
                             String reason, Status status, String reply, OffsetDateTime decidedAt,
                             OffsetDateTime createdAt) {
    }

    /** Most open suggestions one person may have at a time, so a room's list stays readable. */
    public static final int MAX_OPEN_PER_PERSON = 10;

    private static final String COLUMNS = "SELECT id, employee_id, room_id, title, authors, isbn13, reason, status, "
            + "reply, decided_at, created_at FROM library_suggestion";
    private static final RowMapper<Suggestion> MAPPER = (rs, i) -> new Suggestion(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            Status.valueOf(rs.getString(8)), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
            rs.getObject(11, OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final Rooms rooms;
    private final Circulation circulation;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Suggestions(JdbcClient jdbc, Rooms rooms, Circulation circulation, AuditTrail audit,
                ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.circulation = circulation;
        this.audit = audit;
        this.events = events;
    }

    /** An employee suggests a book for a room. */
    @Transactional
    public long suggest(Viewer employee, long roomId, String title, String authors, String isbn, String reason) {
        if (employee.employeeId() == null) {
            throw new Refusal("library.error.notAnEmployee");
        }
        rooms.find(roomId).orElseThrow(() -> new Refusal("library.error.noSuchRoom"));
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new Refusal("library.error.titleRequired");
        }
        String isbn13 = null;
        if (isbn != null && !isbn.isBlank()) {
            isbn13 = Isbn.toIsbn13(isbn).orElseThrow(() -> new Refusal("library.error.badIsbn"));
        }
        String a = authors == null ? "" : authors.strip();
        String r = reason == null ? "" : reason.strip();
        if (a.length() > 300 || r.length() > 1000) {
            throw new Refusal("library.error.tooLong");
        }
        long open = jdbc.sql("SELECT count(*) FROM library_suggestion WHERE employee_id = ? AND status = 'NEW'")
                .param(employee.employeeId()).query(Long.class).single();
        if (open >= MAX_OPEN_PER_PERSON) {
            throw new Refusal("library.error.tooManySuggestions");
        }
        return jdbc.sql("""
                        INSERT INTO library_suggestion (employee_id, room_id, title, authors, isbn13, reason, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'NEW') RETURNING id""")
                .params(employee.employeeId(), roomId, t, a, isbn13, r).query(Long.class).single();
    }

    /**
     * An officer of the room decides: ACCEPTED (will be bought), DECLINED (a reply is required) or ACQUIRED (on
     * the shelf now). A decided suggestion may move on (accepted → acquired) but not back to new.
     */
    @Transactional
    public void decide(Viewer officer, long id, Status decision, String reply) {
        if (decision == Status.NEW) {
            throw new IllegalArgumentException("NEW is not a decision");
        }
        Suggestion s = find(id).orElseThrow(() -> new NotFoundException("suggestion " + id));
        Room room = circulation.managedRoom(officer, s.roomId());
        String text = reply == null ? "" : reply.strip();
        if (decision == Status.DECLINED && text.isEmpty()) {
            throw new Refusal("library.error.replyRequired");
        }
        if (text.length() > 500) {
            throw new Refusal("library.error.tooLong");
        }
        if (s.status() == Status.DECLINED || s.status() == Status.ACQUIRED || s.status() == decision) {
            throw new Refusal("library.error.alreadyDecided");
        }
        jdbc.sql("""
                        UPDATE library_suggestion SET status = ?, reply = ?, decided_by = ?, decided_at = now()
                        WHERE id = ?""")
                .params(decision.name(), text.isEmpty() ? null : text, officer.accountId(), id).update();
        audit.record(officer, "library.suggestion." + decision.name().toLowerCase(), "library_suggestion", id,
                room.unitId(), s.title(), Map.of("status", s.status()), Map.of("status", decision));
        events.publishEvent(NotificationRequested.toEmployee(s.employeeId(), reply(decision, s.title(), room.name(),
                text)));
    }

    /** The reader's notice of a decision, with the officer's reply when there is one (always for a decline). */
    private static Message reply(Status decision, String title, String room, String text) {
        String link = "/library/suggestions";
        return switch (decision) {
            case ACCEPTED -> text.isEmpty()
                    ? Message.of(NoticeKind.LIBRARY, "library.suggestion-accepted", link, title, room)
                    : Message.of(NoticeKind.LIBRARY, "library.suggestion-accepted-reply", link, title, room, text);
            case DECLINED -> Message.of(NoticeKind.LIBRARY, "library.suggestion-declined", link, title, room, text);
            case ACQUIRED -> text.isEmpty()
                    ? Message.of(NoticeKind.LIBRARY, "library.suggestion-acquired", link, title, room)
                    : Message.of(NoticeKind.LIBRARY, "library.suggestion-acquired-reply", link, title, room, text);
            case NEW -> throw new IllegalArgumentException("NEW is not a decision");
        };
    }

    public Optional<Suggestion> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public List<Suggestion> of(long employeeId) {
        return jdbc.sql(COLUMNS + " WHERE employee_id = ? ORDER BY created_at DESC LIMIT 100").param(employeeId)
                .query(MAPPER).list();
    }

    /** Suggestions for the rooms given, new ones first. */
    public List<Suggestion> forRooms(Collection<Long> roomIds) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE room_id IN (:ids) ORDER BY status = 'NEW' DESC, created_at DESC LIMIT 200")
                .param("ids", roomIds).query(MAPPER).list();
    }
}
