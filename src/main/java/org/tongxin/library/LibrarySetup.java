package org.tongxin.library;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.library.internal.Catalogue;
import org.tongxin.library.internal.CatalogueService;
import org.tongxin.library.internal.Circulation;
import org.tongxin.library.internal.Isbn;
import org.tongxin.library.internal.Suggestions;
import org.tongxin.shared.files.FileStore;
import org.tongxin.shared.security.Viewer;

/**
 * Start-up set-up of the library for the demo enterprise. Rooms, loans, holds and suggestions go through the
 * library's services, scope checks, rules and audit included; the bulk of a catalogue (thousands of titles and
 * copies) and a year of past loans are written in a few set-based statements, as they would stand after years of
 * use, with no audit lines of their own.
 */
@Service
public class LibrarySetup {

    /** A title to catalogue; {@code categoryCode} is a code of the category tree, {@code addedAt} its arrival. */
    public record Book(String isbn13, String title, String authors, String publisher, Integer year,
                       String categoryCode, String summary, OffsetDateTime addedAt) {
    }

    /** Copies of a title to put in a room. */
    public record Stock(long titleId, long roomId, int count, OffsetDateTime addedAt) {
    }

    /** A copy as created. */
    public record CopyRef(long id, long titleId, long roomId, String barcode) {
    }

    /** A loan that is over: borrowed from the copy's room and returned at {@code returnedRoomId}. */
    public record PastLoan(long copyId, long employeeId, long roomId, OffsetDateTime borrowedAt, OffsetDateTime dueAt,
                           OffsetDateTime returnedAt, long returnedRoomId) {
    }

    private final CatalogueService catalogueService;
    private final Catalogue catalogue;
    private final Circulation circulation;
    private final Suggestions suggestions;
    private final FileStore files;
    private final JdbcClient jdbc;

    LibrarySetup(CatalogueService catalogueService, Catalogue catalogue, Circulation circulation,
                 Suggestions suggestions, FileStore files, JdbcClient jdbc) {
        this.catalogueService = catalogueService;
        this.catalogue = catalogue;
        this.circulation = circulation;
        this.suggestions = suggestions;
        this.files = files;
        this.jdbc = jdbc;
    }

    /** Opens a reading room run by a unit the officer manages (audited as the officer's action). */
    @Transactional
    public long room(Viewer officer, String name, long unitId, String site, String hours) {
        return catalogueService.addRoom(officer, name, unitId, site, hours);
    }

    /**
     * Catalogues the books in one statement; returns their ids in the order given.
     *
     * @throws IllegalArgumentException for an invalid ISBN or an unknown category code
     */
    @Transactional
    public List<Long> books(List<Book> books, long createdBy) {
        Map<String, Long> categories = new HashMap<>();
        catalogue.categories().forEach(c -> categories.put(c.code(), c.id()));
        int n = books.size();
        String[] isbns = new String[n];
        String[] titles = new String[n];
        String[] authors = new String[n];
        String[] publishers = new String[n];
        Integer[] years = new Integer[n];
        Long[] categoryIds = new Long[n];
        String[] summaries = new String[n];
        String[] addedAt = new String[n];
        for (int i = 0; i < n; i++) {
            Book b = books.get(i);
            isbns[i] = b.isbn13() == null ? null : Isbn.toIsbn13(b.isbn13())
                    .orElseThrow(() -> new IllegalArgumentException("ISBN " + b.isbn13() + " of " + b.title()));
            titles[i] = b.title();
            authors[i] = b.authors();
            publishers[i] = b.publisher();
            years[i] = b.year();
            Long category = categories.get(b.categoryCode());
            if (category == null) {
                throw new IllegalArgumentException("category " + b.categoryCode());
            }
            categoryIds[i] = category;
            summaries[i] = b.summary();
            addedAt[i] = b.addedAt().toString();
        }
        return jdbc.sql("""
                        INSERT INTO library_title (isbn13, title, authors, publisher, pub_year, category_id, summary,
                          created_by, created_at)
                        SELECT isbn, title, authors, publisher, pub_year, category_id, summary, ?, added_at
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::text[],
                          ?::timestamptz[]) WITH ORDINALITY
                          AS b(isbn, title, authors, publisher, pub_year, category_id, summary, added_at, ord)
                        ORDER BY ord
                        RETURNING id""")
                .params(createdBy, isbns, titles, authors, publishers, years, categoryIds, summaries, addedAt)
                .query(Long.class).list();
    }

    /** Gives a title its cover picture (JPEG, PNG or WebP). */
    @Transactional
    public void cover(long titleId, byte[] picture) {
        catalogue.setCover(titleId, files.storeImage("library", picture, picture.length));
    }

