package org.tongxin.library.internal;

import java.io.Serializable;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.library.internal.Catalogue.TitleDraft;
import org.tongxin.library.internal.Copies.Copy;
import org.tongxin.library.internal.Rooms.Room;
import org.tongxin.shared.audit.AuditTrail;
import org.tongxin.shared.security.Viewer;
import org.tongxin.shared.table.TableFileException;
import org.tongxin.shared.table.TableReader;
import org.tongxin.shared.table.TableRow;
import org.tongxin.shared.web.NotFoundException;

/**
 * A batch of titles from a file (.xlsx or .csv), as the HR import takes employees: every row is checked first and
 * every problem reported with its row; only a file without problems is catalogued, all of it in one transaction,
 * with the copies each row asks for in a room the officer runs. An ISBN twice in the file, or one already
 * catalogued, is a problem: the file adds titles, it never changes them.
 */
@Service
public class CatalogueImport {

    /** Rows per file: a room's first stock is a few thousand books at most. */
    public static final int MAX_ROWS = 5000;

    /** One problem: the row as the user sees it (0 for the file), the column header, an i18n key and the value. */
    public record Problem(int line, String column, String messageKey, String value) implements Serializable {
    }

    /** What happened: titles catalogued and copies added, or the problems (nothing catalogued); shown after a redirect. */
    public record Outcome(int titles, int copies, List<Problem> problems) implements Serializable {

        public boolean ok() {
            return problems.isEmpty();
        }

        static Outcome refused(String messageKey, String value) {
            return new Outcome(0, 0, List.of(new Problem(0, null, messageKey, value)));
        }
    }

    /** A checked row: the title and the copies it asks for. */
    private record Checked(TitleDraft draft, Room room, int copies) {
    }

    private final CatalogueService catalogueService;
    private final Catalogue catalogue;
    private final Copies copies;
    private final Holdings holdings;
    private final AuditTrail audit;

    CatalogueImport(CatalogueService catalogueService, Catalogue catalogue, Copies copies, Holdings holdings,
                    AuditTrail audit) {
        this.catalogueService = catalogueService;
        this.catalogue = catalogue;
        this.copies = copies;
        this.holdings = holdings;
        this.audit = audit;
    }

