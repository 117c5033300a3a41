package org.tongxin.library.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.library.internal.Copies.Status;
import org.tongxin.shared.web.Page;

/**
 * What a reading room holds, as its officers look at it: the copies belonging to it or standing in it, copies on
 * their way in and out, figures per room, the labels to print, and a plain look-up of titles for the desk.
 */
@Repository
public class Holdings {

    /** A copy with its title, and the due date of its open loan if it is out. */
    public record CopyRow(long id, String barcode, long titleId, String title, String authors, Status status,
                          String statusNote, long homeRoomId, long roomId, OffsetDateTime addedAt,
                          OffsetDateTime dueAt) {
    }

    /** A room's figures on the officers' index. */
    public record RoomCounts(int copies, int onLoan, int overdue, int readyHolds, int arriving) {

        static final RoomCounts NONE = new RoomCounts(0, 0, 0, 0, 0);
    }

    /** What the label sheet prints: all of a room's copies, those added on a day, or those chosen. */
    public record LabelFilter(LocalDate addedOn, List<String> barcodes) {

        public boolean all() {
            return addedOn == null && barcodes.isEmpty();
        }
    }

    private static final String COPY_COLUMNS = """
            SELECT c.id, c.barcode, c.title_id, t.title, t.authors, c.status, c.status_note, c.home_room_id, c.room_id,
              c.added_at, (SELECT l.due_at FROM library_loan l WHERE l.copy_id = c.id AND l.returned_at IS NULL)
            FROM library_copy c JOIN library_title t ON t.id = c.title_id""";
    private static final RowMapper<CopyRow> COPY = (rs, i) -> new CopyRow(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getString(4), rs.getString(5), Status.valueOf(rs.getString(6)), rs.getString(7),
            rs.getLong(8), rs.getLong(9), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));

    private final JdbcClient jdbc;

    Holdings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies that belong to the room or stand in it now (a copy returned here on its way home, a floating copy),
     * optionally of one status and matching a barcode or words of the title, by title.
     */
    public Page<CopyRow> ofRoom(long roomId, Status status, String q, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE (c.home_room_id = :room OR c.room_id = :room)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", roomId);
        if (status != null) {
            where.append(" AND c.status = :status");
            params.put("status", status.name());
        }
        String words = q == null ? "" : q.strip();
        if (!words.isEmpty()) {
            where.append(" AND (c.barcode = upper(:q) OR t.title ILIKE :like OR t.authors ILIKE :like)");
            params.put("q", words);
            params.put("like", "%" + likeEscaped(words) + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM library_copy c JOIN library_title t ON t.id = c.title_id" + where)
                .params(params).query(Long.class).single();
        List<CopyRow> rows = jdbc.sql(COPY_COLUMNS + where + " ORDER BY t.title, c.barcode LIMIT :size OFFSET :offset")
                .params(params).param("size", size).param("offset", (long) page * size).query(COPY).list();
        return new Page<>(rows, page, size, total);
    }

    /** Copies on their way to the room: to its hold shelf, or home. */
    public List<CopyRow> arriving(long roomId) {
        return jdbc.sql(COPY_COLUMNS + " WHERE c.room_id = ? AND c.status = 'IN_TRANSIT' ORDER BY c.barcode")
                .param(roomId).query(COPY).list();
    }

    /**
     * Copies returned at the room and sent on from there (home, or to someone's pickup room): the copy's last
     * loan came back here and it has not arrived yet.
     */
    public List<CopyRow> leaving(long roomId) {
        return jdbc.sql(COPY_COLUMNS + """
                         WHERE c.status = 'IN_TRANSIT' AND c.room_id <> :room
                          AND (SELECT l.returned_room_id FROM library_loan l WHERE l.copy_id = c.id
                               ORDER BY l.returned_at DESC NULLS FIRST LIMIT 1) = :room
                        ORDER BY c.barcode""")
                .param("room", roomId).query(COPY).list();
    }

    /** The copies of a title in the rooms given. */
    public List<CopyRow> ofTitle(long titleId, Collection<Long> roomIds) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COPY_COLUMNS + " WHERE c.title_id = :title AND (c.home_room_id IN (:rooms) OR c.room_id IN (:rooms))"
                        + " ORDER BY c.barcode")
                .param("title", titleId).param("rooms", roomIds).query(COPY).list();
    }

    public Map<Long, RoomCounts> counts(Collection<Long> roomIds, OffsetDateTime now) {
        Map<Long, RoomCounts> counts = new LinkedHashMap<>();
        if (roomIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT r.id,
                          (SELECT count(*) FROM library_copy c WHERE c.home_room_id = r.id
                             AND c.status NOT IN ('LOST', 'WITHDRAWN')),
                          (SELECT count(*) FROM library_loan l WHERE l.room_id = r.id AND l.returned_at IS NULL),
                          (SELECT count(*) FROM library_loan l WHERE l.room_id = r.id AND l.returned_at IS NULL
                             AND l.due_at < :now),
                          (SELECT count(*) FROM library_hold h WHERE h.pickup_room_id = r.id AND h.status = 'READY'),
                          (SELECT count(*) FROM library_copy c WHERE c.room_id = r.id AND c.status = 'IN_TRANSIT')
                        FROM library_room r WHERE r.id IN (:ids)""")
                .param("ids", roomIds).param("now", now)
                .query((rs, i) -> counts.put(rs.getLong(1), new RoomCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6))))
                .list();
        roomIds.forEach(id -> counts.putIfAbsent(id, RoomCounts.NONE));
        return counts;
    }

    /** Copies whose home is the room (lost and withdrawn ones aside) for a label sheet, by barcode. */
    public Page<CopyRow> forLabels(long roomId, LabelFilter filter, ZoneId zone, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE c.home_room_id = :room AND c.status NOT IN ('LOST', 'WITHDRAWN')");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", roomId);
        if (filter.addedOn() != null) {
            where.append(" AND c.added_at >= :from AND c.added_at < :to");
            params.put("from", filter.addedOn().atStartOfDay(zone).toOffsetDateTime());
            params.put("to", filter.addedOn().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (!filter.barcodes().isEmpty()) {
            where.append(" AND c.barcode IN (:barcodes)");
            params.put("barcodes", filter.barcodes());
        }
        long total = jdbc.sql("SELECT count(*) FROM library_copy c" + where).params(params).query(Long.class).single();
        List<CopyRow> rows = jdbc.sql(COPY_COLUMNS + where + " ORDER BY c.barcode LIMIT :size OFFSET :offset")
                .params(params).param("size", size).param("offset", (long) page * size).query(COPY).list();
        return new Page<>(rows, page, size, total);
    }

    /** Titles for the desk: by ISBN when the text is one, else by words of the title or the authors. */
    public List<Catalogue.Title> findTitles(String q, int limit) {
        String words = q == null ? "" : q.strip();
        if (words.isEmpty()) {
            return List.of();
        }
        var isbn = Isbn.toIsbn13(words);
        if (isbn.isPresent()) {
            return jdbc.sql(Catalogue.TITLE_COLUMNS + " WHERE isbn13 = ?").param(isbn.get()).query(Catalogue.TITLE)
                    .list();
        }
        String like = "%" + likeEscaped(words) + "%";
        return jdbc.sql(Catalogue.TITLE_COLUMNS + """
                         WHERE title ILIKE :like OR authors ILIKE :like
                        ORDER BY title = :q DESC, length(title), title LIMIT :limit""")
                .param("like", like).param("q", words).param("limit", limit).query(Catalogue.TITLE).list();
    }

    /** Which of the ISBN-13s are catalogued already. */
    public Set<String> catalogued(Collection<String> isbns) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(isbns);
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT isbn13 FROM library_title WHERE isbn13 IN (:isbns)")
                    .param("isbns", all.subList(from, Math.min(all.size(), from + 1000))).query(String.class).list());
        }
        return found;
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