    /** Puts copies on the shelves in one statement, numbered as the desk would number them. */
    @Transactional
    public List<CopyRef> copies(List<Stock> stock, long addedBy) {
        List<Long> titleIds = new ArrayList<>();
        List<Long> roomIds = new ArrayList<>();
        List<String> addedAt = new ArrayList<>();
        for (Stock s : stock) {
            for (int i = 0; i < s.count(); i++) {
                titleIds.add(s.titleId());
                roomIds.add(s.roomId());
                addedAt.add(s.addedAt().toString());
            }
        }
        return jdbc.sql("""
                        INSERT INTO library_copy (title_id, barcode, home_room_id, room_id, status, added_at, added_by)
                        SELECT title_id, 'T' || lpad(nextval('library_barcode_seq')::text, 8, '0'), room_id, room_id,
                          'AVAILABLE', added_at, ?
                        FROM (SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::timestamptz[]) WITH ORDINALITY
                              AS s(title_id, room_id, added_at, ord) ORDER BY ord) s
                        RETURNING id, title_id, room_id, barcode""")
                .params(addedBy, titleIds.toArray(Long[]::new), roomIds.toArray(Long[]::new),
                        addedAt.toArray(String[]::new))
                .query((rs, i) -> new CopyRef(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
    }

    /** The reader borrows the copy at the shelf, under the loan rules; returns the loan's id. */
    @Transactional
    public long borrow(Viewer reader, String barcode) {
        return circulation.borrow(reader, barcode).loanId();
    }

    /** An officer lends the copy at the desk of their room; returns the loan's id. */
    @Transactional
    public long lend(Viewer officer, long roomId, String barcode, long employeeId) {
        return circulation.lendAtDesk(officer, roomId, barcode, employeeId).loanId();
    }

    @Transactional
    public void returnCopy(Viewer actor, String barcode, long roomId) {
        circulation.returnCopy(actor, barcode, roomId);
    }

    /** Places a hold; returns the reader's place in the queue. */
    @Transactional
    public int placeHold(Viewer reader, long titleId, long pickupRoomId) {
        return circulation.placeHold(reader, titleId, pickupRoomId);
    }

    /**
     * Moves an open loan back in time by {@code days}, its due date with it, as if it had been borrowed then (demo
     * history: a loan borrowed long enough ago is overdue).
     */
    @Transactional
    public void backdate(long loanId, int days) {
        jdbc.sql("""
                        UPDATE library_loan SET borrowed_at = borrowed_at - make_interval(days => ?),
                          due_at = due_at - make_interval(days => ?)
                        WHERE id = ? AND returned_at IS NULL""")
                .params(days, days, loanId).update();
    }

    /** Writes loans that are over in one statement (times travel as ISO text, which PostgreSQL casts). */
    @Transactional
    public void history(List<PastLoan> loans) {
        int n = loans.size();
        Long[] copyIds = new Long[n];
        Long[] employeeIds = new Long[n];
        Long[] roomIds = new Long[n];
        String[] borrowed = new String[n];
        String[] due = new String[n];
        String[] returned = new String[n];
        Long[] returnedRooms = new Long[n];
        for (int i = 0; i < n; i++) {
            PastLoan l = loans.get(i);
            copyIds[i] = l.copyId();
            employeeIds[i] = l.employeeId();
            roomIds[i] = l.roomId();
            borrowed[i] = l.borrowedAt().toString();
            due[i] = l.dueAt().toString();
            returned[i] = l.returnedAt().toString();
            returnedRooms[i] = l.returnedRoomId();
        }
        jdbc.sql("""
                        INSERT INTO library_loan (copy_id, employee_id, room_id, via, borrowed_at, due_at, returned_at,
                          returned_room_id, reminded_at, overdue_told_at)
                        SELECT copy_id, employee_id, room_id, 'SELF', borrowed_at, due_at, returned_at, returned_room_id,
                          returned_at, CASE WHEN returned_at > due_at THEN due_at END
                        FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],
                          ?::timestamptz[], ?::bigint[])
                          AS l(copy_id, employee_id, room_id, borrowed_at, due_at, returned_at, returned_room_id)""")
                .params(copyIds, employeeIds, roomIds, borrowed, due, returned, returnedRooms).update();
    }

    /** An employee suggests a book for a room; returns the suggestion's id. */
    @Transactional
    public long suggest(Viewer employee, long roomId, String title, String authors, String isbn, String reason) {
        return suggestions.suggest(employee, roomId, title, authors, isbn, reason);
    }

    /** An officer of the room decides a suggestion: ACCEPTED, DECLINED (with a reply) or ACQUIRED. */
    @Transactional
    public void decide(Viewer officer, long suggestionId, String decision, String reply) {
        suggestions.decide(officer, suggestionId, Suggestions.Status.valueOf(decision), reply);
    }
}