    @Transactional
    public Outcome importFile(Viewer officer, String fileName, byte[] content) {
        if (!catalogueService.mayCatalogue(officer)) {
            throw new NotFoundException("catalogue");
        }
        List<TableRow<TitleColumn>> rows;
        try {
            rows = TableReader.read(fileName, content, TitleColumn.class);
        } catch (TableFileException e) {
            return Outcome.refused(e.messageKey(), e.detail());
        }
        if (rows.isEmpty()) {
            return Outcome.refused("library.import.noRows", null);
        }
        if (rows.size() > MAX_ROWS) {
            return Outcome.refused("library.import.tooMany", Integer.toString(MAX_ROWS));
        }
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = check(rows, catalogueService.managedRooms(officer), problems);
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, problems);
        }
        List<AuditTrail.Change> changes = new ArrayList<>(checked.size());
        int added = 0;
        for (Checked c : checked) {
            long id = catalogue.insert(c.draft(), null, officer.accountId());
            List<String> barcodes = new ArrayList<>(c.copies());
            for (int i = 0; i < c.copies(); i++) {
                Copy copy = copies.insert(id, c.room().id(), officer.accountId());
                barcodes.add(copy.barcode());
            }
            added += c.copies();
            Map<String, Object> after = new HashMap<>();
            after.put("isbn13", String.valueOf(c.draft().isbn13()));
            if (c.room() != null) {
                after.put("room", c.room().name());
                after.put("barcodes", barcodes);
            }
            changes.add(new AuditTrail.Change("library_title", id, c.room() == null ? null : c.room().unitId(),
                    c.draft().title(), Map.of(), after));
        }
        audit.recordAll(officer, "library.title.import", changes);
        return new Outcome(checked.size(), added, List.of());
    }

    private List<Checked> check(List<TableRow<TitleColumn>> rows, List<Room> rooms, List<Problem> problems) {
        Map<String, Long> categories = new HashMap<>();
        for (Catalogue.Category c : catalogue.categories()) {
            categories.put(c.code().toLowerCase(Locale.ROOT), c.id());
            categories.put(c.nameZh().strip().toLowerCase(Locale.ROOT), c.id());
            categories.put(c.nameEn().strip().toLowerCase(Locale.ROOT), c.id());
        }
        Map<String, Room> roomsByName = new HashMap<>();
        rooms.forEach(r -> roomsByName.put(r.name().strip().toLowerCase(Locale.ROOT), r));
        List<String> isbns = rows.stream().map(r -> Isbn.toIsbn13(r.get(TitleColumn.ISBN))).flatMap(Optional::stream)
                .toList();
        Set<String> catalogued = holdings.catalogued(isbns);
        Map<String, Integer> firstLine = new HashMap<>();
        List<Checked> checked = new ArrayList<>(rows.size());
        for (TableRow<TitleColumn> row : rows) {
            int before = problems.size();
            String isbn = isbn(row, catalogued, firstLine, problems);
            String title = text(row, TitleColumn.TITLE, 200, true, problems);
            String authors = text(row, TitleColumn.AUTHORS, 300, false, problems);
            String publisher = text(row, TitleColumn.PUBLISHER, 100, false, problems);
            String summary = text(row, TitleColumn.SUMMARY, 4000, false, problems);
            Integer year = year(row, problems);
            String category = row.get(TitleColumn.CATEGORY);
            Long categoryId = categories.get(category.toLowerCase(Locale.ROOT));
            if (categoryId == null) {
                problems.add(problem(row, TitleColumn.CATEGORY,
                        category.isEmpty() ? "import.error.required" : "library.import.category", category));
            }
            String roomName = row.get(TitleColumn.ROOM);
            Room room = roomName.isEmpty() ? null : roomsByName.get(roomName.toLowerCase(Locale.ROOT));
            if (!roomName.isEmpty() && room == null) {
                problems.add(problem(row, TitleColumn.ROOM, "library.import.room", roomName));
            }
            int count = copies(row, !roomName.isEmpty(), problems);
            if (count > 0 && roomName.isEmpty()) {
                problems.add(problem(row, TitleColumn.ROOM, "library.import.roomRequired", row.get(TitleColumn.COPIES)));
            }
            if (problems.size() == before) {
                checked.add(new Checked(new TitleDraft(isbn, title, authors, publisher, year, categoryId, summary),
                        room, count));
            }
        }
        return checked;
    }

    private static String isbn(TableRow<TitleColumn> row, Set<String> catalogued, Map<String, Integer> firstLine,
                               List<Problem> problems) {
        String raw = row.get(TitleColumn.ISBN);
        if (raw.isEmpty()) {
            return null;
        }
        Optional<String> isbn = Isbn.toIsbn13(raw);
        if (isbn.isEmpty()) {
            problems.add(problem(row, TitleColumn.ISBN, "library.import.isbn", raw));
            return null;
        }
        Integer first = firstLine.putIfAbsent(isbn.get(), row.line());
        if (first != null) {
            problems.add(problem(row, TitleColumn.ISBN, "library.import.isbnTwice", raw + " (" + first + ")"));
        } else if (catalogued.contains(isbn.get())) {
            problems.add(problem(row, TitleColumn.ISBN, "library.import.isbnTaken", raw));
        }
        return isbn.get();
    }

    private static String text(TableRow<TitleColumn> row, TitleColumn column, int max, boolean required,
                               List<Problem> problems) {
        String value = row.get(column);
        if (required && value.isEmpty()) {
            problems.add(problem(row, column, "import.error.required", ""));
        } else if (value.length() > max) {
            problems.add(problem(row, column, "import.error.tooLong", value.substring(0, 20) + "…"));
        }
        return value;
    }

    private static Integer year(TableRow<TitleColumn> row, List<Problem> problems) {
        String raw = row.get(TitleColumn.YEAR);
        if (raw.isEmpty()) {
            return null;
        }
        Integer year = number(raw);
        if (year == null || year < 1800 || year > Year.now().getValue() + 1) {
            problems.add(problem(row, TitleColumn.YEAR, "library.import.year", raw));
            return null;
        }
        return year;
    }

    /** Copies asked for: blank means one when a room is named, none otherwise. */
    private static int copies(TableRow<TitleColumn> row, boolean roomNamed, List<Problem> problems) {
        String raw = row.get(TitleColumn.COPIES);
        if (raw.isEmpty()) {
            return roomNamed ? 1 : 0;
        }
        Integer n = number(raw);
        if (n == null || n < 0 || n > CatalogueService.MAX_COPIES_AT_ONCE) {
            problems.add(problem(row, TitleColumn.COPIES, "library.import.copies", raw));
            return 0;
        }
        return n;
    }

    private static Integer number(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Problem problem(TableRow<TitleColumn> row, TitleColumn column, String key, String value) {
        return new Problem(row.line(), column.chinese(), key, value);
    }
}
